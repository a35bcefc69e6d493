import { itemName } from "../case-view.ts"
import { authOf, type Finding, worded } from "../finding.ts"
import { groupedRule, type Rule } from "../rule.ts"

/**
 * Rule 10, sequence. Serial numbers on a channel rise with time. A serial lower than one published
 * before it, a serial used twice, or a statement published after one that declared itself the channel's
 * last are flagged: each weakens confidence in the statement without deciding who wrote it.
 */
export const sequence: Rule = groupedRule({
  name: "sequence",
  title: "Serial numbers on a channel rise with time",
  // One group per channel: its statements in order, and the claims that one of them was the last.
  groups: function* (view) {
    for (const [channel] of view.statementsByChannel.entries()) yield channel
  },
  touched: function* (_view, additions) {
    for (const statement of additions.statements) if (statement.channel !== undefined) yield statement.channel
    for (const claim of additions.claims) if (claim.kind === "last-statement") yield claim.channel
  },
  findingsFor: (view, channel) => {
    const findings: Array<Finding> = []
    const statements = view.statementsByChannel.get(channel)
    const numbered = statements
      .filter((statement) => statement.serial?.number !== undefined)
      // In date order, ties broken by id, so that the order of the case file does not matter.
      .toSorted((a, b) =>
        a.observed.start !== b.observed.start
          ? a.observed.start < b.observed.start
            ? -1
            : 1
          : a.observed.end !== b.observed.end
            ? a.observed.end < b.observed.end
              ? -1
              : 1
            : a.id < b.id
              ? -1
              : a.id > b.id
                ? 1
                : 0
      )
    for (let i = 1; i < numbered.length; i++) {
      const previous = numbered[i - 1]!
      const current = numbered[i]!
      const before = previous.serial!.number!
      const now = current.serial!.number!
      const surelyLater = previous.observed.end < current.observed.start
      if (now === before)
        findings.push(
          worded({
            kind: "caution",
            rule: "sequence",
            target: authOf(current.id),
            items: [previous.id, current.id],
            sentence: () =>
              `${itemName(view, current.id)} repeats the serial number ${now} already used by ${itemName(view, previous.id)} on ${itemName(view, channel)}.`,
            weight: 1
          })
        )
      else if (now < before && surelyLater)
        findings.push(
          worded({
            kind: "caution",
            rule: "sequence",
            target: authOf(current.id),
            items: [previous.id, current.id],
            sentence: () =>
              `${itemName(view, current.id)} carries serial ${now}, lower than ${before} on ${itemName(view, previous.id)}, published earlier on ${itemName(view, channel)}: the numbering runs backwards.`,
            weight: 1
          })
        )
    }
    for (const claim of view.claimsByChannel.get(channel)) {
      if (claim.kind !== "last-statement" || !("statement" in claim.madeBy)) continue
      const last = view.statementById.get(claim.madeBy.statement)
      if (last === undefined) continue
      for (const statement of statements) {
        if (statement.id === last.id) continue
        const higher = statement.serial?.number !== undefined && statement.serial.number > claim.serial
        const later = last.observed.end < statement.observed.start
        if (higher || later)
          findings.push(
            worded({
              kind: "caution",
              rule: "sequence",
              target: authOf(statement.id),
              items: [claim.id, statement.id],
              sentence: () =>
                `${itemName(view, statement.id)} comes after ${itemName(view, last.id)}, which declared itself the last statement of ${itemName(view, channel)}.`,
              weight: 1
            })
          )
      }
    }
    return findings
  }
})

import { claimDate, itemName } from "../case-view.ts"
import { surelyBefore } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/**
 * Rule 2, channel control. A claim that a channel was compromised from a time on, made in the name of
 * the actor the channel speaks for but through another channel, puts in dispute who wrote that
 * channel's statements from then on. Statements before that time keep their attribution; a recovery
 * notice ends the dispute for what comes after it, and a refuted compromise claim ends it altogether
 * (the argumentation sees to that: the attack only counts while the claim stands).
 */
export const channelControl: Rule = groupedRule({
  name: "channel-control",
  title: "A channel said to be compromised loses the presumption that its statements are the actor's",
  // One group per compromise claim: the statements of its channel, and the recoveries reported for it.
  groups: (view) => idsOf(view.claimsOfKind("channel-compromised")),
  touched: function* (view, additions) {
    const channels = new Set<string>()
    for (const statement of additions.statements)
      if (statement.channel !== undefined) channels.add(statement.channel)
    for (const claim of additions.claims)
      if (claim.kind === "channel-compromised" || claim.kind === "channel-recovered")
        channels.add(claim.channel)
    for (const channel of channels)
      for (const claim of view.claimsByChannel.get(channel))
        if (claim.kind === "channel-compromised") yield claim.id
  },
  findingsFor: (view, id) => {
    const findings: Array<Finding> = []
    const claim = view.claimById.get(id)
    if (claim?.kind !== "channel-compromised" || !("statement" in claim.madeBy)) return findings
    const maker = view.statementById.get(claim.madeBy.statement)
    const channel = view.channels.get(claim.channel)
    if (maker === undefined || channel?.speaksFor === undefined) return findings
    const speaksFor = channel.speaksFor
    const sameActor = maker.channel !== claim.channel && maker.issuer.actor === speaksFor
    if (!sameActor) return findings
    const recoveries = view.claimsByChannel
      .get(claim.channel)
      .filter((other) => other.kind === "channel-recovered")
    for (const statement of view.statementsByChannel.get(claim.channel)) {
      if (surelyBefore(statement.observed, claim.since)) {
        findings.push(
          worded({
            kind: "note",
            rule: "channel-control",
            target: authOf(statement.id),
            items: [claim.id],
            sentence: () =>
              `${itemName(view, statement.id)} appeared before ${channel.handle} was said to be lost (${claim.since.text}), so it keeps its attribution.`
          })
        )
        continue
      }
      const recovered = recoveries.find(
        (recovery) => recovery.kind === "channel-recovered" && surelyBefore(recovery.at, statement.observed)
      )
      if (recovered !== undefined) {
        findings.push(
          worded({
            kind: "note",
            rule: "channel-control",
            target: authOf(statement.id),
            items: [recovered.id],
            sentence: () =>
              `${itemName(view, statement.id)} appeared after ${channel.handle} was reported recovered (${recovered.id}), so the compromise claim (${claim.id}) does not touch it.`
          })
        )
        continue
      }
      const made = claimDate(claim, view.statementById)
      findings.push(
        worded({
          kind: "attack",
          rule: "channel-control",
          attacker: claimArg(claim.id),
          target: authOf(statement.id),
          items: [claim.id, maker.id],
          sentence: () =>
            `${itemName(view, maker.id)}, speaking for ${itemName(view, speaksFor)} through another channel${made === undefined ? "" : ` (${made.text})`}, says ${channel.handle} was lost from ${claim.since.text} on (${claim.id}); ${itemName(view, statement.id)} appeared after that, so who wrote it is in dispute.`,
          settle: () =>
            `A recovery notice for ${channel.handle}, or independent evidence of who controlled it from ${claim.since.text}, would settle who wrote it.`
        })
      )
    }
    return findings
  }
})

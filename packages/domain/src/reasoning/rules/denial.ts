import { claimDate, isWithin, itemName } from "../case-view.ts"
import { surelyBefore } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/**
 * Rule 6, denial. An actor's denial of a statement attributed to it attacks that statement (or, for a
 * denied claim, the claim). A later confirmation by the same actor, such as an audio pledge in the
 * leader's voice, defeats the earlier denial.
 */
export const denial: Rule = groupedRule({
  name: "denial",
  title: "An actor's denial attacks what is attributed to it; its later confirmation defeats the denial",
  // One group per denial: what it denies, and the confirmations of that.
  groups: (view) => idsOf(view.claimsOfKind("denial")),
  touched: function* (view, additions) {
    const denied = (target: string) =>
      idsOf(view.claimsAbout.get(target).filter((claim) => claim.kind === "denial"))
    for (const statement of additions.statements) yield* denied(statement.id)
    for (const claim of additions.claims) {
      yield* denied(claim.id)
      if (claim.kind === "denial") yield claim.id
      else if (claim.kind === "confirmation") yield* denied(claim.target)
    }
  },
  findingsFor: (view, id) => {
    const findings: Array<Finding> = []
    const claim = view.claimById.get(id)
    if (claim?.kind !== "denial" || !("statement" in claim.madeBy)) return findings
    const maker = view.statementById.get(claim.madeBy.statement)
    if (maker === undefined) return findings
    const deniedStatement = view.statementById.get(claim.target)
    const deniedClaim = view.claimById.get(claim.target)
    const attributedTo =
      deniedStatement?.issuer.actor ??
      (deniedClaim !== undefined && "statement" in deniedClaim.madeBy
        ? view.statementById.get(deniedClaim.madeBy.statement)?.issuer.actor
        : deniedClaim?.scope)
    if (attributedTo === undefined) return findings
    const sameActor =
      isWithin(view, maker.issuer.actor, attributedTo) || isWithin(view, attributedTo, maker.issuer.actor)
    if (!sameActor) return findings
    const target = deniedStatement !== undefined ? authOf(deniedStatement.id) : claimArg(claim.target)
    findings.push(
      worded({
        kind: "attack",
        rule: "denial",
        attacker: claimArg(claim.id),
        target,
        items: [claim.id, maker.id],
        sentence: () =>
          `${itemName(view, attributedTo)} denies ${itemName(view, claim.target)} through ${itemName(view, maker.id)} (${claim.id}).`,
        settle: () =>
          `A later confirmation by ${itemName(view, attributedTo)}, or evidence that the deniers no longer speak for it, would settle it.`
      })
    )
    const denied = claimDate(claim, view.statementById)
    for (const confirmation of view.claimsAbout.get(claim.target)) {
      if (confirmation.kind !== "confirmation" || !("statement" in confirmation.madeBy)) continue
      const confirmer = view.statementById.get(confirmation.madeBy.statement)
      const confirmed = claimDate(confirmation, view.statementById)
      if (confirmer === undefined || confirmed === undefined || denied === undefined) continue
      if (!isWithin(view, confirmer.issuer.actor, attributedTo) || !surelyBefore(denied, confirmed)) continue
      findings.push(
        worded({
          kind: "attack",
          rule: "denial",
          attacker: claimArg(confirmation.id),
          target: claimArg(claim.id),
          items: [confirmation.id],
          sentence: () =>
            `${itemName(view, attributedTo)} later confirmed ${itemName(view, claim.target)} (${confirmation.id}, ${confirmed.text}), which defeats the earlier denial.`
        })
      )
    }
    return findings
  }
})

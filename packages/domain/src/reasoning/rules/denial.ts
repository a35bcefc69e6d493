import { claimDate, isWithin, itemName, push } from "../case-view.ts"
import { surelyBefore } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import type { ClaimOf } from "../../model/claim.ts"
import type { Rule } from "../rule.ts"

/**
 * Rule 6, denial. An actor's denial of a statement attributed to it attacks that statement (or, for a
 * denied claim, the claim). A later confirmation by the same actor, such as an audio pledge in the
 * leader's voice, defeats the earlier denial.
 */
export const denial: Rule = {
  name: "denial",
  title: "An actor's denial attacks what is attributed to it; its later confirmation defeats the denial",
  apply: (view) => {
    const findings: Array<Finding> = []
    const confirmationsOf = new Map<string, Array<ClaimOf<"confirmation">>>()
    for (const confirmation of view.claimsOfKind("confirmation"))
      push(confirmationsOf, confirmation.target, confirmation)
    for (const claim of view.claimsOfKind("denial")) {
      if (!("statement" in claim.madeBy)) continue
      const maker = view.statementById.get(claim.madeBy.statement)
      if (maker === undefined) continue
      const deniedStatement = view.statementById.get(claim.target)
      const deniedClaim = view.claimById.get(claim.target)
      const attributedTo =
        deniedStatement?.issuer.actor ??
        (deniedClaim !== undefined && "statement" in deniedClaim.madeBy
          ? view.statementById.get(deniedClaim.madeBy.statement)?.issuer.actor
          : deniedClaim?.scope)
      if (attributedTo === undefined) continue
      const sameActor =
        isWithin(view, maker.issuer.actor, attributedTo) || isWithin(view, attributedTo, maker.issuer.actor)
      if (!sameActor) continue
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
      for (const confirmation of confirmationsOf.get(claim.target) ?? []) {
        if (!("statement" in confirmation.madeBy)) continue
        const confirmer = view.statementById.get(confirmation.madeBy.statement)
        const confirmed = claimDate(confirmation, view.statementById)
        if (confirmer === undefined || confirmed === undefined || denied === undefined) continue
        if (!isWithin(view, confirmer.issuer.actor, attributedTo) || !surelyBefore(denied, confirmed))
          continue
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
    }
    return findings
  }
}

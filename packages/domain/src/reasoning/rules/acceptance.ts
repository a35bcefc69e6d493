import type { Claim, ClaimOf } from "../../model/claim.ts"
import type { CaseView } from "../case-view.ts"
import { indexPerView, isWithin, itemName } from "../case-view.ts"
import { claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/** Pledges and acceptances by kind and recipient ("pledge:R", "acceptance:R"). */
const claimsByRecipient = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims)
    if (claim.kind === "pledge" || claim.kind === "acceptance") add(`${claim.kind}:${claim.recipient}`, claim)
})

/** The acceptances of a pledge that come from its recipient: the only ones that make it accepted. */
export const acceptancesOf = (view: CaseView, pledge: ClaimOf<"pledge">): ReadonlyArray<Claim> =>
  claimsByRecipient(view)
    .get(`acceptance:${pledge.recipient}`)
    .filter((claim) => {
      if (claim.kind !== "acceptance") return false
      if (!isWithin(view, pledge.pledger, claim.pledger)) return false
      if ("statement" in claim.madeBy) {
        const maker = view.statementById.get(claim.madeBy.statement)
        return maker !== undefined && isWithin(view, maker.issuer.actor, pledge.recipient)
      }
      const source = view.sources.get(claim.madeBy.source)
      return source?.kind !== "supporter-account" && claim.attributedTo === pledge.recipient
    })

/**
 * Rule 9, acceptance. A pledge is announced by the pledger; it is accepted only when the recipient
 * acknowledges it. The finding says which, so that a verdict never presents an announced pledge as a
 * completed one.
 */
export const acceptance: Rule = groupedRule({
  name: "acceptance",
  title: "A pledge is accepted only when its recipient acknowledges it",
  // One group per pledge: the acknowledgements of it.
  groups: (view) => idsOf(view.claimsOfKind("pledge")),
  touched: function* (view, additions) {
    for (const claim of additions.claims)
      if (claim.kind === "pledge") yield claim.id
      else if (claim.kind === "acceptance")
        for (const other of claimsByRecipient(view).get(`pledge:${claim.recipient}`))
          if (other.kind === "pledge") yield other.id
  },
  findingsFor: (view, id): ReadonlyArray<Finding> => {
    const claim = view.claimById.get(id)
    if (claim?.kind !== "pledge") return []
    const acceptances = acceptancesOf(view, claim)
    return [
      worded({
        kind: "note",
        rule: "acceptance",
        target: claimArg(claim.id),
        items: acceptances.map((accepted) => accepted.id),
        sentence: () =>
          acceptances.length === 0
            ? `The pledge of ${itemName(view, claim.pledger)} to ${itemName(view, claim.recipient)} is announced only: no acknowledgement by ${itemName(view, claim.recipient)} is known.`
            : `${itemName(view, claim.recipient)} acknowledged the pledge (${acceptances.map((accepted) => accepted.id).join(", ")}).`
      })
    ]
  }
})

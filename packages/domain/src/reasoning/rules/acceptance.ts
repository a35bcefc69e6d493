import type { Claim, ClaimOf } from "../../model/claim.ts"
import { isWithin, speaksAsPartOf } from "../actor-tree.ts"
import type { CaseView } from "../case-view.ts"
import { indexPerView, itemName, readsNoTree, upperFirst } from "../case-view.ts"
import { claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, type Rule } from "../rule.ts"

/** A pledge of allegiance, new or renewed. */
export type Allegiance = ClaimOf<"pledge"> | ClaimOf<"reaffirmation">

/** A claim that the recipient took a pledge in: an acceptance, or the recipient naming the pledger its province. */
export type Acknowledging = ClaimOf<"acceptance"> | ClaimOf<"designation">

const isAllegiance = (claim: Claim): claim is Allegiance =>
  claim.kind === "pledge" || claim.kind === "reaffirmation"
const isAcknowledging = (claim: Claim): claim is Acknowledging =>
  claim.kind === "acceptance" || claim.kind === "designation"

/** Allegiances and acknowledgements by recipient ("pledge:R", "ack:R"). */
const claimsByRecipient = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims)
    if (isAllegiance(claim)) add(`pledge:${claim.recipient}`, claim)
    else if (isAcknowledging(claim)) add(`ack:${claim.recipient}`, claim)
}, readsNoTree)

/**
 * Whether an acceptance (or designation) comes from the recipient: a statement in the recipient's name, or
 * a source (not a supporter account) reporting the recipient's own words. One put out by the pledger, or
 * by anyone else, is not an acceptance: it is the pledger's word that it was accepted.
 */
export const isAcknowledgement = (view: CaseView, claim: Acknowledging): boolean => {
  if ("statement" in claim.madeBy) {
    const maker = view.statementById.get(claim.madeBy.statement)
    return maker !== undefined && speaksAsPartOf(view, maker, claim.recipient, maker.observed.start)
  }
  const source = view.sources.get(claim.madeBy.source)
  return (
    source?.kind !== "supporter-account" &&
    claim.attributedTo !== undefined &&
    isWithin(view, claim.attributedTo, claim.recipient)
  )
}

/** The acknowledgements of a pledge that come from its recipient: the only ones that make it accepted. */
export const acceptancesOf = (view: CaseView, pledge: Allegiance): ReadonlyArray<Acknowledging> =>
  claimsByRecipient(view)
    .get(`ack:${pledge.recipient}`)
    .filter(
      (claim): claim is Acknowledging =>
        isAcknowledging(claim) &&
        isWithin(view, pledge.pledger, claim.pledger) &&
        isAcknowledgement(view, claim)
    )

/** The acknowledgements by the names a writer would give them, as a list ("a, b and c"); their ids go with the step. */
const namesOf = (view: CaseView, claims: ReadonlyArray<Claim>): string =>
  new Intl.ListFormat("en", { type: "conjunction" }).format(claims.map((claim) => itemName(view, claim.id)))

/**
 * Rule 9, acceptance. A pledge is announced by the pledger; it is accepted only when the recipient
 * acknowledges it (an acceptance, or the recipient naming the pledger its province or affiliate). An
 * acceptance put out by the pledger is not one. A reaffirmation renews an allegiance already held: it is
 * not a new pledge awaiting acceptance. The findings say which, so that a verdict never presents an
 * announced pledge as a completed one, and the relationships read the same notion.
 */
export const acceptance: Rule = groupedRule({
  name: "acceptance",
  title: "A pledge is accepted only when its recipient acknowledges it",
  // One group per pledge or reaffirmation (its acknowledgements), and per acceptance (whether it is one).
  groups: function* (view) {
    for (const claim of view.claimsOfKind("pledge")) yield claim.id
    for (const claim of view.claimsOfKind("reaffirmation")) yield claim.id
    for (const claim of view.claimsOfKind("acceptance")) yield claim.id
    for (const claim of view.claimsOfKind("designation")) yield claim.id
  },
  touched: function* (view, additions) {
    for (const claim of additions.claims)
      if (isAllegiance(claim)) yield claim.id
      else if (isAcknowledging(claim)) {
        yield claim.id
        for (const other of claimsByRecipient(view).get(`pledge:${claim.recipient}`)) yield other.id
      }
  },
  findingsFor: (view, id): ReadonlyArray<Finding> => {
    const claim = view.claimById.get(id)
    if (claim === undefined) return []
    if (isAcknowledging(claim)) {
      if (isAcknowledgement(view, claim)) return []
      return [
        worded({
          kind: "note",
          rule: "acceptance",
          target: claimArg(claim.id),
          items: [claim.id],
          sentence: () =>
            `${upperFirst(itemName(view, claim.id))} does not come from ${itemName(view, claim.recipient)}: it is not an acknowledgement by the recipient, so the pledge of ${itemName(view, claim.pledger)} is not accepted on it.`
        })
      ]
    }
    if (!isAllegiance(claim)) return []
    const acceptances = acceptancesOf(view, claim)
    return [
      worded({
        kind: "note",
        rule: "acceptance",
        target: claimArg(claim.id),
        items: acceptances.map((accepted) => accepted.id),
        sentence: () =>
          claim.kind === "reaffirmation"
            ? `${itemName(view, claim.pledger)} renews an allegiance it already holds to ${itemName(view, claim.recipient)}: not a new pledge awaiting acceptance${acceptances.length === 0 ? "" : ` (${itemName(view, claim.recipient)} acknowledged it: ${namesOf(view, acceptances)})`}.`
            : acceptances.length === 0
              ? `The pledge of ${itemName(view, claim.pledger)} to ${itemName(view, claim.recipient)} is announced only: no acknowledgement by ${itemName(view, claim.recipient)} is known.`
              : `${upperFirst(itemName(view, claim.recipient))} acknowledged the pledge (${namesOf(view, acceptances)}).`
      })
    ]
  }
})

import type { Claim } from "../../model/claim.ts"
import { isWithin } from "../actor-tree.ts"
import {
  type CaseView,
  claimDate,
  claimsByShape,
  claimsRestingOn,
  indexPerView,
  itemName,
  readsNoTree,
  upperFirst
} from "../case-view.ts"
import { claimArg, worded } from "../finding.ts"
import { shapeKey } from "../proposition.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/**
 * Rule 4, scope. A claim scoped to a branch says nothing about the parent or a sibling. A claim that an
 * actor as a whole did something, resting only on statements that said it of a part of that actor, is
 * refuted as overreach. The evidence a claim rests on is what it names; when it names nothing, it is
 * the statements making the same kind of claim at the time the claim dates the event.
 */
export const scope: Rule = groupedRule({
  name: "scope",
  title: "A claim about a branch is not a claim about the whole",
  // One group per claim: the claim and the evidence it rests on.
  groups: (view) => idsOf(view.claims),
  touched: function* (view, additions) {
    for (const statement of additions.statements) yield* idsOf(claimsRestingOn(view).get(statement.id))
    for (const claim of additions.claims) {
      yield claim.id
      yield* idsOf(claimsRestingOn(view).get(claim.id))
      if (!("statement" in claim.madeBy)) continue
      yield* idsOf(claimsRestingOn(view).get(claim.madeBy.statement))
      // Reports that name no evidence rest on what statements said at the time they date.
      const said = claimDate(claim, view.statementById)
      if (said === undefined) continue
      for (const other of reportsOfOccurrences(view).get(shapeKey(view.model, claim)))
        if (said.start <= other.occurred!.end && other.occurred!.start <= said.end) yield other.id
    }
  },
  findingsFor: (view, id) => {
    const claim = view.claimById.get(id)
    if (claim === undefined) return []
    const resting = restingClaims(view, claim)
    if (resting.length === 0) return []
    const narrower = resting.filter(
      (other) => other.scope !== claim.scope && isWithin(view, other.scope, claim.scope)
    )
    if (narrower.length !== resting.length) return []
    const scopes = [...new Set(narrower.map((other) => itemName(view, other.scope)))].join(", ")
    const statements = [
      ...new Set(narrower.map((other) => ("statement" in other.madeBy ? other.madeBy.statement : other.id)))
    ]
    return [
      worded({
        kind: "attack",
        rule: "scope",
        attacker: `overreach:${claim.id}`,
        target: claimArg(claim.id),
        items: [claim.id, ...statements],
        sentence: () =>
          `${upperFirst(itemName(view, claim.id))} says this of ${itemName(view, claim.scope)} as a whole, but the evidence it rests on (${statements.map((other) => itemName(view, other)).join(", ")}) said it only of ${scopes}: a claim about a branch is not a claim about the whole, so this is overreach.`
      })
    ]
  }
})

/**
 * Claims reported by a source that name no evidence but date what they report, by shape: what a
 * statement's claim of that shape, said at the time, may be evidence for. Most claims of a shape are not
 * such reports, and a statement added looks only among these.
 */
const reportsOfOccurrences = indexPerView<Claim>((view, items, add) => {
  for (const claim of items.claims)
    if ("source" in claim.madeBy && claim.restsOn.length === 0 && claim.occurred !== undefined)
      add(shapeKey(view.model, claim), claim)
}, readsNoTree)

/** The claims `claim` rests on: those it names, or for a report naming none, what was said at the time. */
const restingClaims = (view: CaseView, claim: Claim): ReadonlyArray<Claim> => {
  const shape = shapeKey(view.model, claim)
  if (claim.restsOn.length > 0) {
    return claim.restsOn.flatMap((id) => {
      const direct = view.claimById.get(id)
      if (direct !== undefined) return [direct]
      return view.claimsByStatement.get(id).filter((other) => shapeKey(view.model, other) === shape)
    })
  }
  // A claim reported by a source that names no evidence rests on what was said at the time it dates.
  if (!("source" in claim.madeBy) || claim.occurred === undefined) return []
  const occurred = claim.occurred
  return claimsByShape(view)
    .get(shape)
    .filter((other) => {
      if (other.id === claim.id || !("statement" in other.madeBy)) return false
      const date = claimDate(other, view.statementById)
      return date !== undefined && date.start <= occurred.end && occurred.start <= date.end
    })
}

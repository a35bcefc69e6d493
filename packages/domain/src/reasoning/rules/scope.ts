import { claimDate, isWithin, itemName } from "../case-view.ts"
import { claimArg, type Finding, worded } from "../finding.ts"
import { shapeKey } from "../proposition.ts"
import type { Claim } from "../../model/claim.ts"
import type { Rule } from "../rule.ts"

/**
 * Rule 4, scope. A claim scoped to a branch says nothing about the parent or a sibling. A claim that an
 * actor as a whole did something, resting only on statements that said it of a part of that actor, is
 * refuted as overreach. The evidence a claim rests on is what it names; when it names nothing, it is
 * the statements making the same kind of claim at the time the claim dates the event.
 */
export const scope: Rule = {
  name: "scope",
  title: "A claim about a branch is not a claim about the whole",
  apply: (view) => {
    const findings: Array<Finding> = []
    const byShape = new Map<string, Array<Claim>>()
    for (const claim of view.claims) {
      const key = shapeKey(claim)
      const list = byShape.get(key)
      if (list === undefined) byShape.set(key, [claim])
      else list.push(claim)
    }
    for (const claim of view.claims) {
      const resting = restingClaims(claim)
      if (resting.length === 0) continue
      const narrower = resting.filter(
        (other) => other.scope !== claim.scope && isWithin(view, other.scope, claim.scope)
      )
      if (narrower.length !== resting.length) continue
      const scopes = [...new Set(narrower.map((other) => itemName(view, other.scope)))].join(", ")
      const statements = [
        ...new Set(narrower.map((other) => ("statement" in other.madeBy ? other.madeBy.statement : other.id)))
      ]
      findings.push(
        worded({
          kind: "attack",
          rule: "scope",
          attacker: `overreach:${claim.id}`,
          target: claimArg(claim.id),
          items: [claim.id, ...statements],
          sentence: () =>
            `${claim.id} says this of ${itemName(view, claim.scope)} as a whole, but the evidence it rests on (${statements.map((id) => itemName(view, id)).join(", ")}) said it only of ${scopes}: a claim about a branch is not a claim about the whole, so this is overreach.`
        })
      )
    }
    return findings

    function restingClaims(claim: Claim): ReadonlyArray<Claim> {
      const sameShape = byShape.get(shapeKey(claim)) ?? []
      if (claim.restsOn.length > 0) {
        return claim.restsOn.flatMap((id) => {
          const direct = view.claimById.get(id)
          if (direct !== undefined) return [direct]
          return (view.claimsByStatement.get(id) ?? []).filter((other) => shapeKey(other) === shapeKey(claim))
        })
      }
      // A claim reported by a source that names no evidence rests on what was said at the time it dates.
      if (!("source" in claim.madeBy) || claim.occurred === undefined) return []
      const occurred = claim.occurred
      return sameShape.filter((other) => {
        if (other.id === claim.id || !("statement" in other.madeBy)) return false
        const date = claimDate(other, view.statementById)
        return date !== undefined && date.start <= occurred.end && occurred.start <= date.end
      })
    }
  }
}

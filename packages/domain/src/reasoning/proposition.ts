import type { CaseModel } from "../model/case-model.ts"
import type { Claim } from "../model/claim.ts"

/**
 * The proposition a claim states, as a key: claims with the same key say the same thing and
 * corroborate each other; the key leaves out who made the claim and when. Each kind says how
 * (`ClaimKind.proposition`).
 */
export const propositionKey = (model: CaseModel, claim: Claim): string =>
  model.kindOf(claim).proposition(claim)

/**
 * The same key with the actor whose scope is in question left out: two claims with the same
 * `shapeKey` make the same kind of assertion about possibly different actors (a pledge to the same
 * recipient by a branch and by the whole group). A kind that says nothing of it gives its name.
 */
export const shapeKey = (model: CaseModel, claim: Claim): string => {
  const kind = model.kindOf(claim)
  return kind.shape === undefined ? claim.kind : kind.shape(claim)
}

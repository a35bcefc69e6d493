import { Schema } from "effect"
import { ActorId, EvidenceId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * Only part of an actor (some commanders, a council) stands behind a decision or statement made in
 * the whole actor's name; `about` names it when it is in the case.
 */
export const partialInvolvement = claimKind(
  "partial-involvement",
  { actor: ActorId, part: Schema.NonEmptyString, about: Schema.optionalKey(EvidenceId) },
  {
    refers: { actor: "actors", about: ["statements", "claims", "observations"] },
    describe: (claim, name) =>
      `that only ${claim.part} of ${name(claim.actor)} stood behind ${claim.about === undefined ? "the decision" : name(claim.about)}`,
    proposition: (claim) => `partial-involvement:${claim.actor}`,
    activity: (claim) => ({
      actor: claim.actor,
      description: `word that only ${claim.part} stood behind a decision made in its name`
    }),
    against: (claim, expectation, _view, name) =>
      expectation.kind === "pledge" && claim.actor === expectation.pledger
        ? `it says only ${claim.part} acted, not the whole of ${name(claim.actor)}`
        : undefined
  }
)

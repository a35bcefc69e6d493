import { Schema } from "effect"
import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** How many an actor numbers, in the claim's words ("hundreds") and, when it gives them, as bounds. */
export const sizeEstimate = claimKind(
  "size-estimate",
  {
    actor: ActorId,
    estimate: Schema.NonEmptyString,
    low: Schema.optionalKey(Schema.Int),
    high: Schema.optionalKey(Schema.Int)
  },
  {
    refers: { actor: "actors" },
    describe: (claim, name) => `that ${name(claim.actor)} numbers ${claim.estimate}`,
    proposition: (claim) => `size-estimate:${claim.actor}:${claim.estimate}`,
    activity: (claim) => ({ actor: claim.actor, description: `a report of its size (${claim.estimate})` })
  }
)

import { ActorId, EvidenceId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** The bulk of an actor stands behind a statement made in its name. */
export const majorityBacking = claimKind(
  "majority-backing",
  { actor: ActorId, backs: EvidenceId },
  {
    refers: { actor: "actors", backs: ["statements", "claims", "observations"] },
    describe: (claim, name) => `that the majority of ${name(claim.actor)} stands behind ${name(claim.backs)}`,
    proposition: (claim) => `majority-backing:${claim.actor}>${claim.backs}`
  }
)

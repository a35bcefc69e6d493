import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor dissolved: it ends, from the claim's date. */
export const dissolution = claimKind(
  "dissolution",
  { actor: ActorId },
  {
    refers: { actor: "actors" },
    describe: (claim, name) => `that ${name(claim.actor)} dissolved`,
    proposition: (claim) => `dissolution:${claim.actor}`,
    decision: true,
    ends: (claim) => claim.actor
  }
)

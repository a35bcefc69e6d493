import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** Two actors are rivals. */
export const rivalry = claimKind(
  "rivalry",
  { actor: ActorId, with: ActorId },
  {
    refers: { actor: "actors", with: "actors" },
    describe: (claim, name) => `that ${name(claim.actor)} is a rival of ${name(claim.with)}`,
    proposition: (claim) => `rivalry:${[claim.actor, claim.with].sort().join("~")}`,
    relationship: { kind: "rival-of", between: (claim) => [claim.actor, claim.with], symmetric: true }
  }
)

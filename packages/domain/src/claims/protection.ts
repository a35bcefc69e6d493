import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor is protected by another. */
export const protection = claimKind(
  "protection",
  { protected: ActorId, protector: ActorId },
  {
    refers: { protected: "actors", protector: "actors" },
    describe: (claim, name) => `that ${name(claim.protected)} is protected by ${name(claim.protector)}`,
    proposition: (claim) => `protection:${claim.protector}>${claim.protected}`,
    relationship: { kind: "protected-by", between: (claim) => [claim.protected, claim.protector] }
  }
)

import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor (a person, a faction) is a member of another. */
export const membership = claimKind(
  "membership",
  { member: ActorId, of: ActorId },
  {
    refers: { member: "actors", of: "actors" },
    describe: (claim, name) => `that ${name(claim.member)} is a member of ${name(claim.of)}`,
    proposition: (claim) => `membership:${claim.member}>${claim.of}`,
    relationship: { kind: "member-of", between: (claim) => [claim.member, claim.of] }
  }
)

import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** The recipient's acknowledgement of a pledge. Without it a pledge is announced, not accepted. */
export const acceptance = claimKind(
  "acceptance",
  { pledger: ActorId, recipient: ActorId },
  {
    refers: { pledger: "actors", recipient: "actors" },
    describe: (claim, name) => `that ${name(claim.recipient)} accepted the pledge of ${name(claim.pledger)}`,
    proposition: (claim) => `acceptance:${claim.pledger}>${claim.recipient}`,
    shape: (claim) => `acceptance:>${claim.recipient}`,
    decision: true,
    relationship: { kind: "accepted-by", between: (claim) => [claim.pledger, claim.recipient] }
  }
)

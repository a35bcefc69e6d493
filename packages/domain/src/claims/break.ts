import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A pledge withdrawn: ends an allegiance episode; a later pledge is a new episode. */
export const pledgeBreak = claimKind(
  "break",
  { pledger: ActorId, recipient: ActorId },
  {
    refers: { pledger: "actors", recipient: "actors" },
    describe: (claim, name) => `that ${name(claim.pledger)} broke its allegiance to ${name(claim.recipient)}`,
    proposition: (claim) => `break:${claim.pledger}>${claim.recipient}`,
    shape: (claim) => `break:>${claim.recipient}`,
    decision: true
  }
)

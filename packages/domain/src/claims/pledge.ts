import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** A pledge of allegiance (bay'ah) announced by the pledger: one allegiance episode. */
export const pledge = claimKind(
  "pledge",
  { pledger: ActorId, recipient: ActorId },
  {
    refers: { pledger: "actors", recipient: "actors" },
    describe: (claim, name) => `that ${name(claim.pledger)} pledged allegiance to ${name(claim.recipient)}`,
    proposition: (claim) => `pledge:${claim.pledger}>${claim.recipient}`,
    shape: (claim) => `pledge:>${claim.recipient}`,
    decision: true,
    relationship: { kind: "pledged-to", between: (claim) => [claim.pledger, claim.recipient] }
  }
)

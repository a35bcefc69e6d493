import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * A pledge renewed: the pledger reaffirms an allegiance it already holds. It is not a new pledge awaiting
 * acceptance (rule 9): it belongs to the allegiance it renews, whose acceptance, if any, it keeps.
 */
export const reaffirmation = claimKind(
  "reaffirmation",
  { pledger: ActorId, recipient: ActorId },
  {
    refers: { pledger: "actors", recipient: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.pledger)} reaffirmed its allegiance to ${name(claim.recipient)}`,
    proposition: (claim) => `reaffirmation:${claim.pledger}>${claim.recipient}`,
    shape: (claim) => `reaffirmation:>${claim.recipient}`,
    decision: true,
    relationship: { kind: "pledged-to", between: (claim) => [claim.pledger, claim.recipient] }
  }
)

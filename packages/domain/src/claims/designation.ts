import { Schema } from "effect"
import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * The recipient of a pledge names the pledger its province or affiliate ("Wilayat Sinai"). Made by the
 * recipient, it is an acknowledgement of the pledge (rule 9) and gives the pledger a new name; it does not
 * end the pledger, which goes on under that name.
 */
export const designation = claimKind(
  "designation",
  {
    /** The actor designated: the pledger. */
    pledger: ActorId,
    /** The actor that designates it: the recipient of the pledge. */
    recipient: ActorId,
    /** The name it is given ("Wilayat Sinai"), when the claim gives it. */
    as: Schema.optionalKey(Schema.NonEmptyString)
  },
  {
    refers: { pledger: "actors", recipient: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.recipient)} named ${name(claim.pledger)} its province or affiliate${claim.as === undefined ? "" : ` (${claim.as})`}`,
    proposition: (claim) => `acceptance:${claim.pledger}>${claim.recipient}`,
    shape: (claim) => `acceptance:>${claim.recipient}`,
    relationship: { kind: "accepted-by", between: (claim) => [claim.pledger, claim.recipient] }
  }
)

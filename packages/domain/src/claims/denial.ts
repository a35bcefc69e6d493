import { EvidenceId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor denies that a statement or claim attributed to it is its own, or true. */
export const denial = claimKind(
  "denial",
  { target: EvidenceId },
  {
    refers: { target: ["statements", "claims"] },
    describe: (claim, name) => `that ${name(claim.target)} is not what it is said to be (a denial)`,
    proposition: (claim) => `denial:${claim.target}`
  }
)

import { EvidenceId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor confirms, later, a statement or claim attributed to it (e.g. an audio pledge in the leader's voice). */
export const confirmation = claimKind(
  "confirmation",
  { target: EvidenceId },
  {
    refers: { target: ["statements", "claims"] },
    describe: (claim, name) => `that ${name(claim.target)} is confirmed`,
    proposition: (claim) => `confirmation:${claim.target}`
  }
)

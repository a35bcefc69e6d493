import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** An actor merged into another, which absorbed it: the absorbed actor ends, from the claim's date. */
export const merger = claimKind(
  "merger",
  { absorbed: ActorId, into: ActorId },
  {
    refers: { absorbed: "actors", into: "actors" },
    describe: (claim, name) => `that ${name(claim.absorbed)} merged into ${name(claim.into)}`,
    proposition: (claim) => `merger:${claim.absorbed}>${claim.into}`,
    shape: (claim) => `merger:>${claim.into}`,
    decision: true,
    relationship: { kind: "merged-into", between: (claim) => [claim.absorbed, claim.into] },
    ends: (claim) => claim.absorbed
  }
)

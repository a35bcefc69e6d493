import { Schema } from "effect"
import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** Two actors work together, on a front when the claim names one. */
export const cooperation = claimKind(
  "cooperation",
  { actor: ActorId, with: ActorId, front: Schema.optionalKey(Schema.String) },
  {
    refers: { actor: "actors", with: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.actor)} cooperates with ${name(claim.with)}${claim.front === undefined ? "" : ` (${claim.front})`}`,
    proposition: (claim) => `cooperation:${[claim.actor, claim.with].sort().join("~")}`,
    relationship: { kind: "cooperates-with", between: (claim) => [claim.actor, claim.with], symmetric: true },
    activity: (claim) => ({ actor: claim.actor, description: "a report of it fighting beside another group" })
  }
)

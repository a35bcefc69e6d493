import { Schema } from "effect"
import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/** Some members of an actor gave allegiance elsewhere, the actor itself did not. */
export const partialAllegiance = claimKind(
  "partial-allegiance",
  { actor: ActorId, to: ActorId, who: Schema.optionalKey(Schema.String) },
  {
    refers: { actor: "actors", to: "actors" },
    describe: (claim, name) =>
      `that some of ${name(claim.actor)}${claim.who === undefined ? "" : ` (${claim.who})`} gave allegiance to ${name(claim.to)}`,
    proposition: (claim) => `partial-allegiance:${claim.actor}>${claim.to}`,
    shape: (claim) => `partial-allegiance:>${claim.to}`,
    relationship: { kind: "partial-allegiance", between: (claim) => [claim.actor, claim.to] }
  }
)

import { Schema } from "effect"
import { ActorId } from "../model/ids.ts"
import { claimKind } from "./claim-kind.ts"

/**
 * A claim of responsibility: an actor says it carried out an attack or an event (what, and where when it
 * says; when is the claim's `occurred`). Whoever makes it, it is evidence of the actor at work on the
 * day it was claimed (rule 7), as strong as the claim itself.
 */
export const responsibility = claimKind(
  "responsibility",
  {
    /** The actor that claims it, or is said to have claimed it. */
    actor: ActorId,
    /** What it claims, in the claim's words ("the attack on the checkpoint at X"). */
    event: Schema.NonEmptyString,
    place: Schema.optionalKey(Schema.NonEmptyString)
  },
  {
    refers: { actor: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.actor)} carried out ${claim.event}${claim.place === undefined ? "" : ` (${claim.place})`}${claim.occurred === undefined ? "" : `, ${claim.occurred.text}`}`,
    proposition: (claim) =>
      `responsibility:${claim.actor}:${claim.event}${claim.occurred === undefined ? "" : `@${claim.occurred.start}`}`,
    activity: (claim) => ({
      actor: claim.actor,
      description: `a claim of responsibility for ${claim.event}${claim.place === undefined ? "" : ` (${claim.place})`}`
    })
  }
)

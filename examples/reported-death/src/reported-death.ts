import { ActorId, claimKind, DateField } from "@allegiance/domain"
import { Schema } from "effect"

/**
 * A report that a person died (was killed, died of wounds, was executed): who, when the report says it
 * happened and, when it says, how. Who reports it is the claim's maker, as for any claim: a statement
 * (a group announcing its commander's death) or a source (a news agency, dated by `reported`).
 *
 * A death ends the person as an actor, like a dissolution ends a group: an established report makes
 * the person cease from its date, evidence of the person at work not dated before it (a new speech, a
 * claim that the person is alive) attacks the report, and a hypothesis that the person goes on counts
 * the report against it.
 */
export const reportedDeath = claimKind(
  "reported-death",
  {
    /** The person reported dead. */
    actor: ActorId,
    /** When the person died, as the report dates it. */
    died: DateField,
    /** How, in the report's words ("killed in an air strike"), when it says. */
    manner: Schema.optionalKey(Schema.NonEmptyString)
  },
  {
    refers: { actor: "actors" },
    describe: (claim, name) =>
      `that ${name(claim.actor)} is dead (${claim.died.text}${claim.manner === undefined ? "" : `, ${claim.manner}`})`,
    // Reports of one person's death say the same thing, whatever date or manner each gives.
    proposition: (claim) => `reported-death:${claim.actor}`,
    ends: (claim) => claim.actor
  }
)

export type ReportedDeath = (typeof reportedDeath.schema)["Type"]

import { Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
import { ActorId, ChannelId, EvidenceId, ObservationId, SourceId } from "./ids.ts"
import { Credibility } from "./source.ts"

/**
 * What was seen that is not an actor's claim.
 * - activity: dated evidence of the actor at work under its banner (photos of members, an event).
 * - release: a release was seen (its content, if it makes claims, is a statement).
 * - absence: a release the actor used to make did not come (a festival message, a regular series).
 */
export const ObservationKind = Schema.Literals(["activity", "release", "absence"])
export type ObservationKind = typeof ObservationKind.Type

export class Observation extends Schema.Class<Observation>("allegiance/model/Observation")({
  id: ObservationId,
  kind: ObservationKind,
  /**
   * The short name a writer would use for it in a sentence ("the August 2014 Shura statement"); without
   * one, explanations derive a name from what the item holds. Ids never appear in running text.
   */
  label: Schema.optionalKey(Schema.NonEmptyString),
  actor: ActorId,
  source: SourceId,
  channel: Schema.optionalKey(ChannelId),
  /**
   * The actor under whose name or banner the activity took place, when it is not the actor's own
   * (fighters of a group seen under the banner it pledged to): it shows that actor at work, not the
   * actor going on as before.
   */
  under: Schema.optionalKey(ActorId),
  /** When what was seen happened; for an absence, the period in which the release was expected. */
  date: DateField,
  /** When the observation could first be made (for an absence, once the expected window had passed). */
  known: Schema.optionalKey(DateField),
  description: Schema.NonEmptyString,
  /** For an absence: what was expected, and why (e.g. "issued one every year before"). */
  expected: Schema.optionalKey(Schema.String),
  /** The statement or release that carries what was seen, when it is in the case. */
  carriedBy: Schema.optionalKey(EvidenceId),
  credibility: Schema.optionalKey(Credibility),
  cites: Citations
}) {}

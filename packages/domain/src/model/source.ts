import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { ActorId, ChannelId, SourceId } from "./ids.ts"

/**
 * Admiralty (NATO) source reliability, judged on the source's record, never on the item at hand:
 * A completely reliable, B usually reliable, C fairly reliable, D not usually reliable,
 * E unreliable, F reliability cannot be judged.
 */
export const Reliability = Schema.Literals(["A", "B", "C", "D", "E", "F"])
export type Reliability = typeof Reliability.Type

export const reliabilityWords: Record<Reliability, string> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "of a reliability that cannot be judged"
}

/**
 * Admiralty information credibility, judged on the item itself, kept apart from the source's
 * reliability: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful,
 * 5 improbable. "cannot be judged" (the scale's 6) is a value of its own, not a number, so that no
 * arithmetic can treat it as "worse than improbable".
 */
export const Credibility = Schema.Union([
  Schema.Literals([1, 2, 3, 4, 5]),
  Schema.Literal("cannot be judged")
])
export type Credibility = typeof Credibility.Type

export const credibilityWords = (credibility: Credibility): string =>
  credibility === "cannot be judged"
    ? "whose truth cannot be judged"
    : ["confirmed by other sources", "probably true", "possibly true", "doubtful", "improbable"][
        credibility - 1
      ]!

export const SourceKind = Schema.Literals([
  /** The actor's own outlet: what it says is the actor's claim, not independent evidence about it. */
  "actor-channel",
  "field-interview",
  "news-report",
  /** A supporter ("fanboy") account: not the actor, whatever it says. */
  "supporter-account",
  /** A named individual speaking for himself (a known ideologue, an official on a personal account). */
  "individual",
  /** The analyst's own observation. */
  "analyst"
])
export type SourceKind = typeof SourceKind.Type

export class Source extends Schema.Class<Source>("allegiance/model/Source")({
  id: SourceId,
  kind: SourceKind,
  description: Schema.NonEmptyString,
  reliability: Reliability,
  /** Why the analyst gave that grade, in words another analyst can check. */
  reliabilityReason: Schema.optionalKey(Schema.String),
  channel: Schema.optionalKey(ChannelId),
  /** The person or group the source belongs to, if any: a member of a group is not independent of it. */
  affiliation: Schema.optionalKey(ActorId),
  /** Sources this one repeats or relies on; such sources do not corroborate each other. */
  dependsOn: Schema.Array(SourceId).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  cites: Citations
}) {}

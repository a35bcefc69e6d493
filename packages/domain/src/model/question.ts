import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { ActorId, ChannelId, EvidenceId, HypothesisId, QuestionId } from "./ids.ts"

/**
 * A proposition a hypothesis expects to hold (or not to hold), written as the claim that would state
 * it: a kind and the roles that must match. Roles left out match anything, so
 * `{ kind: merger, absorbed: x }` means "x merges into something".
 */
export class Expectation extends Schema.Class<Expectation>("allegiance/model/Expectation")({
  kind: Schema.NonEmptyString,
  holds: Schema.Boolean,
  actor: Schema.optionalKey(ActorId),
  pledger: Schema.optionalKey(ActorId),
  recipient: Schema.optionalKey(ActorId),
  absorbed: Schema.optionalKey(ActorId),
  into: Schema.optionalKey(ActorId),
  with: Schema.optionalKey(ActorId),
  to: Schema.optionalKey(ActorId),
  protector: Schema.optionalKey(ActorId),
  protected: Schema.optionalKey(ActorId),
  channel: Schema.optionalKey(ChannelId)
}) {}

export class Hypothesis extends Schema.Class<Hypothesis>("allegiance/model/Hypothesis")({
  id: HypothesisId,
  text: Schema.NonEmptyString,
  /** What must be true (and false) if the hypothesis is right: the link to the reasoning's verdicts. */
  expects: Schema.Array(Expectation).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  cites: Citations
}) {}

export const RatingValue = Schema.Literals(["consistent", "inconsistent", "neutral"])
export type RatingValue = typeof RatingValue.Type

/** The analyst's own rating of one evidence item against one hypothesis, replacing the derived one. */
export class RatingOverride extends Schema.Class<RatingOverride>("allegiance/model/RatingOverride")({
  hypothesis: HypothesisId,
  evidence: EvidenceId,
  rating: RatingValue,
  reason: Schema.NonEmptyString
}) {}

/** An open question with competing hypotheses (Analysis of Competing Hypotheses). */
export class Question extends Schema.Class<Question>("allegiance/model/Question")({
  id: QuestionId,
  text: Schema.NonEmptyString,
  about: Schema.optionalKey(ActorId),
  hypotheses: Schema.Array(Hypothesis),
  ratings: Schema.Array(RatingOverride).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  cites: Citations
}) {}

import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
import { ActorId, EvidenceId, RelationshipId, SourceId } from "./ids.ts"

export const RelationshipKind = Schema.Literals([
  "pledged-to",
  "accepted-by",
  "branch-of",
  "merged-into",
  "cooperates-with",
  "protected-by",
  "rival-of",
  "member-of",
  "partial-allegiance"
])
export type RelationshipKind = typeof RelationshipKind.Type

/**
 * A link between actors that the source document states as background (a branch founded in 2011,
 * a long-standing rivalry). Links that follow from claims (pledges, mergers, cooperation) are derived
 * by the reasoning; this record is for what the analyst states directly, with its sources.
 */
export class Relationship extends Schema.Class<Relationship>("allegiance/model/Relationship")({
  id: RelationshipId,
  kind: RelationshipKind,
  from: ActorId,
  to: ActorId,
  since: Schema.optionalKey(DateField),
  until: Schema.optionalKey(DateField),
  sources: Schema.Array(SourceId).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  evidence: Schema.Array(EvidenceId).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  description: Schema.optionalKey(Schema.String),
  cites: Citations
}) {}

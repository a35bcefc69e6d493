import { Schema } from "effect"

/**
 * Identifiers are short, human-written slugs ("group-north", "statement-12"), unique across all the
 * items of one case so that a reference never needs to say which kind of item it points to. Each kind
 * gets its own brand so that an actor id cannot be passed where a statement id is expected.
 */
const slug = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^[a-z0-9][a-z0-9._-]*$/, {
      message:
        "Expected an identifier made of lower-case letters, digits, dots, dashes or underscores, e.g. jai-syria"
    })
  )
)

export const CaseId = slug.pipe(Schema.brand("CaseId"))
export type CaseId = typeof CaseId.Type
export const ActorId = slug.pipe(Schema.brand("ActorId"))
export type ActorId = typeof ActorId.Type
export const ChannelId = slug.pipe(Schema.brand("ChannelId"))
export type ChannelId = typeof ChannelId.Type
export const SourceId = slug.pipe(Schema.brand("SourceId"))
export type SourceId = typeof SourceId.Type
export const StatementId = slug.pipe(Schema.brand("StatementId"))
export type StatementId = typeof StatementId.Type
export const ClaimId = slug.pipe(Schema.brand("ClaimId"))
export type ClaimId = typeof ClaimId.Type
export const ObservationId = slug.pipe(Schema.brand("ObservationId"))
export type ObservationId = typeof ObservationId.Type
export const RelationshipId = slug.pipe(Schema.brand("RelationshipId"))
export type RelationshipId = typeof RelationshipId.Type
export const QuestionId = slug.pipe(Schema.brand("QuestionId"))
export type QuestionId = typeof QuestionId.Type
export const HypothesisId = slug.pipe(Schema.brand("HypothesisId"))
export type HypothesisId = typeof HypothesisId.Type

/** A document a case cites (a news report, a statement archive, a monitoring service's digest). */
export const DocumentId = slug.pipe(Schema.brand("DocumentId"))
export type DocumentId = typeof DocumentId.Type

/** Any item of a case that evidence can point at (a statement, claim or observation). */
export const EvidenceId = slug.pipe(Schema.brand("EvidenceId"))
export type EvidenceId = typeof EvidenceId.Type

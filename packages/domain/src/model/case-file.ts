import { Effect, Schema } from "effect"
import { Actor } from "./actor.ts"
import { Channel } from "./channel.ts"
import { Claim } from "./claim.ts"
import { DateField } from "./date-field.ts"
import { CaseId, DocumentId } from "./ids.ts"
import { Observation } from "./observation.ts"
import { Question } from "./question.ts"
import { Relationship } from "./relationship.ts"
import { Source } from "./source.ts"
import { Statement } from "./statement.ts"

/** What a case says of a document it is drawn from, whichever way it is listed. */
const documentFields = {
  title: Schema.NonEmptyString,
  author: Schema.optionalKey(Schema.NonEmptyString),
  /** Who published it, when not its author (a news agency, a monitoring service, a statement archive). */
  publisher: Schema.optionalKey(Schema.NonEmptyString),
  published: Schema.optionalKey(DateField),
  /** Where to find it. */
  link: Schema.optionalKey(Schema.NonEmptyString),
  /** How paragraphs are counted, so a reader can find paragraph N. */
  paragraphNumbering: Schema.optionalKey(Schema.String),
  /** Its text, or the part of it the case draws on, when the analyst keeps it with the case. */
  text: Schema.optionalKey(Schema.String)
}

/** The document a case is drawn from, when one is: items that name no document cite its paragraphs. */
export class SourceDocument extends Schema.Class<SourceDocument>("allegiance/model/SourceDocument")(
  documentFields
) {}

/** One of the documents a case cites by id: a news report, a statement archive, a monitoring digest. */
export class CaseDocument extends Schema.Class<CaseDocument>("allegiance/model/CaseDocument")({
  id: DocumentId,
  ...documentFields
}) {}

export class CaseInfo extends Schema.Class<CaseInfo>("allegiance/model/CaseInfo")({
  id: CaseId,
  title: Schema.NonEmptyString,
  summary: Schema.optionalKey(Schema.String),
  /** The one document the case is drawn from, which citations without a `document` point into. */
  document: Schema.optionalKey(SourceDocument),
  /** The documents citations name by id, when the case is drawn from several. */
  documents: Schema.optionalKey(Schema.Array(CaseDocument))
}) {}

/** A whole case: everything an analyst has gathered on one set of questions. */
export class CaseFile extends Schema.Class<CaseFile>("allegiance/model/CaseFile")({
  case: CaseInfo,
  actors: Schema.Array(Actor).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  channels: Schema.Array(Channel).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  sources: Schema.Array(Source).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  statements: Schema.Array(Statement).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  claims: Schema.Array(Claim).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  observations: Schema.Array(Observation).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  relationships: Schema.Array(Relationship).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  questions: Schema.Array(Question).pipe(Schema.withDecodingDefaultKey(Effect.succeed([])))
}) {}

/** The sections of a case file that hold items, in the order a case file lists them. */
export const itemSections = [
  "actors",
  "channels",
  "sources",
  "statements",
  "claims",
  "observations",
  "relationships",
  "questions"
] as const
export type ItemSection = (typeof itemSections)[number]

const caseFileFields = Object.keys(CaseFile.fields) as ReadonlyArray<ItemSection | "case">

/**
 * A case file of parts already held to the model, made as the class's own trusted path makes it (the
 * one Schema takes after decoding): its prototype, holding the parts in the class's field order. The
 * constructor would check and copy every item again.
 */
export const caseFileOfCheckedParts = (
  parts: { readonly [K in ItemSection | "case"]: CaseFile[K] }
): CaseFile => {
  const fields: Record<string, unknown> = {}
  for (const key of caseFileFields) fields[key] = parts[key]
  return Object.assign(Object.create(CaseFile.prototype), fields) as CaseFile
}

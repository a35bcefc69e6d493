import { Effect, Schema } from "effect"
import { Actor } from "./actor.ts"
import { Channel } from "./channel.ts"
import { Claim } from "./claim.ts"
import { DateField } from "./date-field.ts"
import { CaseId } from "./ids.ts"
import { Observation } from "./observation.ts"
import { Question } from "./question.ts"
import { Relationship } from "./relationship.ts"
import { Source } from "./source.ts"
import { Statement } from "./statement.ts"

/** The document a case is drawn from; items cite its paragraphs by number. */
export class SourceDocument extends Schema.Class<SourceDocument>("allegiance/model/SourceDocument")({
  title: Schema.NonEmptyString,
  author: Schema.optionalKey(Schema.NonEmptyString),
  published: Schema.optionalKey(DateField),
  /** How paragraphs are counted, so a reader can find paragraph N. */
  paragraphNumbering: Schema.optionalKey(Schema.String)
}) {}

export class CaseInfo extends Schema.Class<CaseInfo>("allegiance/model/CaseInfo")({
  id: CaseId,
  title: Schema.NonEmptyString,
  summary: Schema.optionalKey(Schema.String),
  document: Schema.optionalKey(SourceDocument)
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

/** Statements, claims and observations to add to a case, after those it holds. */
export interface AppendedItems {
  readonly statements?: ReadonlyArray<Statement>
  readonly claims?: ReadonlyArray<Claim>
  readonly observations?: ReadonlyArray<Observation>
}

const isStatement = Schema.is(Statement)
const isClaim = Schema.is(Claim)
const isObservation = Schema.is(Observation)

/**
 * The case with more statements, claims and observations after those it holds, sharing every item and
 * list it leaves alone. Building a case file anew checks and copies every item it holds (the claims of
 * a large case take a quarter of a second, and come out as copies); here only the added items are
 * checked, against the model. That each id is new and each reference points at an item of the case is
 * for the case's integrity check, as for any edit.
 */
export const appendToCase = (caseFile: CaseFile, items: AppendedItems): CaseFile => {
  const check = <A extends { readonly id: string }>(
    section: string,
    added: ReadonlyArray<A> | undefined,
    is: (value: unknown) => boolean
  ): ReadonlyArray<A> => {
    for (const [at, item] of (added ?? []).entries())
      if (!is(item))
        throw new TypeError(
          `${section}[${at}] (${String(item?.id)}) is not a well-formed ${section.slice(0, -1)}`
        )
    return added ?? []
  }
  const statements = check("statements", items.statements, isStatement)
  const claims = check("claims", items.claims, isClaim)
  const observations = check("observations", items.observations, isObservation)
  return caseFileOfCheckedParts({
    case: caseFile.case,
    actors: caseFile.actors,
    channels: caseFile.channels,
    sources: caseFile.sources,
    statements: statements.length === 0 ? caseFile.statements : [...caseFile.statements, ...statements],
    claims: claims.length === 0 ? caseFile.claims : [...caseFile.claims, ...claims],
    observations:
      observations.length === 0 ? caseFile.observations : [...caseFile.observations, ...observations],
    relationships: caseFile.relationships,
    questions: caseFile.questions
  })
}

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

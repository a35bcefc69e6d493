/**
 * Item bodies the store wrote itself, read back into the case model without Schema's checks.
 * Every body was held to the model when it was written, so reading it again only has to build
 * the values decoding would: class instances, defaults filled in, dates read. Decoding a large
 * case with Schema spent most of a load re-checking what could not have changed.
 *
 * A reader builds exactly what `Schema.decodeUnknownSync` builds (the same classes, fields in
 * the same order, the same values), and is checked against it in the store's tests. It refuses
 * (throws `Unreadable`) a body that lacks a field its kind requires, or names a kind it does not
 * know, so that the caller can decode that body properly and say what is wrong with it.
 *
 * Claims come in kinds that packages add (see `ClaimKind`), so their readers are worked out from
 * each kind's Schema rather than written here.
 */
import {
  Actor,
  ActorName,
  type CaseFile,
  CaseDocument,
  type CaseModel,
  caseFileOfCheckedParts,
  CaseInfo,
  Channel,
  Citation,
  Citations,
  DateField,
  Expectation,
  Hypothesis,
  Issuer,
  itemSections,
  MadeBy,
  Media,
  Observation,
  ParentLink,
  Question,
  RatingOverride,
  Relationship,
  readWrittenDateRemembered,
  Serial,
  Source,
  SourceDocument,
  Statement,
  type WrittenDate
} from "@allegiance/domain/model/index"
import { Result, Schema, SchemaAST } from "effect"

/** A body this module cannot build a value from; decoding it says why. */
export class Unreadable extends Error {}

type Read = (encoded: unknown) => unknown

/** How one field is read, and what happens when a body leaves it out. */
interface Field {
  readonly read: Read | undefined
  /** Required, left out of the value, or this default (as `withDecodingDefaultKey` gives). */
  readonly absent: "required" | "omitted" | (() => unknown)
}

/** A field whose decoded value is its encoded one (ids, strings, numbers, literals). */
const same: Field = { read: undefined, absent: "required" }
const optional = (read?: Read): Field => ({ read, absent: "omitted" })
const required = (read: Read | undefined): Field => ({ read, absent: "required" })
const orElse = (fallback: () => unknown, read?: Read): Field => ({ read, absent: fallback })
const noneYet = () => []
const no = () => false

const refuse = (what: string): never => {
  throw new Unreadable(what)
}

const date: Read = (written) => {
  const read = readWrittenDateRemembered(written as WrittenDate)
  return Result.isSuccess(read) ? read.success : refuse(read.failure)
}

const arrayOf =
  (read: Read): Read =>
  (encoded) => {
    if (!Array.isArray(encoded)) return refuse("expected a list")
    const out = new Array<unknown>(encoded.length)
    for (let at = 0; at < encoded.length; at++) out[at] = read(encoded[at])
    return out
  }

/** Lists of ids and strings: the parsed list is the store's own, so it is taken as it is. */
const list: Read = (encoded) => (Array.isArray(encoded) ? encoded : refuse("expected a list"))

/**
 * A reader that fills objects made by `create` with `fields`, in their order (the order
 * decoding gives). Refuses when `known`, the fields the model declares, are not exactly those:
 * a field added to the model must be added here too, or it would be dropped without a word.
 */
const objectOf = (
  name: string,
  known: ReadonlyArray<string>,
  fields: Record<string, Field>,
  create: () => Record<string, unknown>
): Read => {
  const keys = Object.keys(fields)
  if (keys.join() !== known.join()) {
    throw new Error(
      `reading stored ${name}: the model's fields are ${known.join(", ")}, not ${keys.join(", ")}`
    )
  }
  const specs = keys.map((key) => fields[key]!)
  return (encoded) => {
    if (typeof encoded !== "object" || encoded === null) return refuse(`expected ${name}`)
    const source = encoded as Record<string, unknown>
    const out = create()
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at]!
      const spec = specs[at]!
      const value = source[key]
      if (value === undefined) {
        if (spec.absent === "omitted") continue
        if (spec.absent === "required") return refuse(`${name} lacks ${key}`)
        out[key] = spec.absent()
      } else {
        out[key] = spec.read === undefined ? value : spec.read(value)
      }
    }
    return out
  }
}

interface ModelClass {
  readonly identifier: string
  readonly fields: Record<string, unknown>
  readonly prototype: object
}

/**
 * Instances of a model class, made as the class's own trusted path makes them (the one Schema
 * takes after decoding): an object of the class's prototype holding the fields, unchecked.
 */
const instanceOf = (model: ModelClass, fields: Record<string, Field>): Read => {
  const prototype = model.prototype
  return objectOf(
    model.identifier,
    Object.keys(model.fields),
    fields,
    () => Object.create(prototype) as Record<string, unknown>
  )
}

const citations = required(
  arrayOf(
    instanceOf(Citation, { document: optional(), paragraph: optional(), at: optional(), excerpt: optional() })
  )
)

const actorName = instanceOf(ActorName, {
  primary: same,
  aliases: orElse(noneYet, list),
  transliterations: orElse(noneYet, list),
  arabic: optional()
})

const actor = instanceOf(Actor, {
  id: same,
  kind: same,
  name: required(actorName),
  parent: optional(),
  parents: optional(
    arrayOf(instanceOf(ParentLink, { actor: same, since: optional(date), until: optional(date) }))
  ),
  description: optional(),
  cites: citations
})

const channel = instanceOf(Channel, {
  id: same,
  kind: same,
  platform: optional(),
  handle: same,
  speaksFor: optional(),
  description: optional(),
  cites: citations
})

const source = instanceOf(Source, {
  id: same,
  kind: same,
  description: same,
  reliability: same,
  reliabilityReason: optional(),
  channel: optional(),
  affiliation: optional(),
  dependsOn: orElse(noneYet, list),
  cites: citations
})

const statement = instanceOf(Statement, {
  id: same,
  title: optional(),
  label: optional(),
  serial: optional(instanceOf(Serial, { text: same, number: optional() })),
  issuer: required(instanceOf(Issuer, { nameAsPrinted: same, actor: same, signedBy: optional() })),
  signers: optional(list),
  channel: optional(),
  relayedBy: optional(list),
  printedDates: orElse(noneYet, arrayOf(date)),
  observed: required(date),
  language: optional(),
  excerpt: optional(),
  media: orElse(
    noneYet,
    arrayOf(instanceOf(Media, { kind: same, description: same, showsBannerAndMembers: orElse(no) }))
  ),
  unconfirmed: optional(),
  cites: citations
})

/** Who made a claim: the first of the union's members that fits, as decoding picks it. */
const madeBy: Read = (encoded) => {
  if (typeof encoded === "object" && encoded !== null) {
    const { statement, source } = encoded as { statement?: unknown; source?: unknown }
    if (statement !== undefined) return { statement }
    if (source !== undefined) return { source }
  }
  return refuse("expected who made the claim")
}

/** Values whose decoded form is their encoded one: no transformation, and no object to build. */
const isPlain = (ast: SchemaAST.AST): boolean => {
  if (SchemaAST.toEncoded(ast) !== ast) return false
  switch (ast._tag) {
    case "String":
    case "Number":
    case "Boolean":
    case "Literal":
    case "Enum":
    case "TemplateLiteral":
      return true
    case "Union":
      return ast.types.every(isPlain)
    case "Arrays":
      return ast.elements.every(isPlain) && ast.rest.every(isPlain)
    default:
      return false
  }
}

/**
 * How a present value of a claim's field is read: the model's own dates, citations and makers as
 * above, a plain value as it is, and anything else by decoding it with its Schema (right, if slower).
 */
const valueReader = (schema: Schema.Top): Read | undefined => {
  if (schema === DateField) return date
  if (schema === Citations) return citations.read
  if (schema === MadeBy) return madeBy
  if (isPlain(schema.ast)) return undefined
  const decode = Schema.decodeUnknownResult(schema as Schema.Codec<unknown, unknown>)
  return (encoded) => {
    const read = decode(encoded)
    return Result.isSuccess(read) ? read.success : refuse(`a value Schema does not read: ${String(encoded)}`)
  }
}

/**
 * How a claim's field is read, worked out from its Schema. Decoding a struct of the field alone from
 * nothing says what an absent key gives: nothing (an optional key), a default (`withDecodingDefaultKey`,
 * whose value is then read as its `to` Schema reads it), or a failure (a required key).
 */
const claimField = (schema: Schema.Top): Field => {
  const alone = Schema.Struct({ value: schema as Schema.Codec<unknown, unknown> })
  const absent = Schema.decodeUnknownResult(alone)({}) as Result.Result<object, unknown>
  if (Result.isFailure(absent)) return required(valueReader(schema))
  if (!Object.hasOwn(absent.success, "value"))
    return optional(valueReader((schema as { readonly schema?: Schema.Top }).schema ?? schema))
  const fallback = (absent.success as { readonly value: unknown }).value
  const to = (schema as { readonly to?: Schema.Top }).to ?? schema
  // A default list is the item's own: decoding gives each item a list of its own.
  return orElse(Array.isArray(fallback) ? () => [...fallback] : () => fallback, valueReader(to))
}

/** A reader of claims of one kind, from its Schema's fields, in their order. */
const claimReader = (kind: string, schema: Schema.Top): Read => {
  const fields = (schema as unknown as { readonly fields: Record<string, Schema.Top> }).fields
  const specs: Record<string, Field> = {}
  for (const [key, field] of Object.entries(fields)) specs[key] = key === "kind" ? same : claimField(field)
  return objectOf(`a ${kind} claim`, Object.keys(fields), specs, () => ({}))
}

const claimReadersByModel = new WeakMap<CaseModel, Read>()

/** The reader of claims of the model's kinds, one reader per kind. */
const claimsOf = (model: CaseModel): Read => {
  let read = claimReadersByModel.get(model)
  if (read === undefined) {
    const byKind = new Map<unknown, Read>(
      model.kinds.map((kind) => [kind.kind, claimReader(kind.kind, kind.schema)])
    )
    read = (encoded) => {
      const kind =
        typeof encoded === "object" && encoded !== null ? (encoded as { kind?: unknown }).kind : undefined
      const reader = byKind.get(kind)
      return reader === undefined ? refuse(`no claim is of the kind ${String(kind)}`) : reader(encoded)
    }
    claimReadersByModel.set(model, read)
  }
  return read
}

const observation = instanceOf(Observation, {
  id: same,
  kind: same,
  label: optional(),
  actor: same,
  source: same,
  channel: optional(),
  under: optional(),
  date: required(date),
  known: optional(date),
  description: same,
  expected: optional(),
  carriedBy: optional(),
  credibility: optional(),
  cites: citations
})

const relationship = instanceOf(Relationship, {
  id: same,
  kind: same,
  from: same,
  to: same,
  since: optional(date),
  until: optional(date),
  sources: orElse(noneYet, list),
  evidence: orElse(noneYet, list),
  description: optional(),
  cites: citations
})

const expectation = instanceOf(Expectation, {
  kind: same,
  holds: same,
  actor: optional(),
  pledger: optional(),
  recipient: optional(),
  absorbed: optional(),
  into: optional(),
  with: optional(),
  to: optional(),
  protector: optional(),
  protected: optional(),
  channel: optional()
})

const question = instanceOf(Question, {
  id: same,
  text: same,
  about: optional(),
  hypotheses: required(
    arrayOf(
      instanceOf(Hypothesis, {
        id: same,
        text: same,
        expects: orElse(noneYet, arrayOf(expectation)),
        cites: citations
      })
    )
  ),
  ratings: orElse(
    noneYet,
    arrayOf(instanceOf(RatingOverride, { hypothesis: same, evidence: same, rating: same, reason: same }))
  ),
  cites: citations
})

const caseInfo = instanceOf(CaseInfo, {
  id: same,
  title: same,
  summary: optional(),
  document: optional(
    instanceOf(SourceDocument, {
      title: same,
      author: optional(),
      publisher: optional(),
      published: optional(date),
      link: optional(),
      paragraphNumbering: optional(),
      text: optional()
    })
  ),
  documents: optional(
    arrayOf(
      instanceOf(CaseDocument, {
        id: same,
        title: same,
        author: optional(),
        publisher: optional(),
        published: optional(date),
        link: optional(),
        paragraphNumbering: optional(),
        text: optional()
      })
    )
  )
})

const readersByModel = new WeakMap<CaseModel, ReadonlyMap<string, Read>>()

/**
 * Readers of the store's item kinds for a case of the model: the case's own section under "case", and
 * each section's items.
 */
export const trustedReaders = (model: CaseModel): ReadonlyMap<string, Read> => {
  let readers = readersByModel.get(model)
  if (readers === undefined) {
    readers = new Map<string, Read>([
      ["case", caseInfo],
      ["actors", actor],
      ["channels", channel],
      ["sources", source],
      ["statements", statement],
      ["claims", claimsOf(model)],
      ["observations", observation],
      ["relationships", relationship],
      ["questions", question]
    ])
    readersByModel.set(model, readers)
  }
  return readers
}

/** A case file of values read above, made as the class's trusted path makes it. */
export const trustedCaseFile = (
  info: CaseInfo,
  sections: ReadonlyMap<string, ReadonlyArray<unknown>>
): CaseFile => {
  const parts: Record<string, unknown> = { case: info }
  for (const key of itemSections) parts[key] = sections.get(key) ?? []
  return caseFileOfCheckedParts(parts as Parameters<typeof caseFileOfCheckedParts>[0])
}

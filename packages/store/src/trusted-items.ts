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
 */
import {
  Actor,
  ActorName,
  type CaseFile,
  caseFileOfCheckedParts,
  CaseInfo,
  Channel,
  Citation,
  Claim,
  Expectation,
  Hypothesis,
  Issuer,
  itemSections,
  Media,
  Observation,
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
import { Result } from "effect"

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
const required = (read: Read): Field => ({ read, absent: "required" })
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

const citations = required(arrayOf(instanceOf(Citation, { paragraph: same, excerpt: optional() })))

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
  serial: optional(instanceOf(Serial, { text: same, number: optional() })),
  issuer: required(instanceOf(Issuer, { nameAsPrinted: same, actor: same, signedBy: optional() })),
  channel: optional(),
  printedDates: orElse(noneYet, arrayOf(date)),
  observed: required(date),
  language: optional(),
  excerpt: optional(),
  media: orElse(
    noneYet,
    arrayOf(instanceOf(Media, { kind: same, description: same, showsBannerAndMembers: orElse(no) }))
  ),
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

/** The fields every claim has, as `claim.ts` declares them; each kind's own come after. */
const commonClaimFields = {
  id: same,
  scope: same,
  madeBy: required(madeBy),
  reported: optional(date),
  occurred: optional(date),
  attributedTo: optional(),
  restsOn: orElse(noneYet, list),
  credibility: optional(),
  summary: optional(),
  cites: citations
}

const claimFields: Record<Claim["kind"], Record<string, Field>> = {
  pledge: { pledger: same, recipient: same },
  acceptance: { pledger: same, recipient: same },
  break: { pledger: same, recipient: same },
  dissolution: { actor: same },
  merger: { absorbed: same, into: same },
  "continued-existence": { actor: same },
  denial: { target: same },
  confirmation: { target: same },
  "channel-compromised": { channel: same, since: required(date) },
  "channel-recovered": { channel: same, at: required(date) },
  "sole-official-channel": { channel: same },
  disowning: {
    channel: optional(),
    afterSerial: optional(),
    since: optional(date),
    otherChannels: orElse(no)
  },
  "last-statement": { channel: same, serial: same },
  cooperation: { actor: same, with: same, front: optional() },
  protection: { protected: same, protector: same },
  rivalry: { actor: same, with: same },
  membership: { member: same, of: same },
  "partial-allegiance": { actor: same, to: same, who: optional() },
  "partial-involvement": { actor: same, part: same, about: optional() },
  "majority-backing": { actor: same, backs: same },
  "size-estimate": { actor: same, estimate: same, low: optional(), high: optional() }
}

/** One reader per kind of claim, built from the union's own members so that none is missed. */
const claimReaders = new Map<unknown, Read>(
  Claim.members.map((member) => {
    const kind = (member.fields.kind as unknown as { readonly literal: Claim["kind"] }).literal
    const own = claimFields[kind]
    if (own === undefined) throw new Error(`reading stored claims: no reader for the kind "${kind}"`)
    return [
      kind,
      objectOf(
        `a ${kind} claim`,
        Object.keys(member.fields),
        { kind: same, ...commonClaimFields, ...own },
        () => ({})
      )
    ]
  })
)

const claim: Read = (encoded) => {
  const kind =
    typeof encoded === "object" && encoded !== null ? (encoded as { kind?: unknown }).kind : undefined
  const read = claimReaders.get(kind)
  return read === undefined ? refuse(`no claim is of the kind ${String(kind)}`) : read(encoded)
}

const observation = instanceOf(Observation, {
  id: same,
  kind: same,
  actor: same,
  source: same,
  channel: optional(),
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
      published: optional(date),
      paragraphNumbering: optional()
    })
  )
})

/** Readers of the store's item kinds: the case's own section under "case", and each section's items. */
export const trustedReaders: ReadonlyMap<string, Read> = new Map<string, Read>([
  ["case", caseInfo],
  ["actors", actor],
  ["channels", channel],
  ["sources", source],
  ["statements", statement],
  ["claims", claim],
  ["observations", observation],
  ["relationships", relationship],
  ["questions", question]
])

/** A case file of values read above, made as the class's trusted path makes it. */
export const trustedCaseFile = (
  info: CaseInfo,
  sections: ReadonlyMap<string, ReadonlyArray<unknown>>
): CaseFile => {
  const parts: Record<string, unknown> = { case: info }
  for (const key of itemSections) parts[key] = sections.get(key) ?? []
  return caseFileOfCheckedParts(parts as Parameters<typeof caseFileOfCheckedParts>[0])
}

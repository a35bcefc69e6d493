/**
 * The form an analyst fills in to add or edit a statement, claim or observation, as plain data: which
 * fields the kind has (every field of the model), what each one's picker offers, how a date typed as
 * printed reads, and what is wrong, field by field, checked through the model's own Schemas and the
 * case's integrity rules. The terminal UI renders it; the API can check the same form the same way.
 *
 * A form is its typed text, field by field (`values`), never a half-built item: nothing a reader typed
 * is lost to a failed check, and the item is built from the text each time it is checked or saved.
 */
import {
  type CaseFile,
  caseFileOfCheckedParts,
  checkIntegrity,
  Claim,
  type ItemSection,
  MediaKind,
  Observation,
  ObservationKind,
  readWrittenDate,
  Statement
} from "@allegiance/domain"
import { Result, Schema, SchemaIssue } from "effect"
import type { CaseLabels } from "./labels.ts"
import { writtenInterval } from "./timeline.ts"

export type FormKind = "statement" | "claim" | "observation"

/** What a picker offers: items of one kind of the case. */
export type PickOf = "actor" | "channel" | "source" | "statement" | "evidence"

export type FieldInput =
  | { readonly type: "text" }
  | { readonly type: "int" }
  | { readonly type: "date" }
  | { readonly type: "pick"; readonly of: PickOf }
  | { readonly type: "choice"; readonly options: ReadonlyArray<string> }
  | { readonly type: "flag" }

/** One field of a form; `key` is its place in the item as a case file writes it (`issuer.actor`, `cites.0.paragraph`). */
export interface FieldSpec {
  readonly key: string
  readonly label: string
  readonly help: string
  readonly required: boolean
  readonly input: FieldInput
}

/** A list of a kind (printed dates, media, citations, evidence): entries of one or more fields. */
interface ListSpec {
  readonly list: string
  /** What one entry is called: "printed date", "citation". */
  readonly noun: string
  readonly min: number
  /** The fields of one entry, keys relative to it; a key of "" is an entry that is one value. */
  readonly entry: ReadonlyArray<FieldSpec>
}

type Part = { readonly field: FieldSpec } | { readonly list: ListSpec }

export interface FormState {
  readonly kind: FormKind
  /** The id of the item being edited; none for a new item. */
  readonly editing?: string
  /** The text typed in each field, by key. */
  readonly values: Readonly<Record<string, string>>
  /** How many entries each list has. */
  readonly entries: Readonly<Record<string, number>>
  /**
   * Dates the item had as objects (text with an interval the analyst settled on), by key: kept as
   * they are while their text is left alone, so that editing another field does not lose them.
   */
  readonly keptDates?: Readonly<Record<string, unknown>>
}

/** A row of the form as shown: a field with its text, how it reads and what is wrong; or a way to add an entry. */
export type FormRow =
  | {
      readonly type: "field"
      readonly field: FieldSpec
      readonly value: string
      /** How the text reads: a date's days, the item a picker's id names. */
      readonly reading?: string
      readonly problems: ReadonlyArray<string>
      /** The id of an item being edited cannot change. */
      readonly locked: boolean
      /** The list and entry the field belongs to, when it does. */
      readonly entry?: { readonly list: string; readonly index: number }
    }
  | { readonly type: "add"; readonly list: string; readonly label: string }

// ---------------------------------------------------------------- the fields of each kind

const text = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "text" }
})
const date = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "date" }
})
const pick = (key: string, label: string, of: PickOf, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "pick", of }
})
const int = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "int" }
})
const choice = (
  key: string,
  label: string,
  options: ReadonlyArray<string>,
  help: string,
  required = false
): FieldSpec => ({ key, label, help, required, input: { type: "choice", options } })
const flag = (key: string, label: string, help: string): FieldSpec => ({
  key,
  label,
  help,
  required: false,
  input: { type: "flag" }
})

const idField = text(
  "id",
  "Id",
  "Unique in the case: lower-case letters, digits, dots, dashes or underscores.",
  true
)
const citations: ListSpec = {
  list: "cites",
  noun: "citation",
  min: 1,
  entry: [
    text(
      "document",
      "Document",
      "The id of the case's document it comes from; empty for the case's own document."
    ),
    int("paragraph", "Paragraph", "The paragraph of that document it comes from (from 1)."),
    text("at", "Place", 'Where in it, when not by paragraph: "page 4", "02:13 into the video".'),
    text("excerpt", "Excerpt", "A short verbatim excerpt, for primary material.")
  ]
}
const credibilityChoices = ["1", "2", "3", "4", "5", "cannot be judged"]
const credibility = choice(
  "credibility",
  "Credibility",
  credibilityChoices,
  "Of the item itself: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable."
)

const statementParts: ReadonlyArray<Part> = [
  { field: idField },
  { field: text("title", "Title", "Its title, when it has one.") },
  { field: text("serial.text", "Serial", 'The serial as printed: "Statement 449".') },
  { field: int("serial.number", "Serial number", "The serial's number, when it has one: 449.") },
  {
    field: text(
      "issuer.nameAsPrinted",
      "Issuer as printed",
      'The issuer it names, verbatim: "Leadership of JAI in Bilad al-Sham".',
      true
    )
  },
  { field: pick("issuer.actor", "Issued for", "actor", "The actor that name stands for.", true) },
  {
    field: pick(
      "issuer.signedBy",
      "Signed by",
      "actor",
      "The part of the actor that signed (a council, a leadership), when not the whole."
    )
  },
  {
    list: {
      list: "signers",
      noun: "signer",
      min: 0,
      entry: [
        pick(
          "",
          "Signed as",
          "actor",
          "Who it says it is from, when not the issuer: hackers under their own banner, a joint statement."
        )
      ]
    }
  },
  { field: pick("channel", "Channel", "channel", "The channel it appeared on; empty when not known.") },
  {
    list: {
      list: "relayedBy",
      noun: "relay",
      min: 0,
      entry: [pick("", "Relayed by", "channel", "An agency or channel that republished it.")]
    }
  },
  {
    list: {
      list: "printedDates",
      noun: "printed date",
      min: 0,
      entry: [
        date("", "Printed date", "A date printed on it, verbatim, in its calendar: 17 Rabi' al-Awwal 1436.")
      ]
    }
  },
  {
    field: date(
      "observed",
      "Appeared",
      "When it appeared, as best known: 8 January 2015. What the as-of day goes by.",
      true
    )
  },
  { field: text("language", "Language", "The language it is in: ar, en.") },
  { field: text("excerpt", "Excerpt", "A short verbatim excerpt.") },
  {
    list: {
      list: "media",
      noun: "media item",
      min: 0,
      entry: [
        choice("kind", "Media kind", MediaKind.literals, "photo, video, audio or document.", true),
        text("description", "Shows", "What it shows that bears on the case.", true),
        flag(
          "showsBannerAndMembers",
          "Banner and members",
          "Whether it shows the actor's banner with members: dated evidence of activity."
        )
      ]
    }
  },
  {
    field: text(
      "unconfirmed",
      "Unconfirmed",
      "Why its authenticity cannot be confirmed, when it cannot: it then counts for nothing until confirmed."
    )
  },
  { list: citations }
]

const observationParts: ReadonlyArray<Part> = [
  { field: idField },
  {
    field: choice(
      "kind",
      "Kind",
      ObservationKind.literals,
      "activity (seen at work), release (a release was seen), absence (an expected release did not come).",
      true
    )
  },
  { field: pick("actor", "Actor", "actor", "The actor it is about.", true) },
  { field: pick("source", "Source", "source", "Who saw it.", true) },
  { field: pick("channel", "Channel", "channel", "The channel it was seen on, if any.") },
  {
    field: pick(
      "under",
      "Under the banner of",
      "actor",
      "The actor under whose banner it took place, when not the actor's own."
    )
  },
  {
    field: date(
      "date",
      "Date",
      "When it happened; for an absence, the period the release was expected in.",
      true
    )
  },
  {
    field: date("known", "Known", "When it could first be known (an absence: once the window had passed).")
  },
  { field: text("description", "What was seen", "What was seen, in a sentence.", true) },
  { field: text("expected", "Expected", "For an absence: what was expected, and why.") },
  {
    field: pick(
      "carriedBy",
      "Carried by",
      "evidence",
      "The statement or release that carries it, when in the case."
    )
  },
  { field: credibility },
  { list: citations }
]

/** The members of the claim union, by kind. */
const claimMembers = new Map<string, Schema.Struct<Schema.Struct.Fields>>(
  (Claim.members as unknown as ReadonlyArray<Schema.Struct<Schema.Struct.Fields>>).map((member) => [
    (member.fields.kind as unknown as { readonly literal: string }).literal,
    member
  ])
)
export const claimKinds: ReadonlyArray<string> = [...claimMembers.keys()]

const claimCommonParts: ReadonlyArray<Part> = [
  { field: choice("kind", "Kind", claimKinds, "What the claim says: pledge, denial, disowning...", true) },
  { field: idField },
  {
    field: pick("scope", "About", "actor", "The actor the claim is about (a branch is not its parent).", true)
  },
  {
    field: pick(
      "madeBy.statement",
      "Made by statement",
      "statement",
      "The statement whose content it is; or else the source below."
    )
  },
  {
    field: pick(
      "madeBy.source",
      "Reported by source",
      "source",
      "The source that reports it; or else the statement above."
    )
  },
  {
    field: date(
      "reported",
      "Reported",
      "When it was made or reported (a statement's claim defaults to its date)."
    )
  },
  { field: date("occurred", "Occurred", "When the claimed event happened, when the claim dates it.") },
  {
    field: pick(
      "attributedTo",
      "Attributed to",
      "actor",
      "Whose words the source reports, when someone else's."
    )
  }
]
const claimTailParts: ReadonlyArray<Part> = [
  {
    list: {
      list: "restsOn",
      noun: "item of evidence it rests on",
      min: 0,
      entry: [pick("", "Rests on", "evidence", "Evidence the claim says it rests on.")]
    }
  },
  { field: credibility },
  { field: text("summary", "Summary", "The claim in a sentence.") },
  { list: citations }
]
const commonClaimKeys = new Set([
  "kind",
  "id",
  "scope",
  "madeBy",
  "reported",
  "occurred",
  "attributedTo",
  "restsOn",
  "credibility",
  "summary",
  "cites"
])

/** How a kind's own field is typed in, by its name; a field not listed here is plain text. */
const claimFieldInputs: Record<string, { readonly input: FieldInput; readonly help: string }> = {
  pledger: { input: { type: "pick", of: "actor" }, help: "Who pledges." },
  recipient: { input: { type: "pick", of: "actor" }, help: "To whom." },
  actor: { input: { type: "pick", of: "actor" }, help: "The actor concerned." },
  absorbed: { input: { type: "pick", of: "actor" }, help: "The actor absorbed." },
  into: { input: { type: "pick", of: "actor" }, help: "The actor it merged into." },
  with: { input: { type: "pick", of: "actor" }, help: "The other actor." },
  protected: { input: { type: "pick", of: "actor" }, help: "The actor protected." },
  protector: { input: { type: "pick", of: "actor" }, help: "The actor protecting it." },
  member: { input: { type: "pick", of: "actor" }, help: "The member." },
  of: { input: { type: "pick", of: "actor" }, help: "What it is a member of." },
  to: { input: { type: "pick", of: "actor" }, help: "To whom some members gave allegiance." },
  channel: { input: { type: "pick", of: "channel" }, help: "The channel concerned." },
  target: { input: { type: "pick", of: "evidence" }, help: "The statement or claim denied or confirmed." },
  backs: { input: { type: "pick", of: "evidence" }, help: "The statement the majority backs." },
  about: {
    input: { type: "pick", of: "evidence" },
    help: "The decision or statement only part stands behind."
  },
  since: { input: { type: "date" }, help: "From when: 1 January 2015." },
  at: { input: { type: "date" }, help: "When: 1 January 2015." },
  afterSerial: { input: { type: "int" }, help: "Statements after this serial number are disowned." },
  serial: { input: { type: "int" }, help: "The serial number declared the last." },
  low: { input: { type: "int" }, help: "The estimate's lower bound." },
  high: { input: { type: "int" }, help: "The estimate's upper bound." },
  otherChannels: { input: { type: "flag" }, help: "Whether statements on other channels are disowned too." },
  front: { input: { type: "text" }, help: "The front they cooperate on." },
  part: { input: { type: "text" }, help: "The part that stands behind it: some commanders, a council." },
  who: { input: { type: "text" }, help: "Who among the members." },
  estimate: { input: { type: "text" }, help: 'The estimate as given: "hundreds".' },
  umbrella: { input: { type: "pick", of: "actor" }, help: "The umbrella or coalition it joined." },
  event: { input: { type: "text" }, help: 'What it claims: "the attack on the checkpoint".' },
  place: { input: { type: "text" }, help: "Where, when it says." },
  as: { input: { type: "text" }, help: 'The name it is given: "Province of the North".' },
  confirms: {
    input: { type: "choice", options: ["authorship", "content"] },
    help: "authorship (the earlier statement was its own) or content (what it says holds)."
  },
  channels: { input: { type: "pick", of: "channel" }, help: "An official channel." }
}

const words = (key: string) =>
  key
    .replace(/([A-Z])/g, " $1")
    .replace(/^./, (first) => first.toUpperCase())
    .toLowerCase()

const isOptionalField = (schema: Schema.Top) =>
  (schema.ast as { readonly context?: { readonly isOptional?: boolean } }).context?.isOptional === true ||
  // Fields with a decoding default (a flag) may be left out too.
  (schema.ast as { readonly context?: { readonly defaultValue?: unknown } }).context?.defaultValue !==
    undefined

const claimKindParts = (kind: string): ReadonlyArray<Part> => {
  const member = claimMembers.get(kind)
  if (member === undefined) return []
  const parts: Array<Part> = []
  for (const [key, schema] of Object.entries(member.fields)) {
    if (commonClaimKeys.has(key)) continue
    const known = claimFieldInputs[key] ?? { input: { type: "text" } as const, help: "" }
    // A field holding a list of ids (official channels) is typed in as a list of entries.
    if ((schema as Schema.Top).ast._tag === "Arrays") {
      const label = words(key).replace(/^./, (first) => first.toUpperCase())
      parts.push({
        list: {
          list: key,
          noun: words(key).replace(/s$/, ""),
          min: isOptionalField(schema as Schema.Top) ? 0 : 1,
          entry: [{ key: "", label, help: known.help, required: true, input: known.input }]
        }
      })
      continue
    }
    parts.push({
      field: {
        key,
        label: words(key).replace(/^./, (first) => first.toUpperCase()),
        help: known.help,
        required: !isOptionalField(schema as Schema.Top) && known.input.type !== "flag",
        input: known.input
      }
    })
  }
  return parts
}

const partsOf = (state: Pick<FormState, "kind" | "values">): ReadonlyArray<Part> =>
  state.kind === "statement"
    ? statementParts
    : state.kind === "observation"
      ? observationParts
      : [...claimCommonParts, ...claimKindParts(state.values.kind ?? ""), ...claimTailParts]

const entryKey = (list: string, index: number, key: string) =>
  key === "" ? `${list}.${index}` : `${list}.${index}.${key}`

/** The fields of a form as it stands, lists expanded to their entries, in order. */
export const formFields = (state: FormState): ReadonlyArray<FieldSpec> =>
  partsOf(state).flatMap((part) =>
    "field" in part
      ? [part.field]
      : Array.from({ length: state.entries[part.list.list] ?? part.list.min }, (_, index) =>
          part.list.entry.map((field) => ({
            ...field,
            key: entryKey(part.list.list, index, field.key),
            label: `${field.label} ${index + 1}`
          }))
        ).flat()
  )

// ---------------------------------------------------------------- starting a form

/** The lists of a kind and their least number of entries. */
const listsOf = (state: Pick<FormState, "kind" | "values">) =>
  partsOf(state).flatMap((part) => ("list" in part ? [part.list] : []))

/** A new, empty form of a kind, with an id nobody uses yet. */
export const newForm = (
  kind: FormKind,
  caseFile: CaseFile,
  values: Record<string, string> = {}
): FormState => {
  const taken = new Set<string>()
  for (const section of [caseFile.statements, caseFile.claims, caseFile.observations])
    for (const item of section) taken.add(item.id)
  let n = (
    kind === "statement" ? caseFile.statements : kind === "claim" ? caseFile.claims : caseFile.observations
  ).length
  let id = `${kind}-${++n}`
  while (taken.has(id)) id = `${kind}-${++n}`
  const start = { kind, values: { id, ...(kind === "claim" ? { kind: "pledge" } : {}), ...values } }
  const entries: Record<string, number> = {}
  for (const list of listsOf(start))
    entries[list.list] = Math.max(list.min, list.list === "printedDates" ? 1 : 0)
  return { ...start, entries }
}

const encoders = {
  statement: Schema.encodeSync(Statement as unknown as Schema.Codec<unknown, unknown>),
  claim: Schema.encodeSync(Claim as unknown as Schema.Codec<unknown, unknown>),
  observation: Schema.encodeSync(Observation as unknown as Schema.Codec<unknown, unknown>)
}

/** A form holding an item of the case, as a case file writes it, to edit. */
export const formOfItem = (kind: FormKind, item: unknown): FormState => {
  const encoded = encoders[kind](item) as Record<string, unknown>
  const values: Record<string, string> = {}
  const keptDates: Record<string, unknown> = {}
  const entries: Record<string, number> = {}
  const put = (key: string, value: unknown, input: FieldInput | undefined) => {
    if (value === undefined || value === null) return
    if (input?.type === "date" && typeof value === "object") {
      values[key] = String((value as { readonly text: string }).text)
      keptDates[key] = value
    } else if (input?.type === "flag") values[key] = value === true ? "yes" : "no"
    else values[key] = String(value)
  }
  const at = (path: ReadonlyArray<string>) =>
    path.reduce<unknown>(
      (value, step) => (typeof value === "object" && value !== null ? (value as never)[step] : undefined),
      encoded
    )
  values.kind = String(encoded.kind ?? "")
  for (const part of partsOf({ kind, values })) {
    if ("field" in part) {
      put(part.field.key, at(part.field.key.split(".")), part.field.input)
      continue
    }
    const list = at([part.list.list])
    const items = Array.isArray(list) ? list : []
    entries[part.list.list] = Math.max(items.length, part.list.min)
    items.forEach((entry, index) => {
      for (const field of part.list.entry)
        put(
          entryKey(part.list.list, index, field.key),
          field.key === "" ? entry : (entry as Record<string, unknown>)[field.key],
          field.input
        )
    })
  }
  if (kind !== "claim") delete values.kind
  if (kind === "observation") values.kind = String(encoded.kind)
  return { kind, editing: String(encoded.id), values, entries, keptDates }
}

// ---------------------------------------------------------------- editing a form

/** The form with one field's text replaced. */
export const setField = (state: FormState, key: string, value: string): FormState => {
  const next = { ...state, values: { ...state.values, [key]: value } }
  // A claim of another kind has other fields: each list keeps its entries, at least as many as it needs.
  if (key === "kind" && state.kind === "claim") {
    const entries = { ...state.entries }
    for (const list of listsOf(next)) entries[list.list] = Math.max(entries[list.list] ?? 0, list.min)
    return { ...next, entries }
  }
  return next
}

/** The form with one more entry in a list. */
export const addEntry = (state: FormState, list: string): FormState => ({
  ...state,
  entries: { ...state.entries, [list]: (state.entries[list] ?? 0) + 1 }
})

/** The form without one entry of a list (never fewer than the list needs); later entries move up. */
export const removeEntry = (state: FormState, list: string, index: number): FormState => {
  const spec = listsOf(state).find((candidate) => candidate.list === list)
  const count = state.entries[list] ?? 0
  if (spec === undefined || count <= spec.min || index >= count) return state
  const values: Record<string, string> = {}
  const prefix = `${list}.`
  for (const [key, value] of Object.entries(state.values)) {
    if (!key.startsWith(prefix)) {
      values[key] = value
      continue
    }
    const [, position, ...rest] = key.split(".")
    const at = Number(position)
    if (at === index) continue
    values[[list, String(at > index ? at - 1 : at), ...rest].join(".")] = value
  }
  return { ...state, values, entries: { ...state.entries, [list]: count - 1 } }
}

// ---------------------------------------------------------------- what the text stands for

/** How a date typed as printed reads, or why it does not. */
export const dateReading = (typed: string): Result.Result<string, string> => {
  const read = readWrittenDate(typed.trim())
  // The reader's advice on writing an unreadable date as an object is for case files, not forms.
  if (Result.isFailure(read)) return Result.fail(read.failure.replace(/; write it as an object with .*$/, ""))
  const { calendar, precision, start, end } = read.success
  const span = writtenInterval(start, end)
  const what = precision === "day" ? "" : ` (a ${precision})`
  return Result.succeed(`${calendar === "hijri" ? "Hijri: " : ""}${span}${what}`)
}

/** The item a form fills in, as a case file writes it, built from the typed text. */
export const formBody = (state: FormState): Record<string, unknown> => {
  const body: Record<string, unknown> = {}
  const setAt = (path: ReadonlyArray<string>, value: unknown) => {
    let target: Record<string, unknown> | Array<unknown> = body
    for (let at = 0; at < path.length - 1; at++) {
      const step = path[at]!
      const nextIsIndex = /^\d+$/.test(path[at + 1]!)
      const existing = (target as Record<string, unknown>)[step]
      if (existing === undefined) (target as Record<string, unknown>)[step] = nextIsIndex ? [] : {}
      target = (target as Record<string, unknown>)[step] as Record<string, unknown>
    }
    ;(target as Record<string, unknown>)[path.at(-1)!] = value
  }
  for (const field of formFields(state)) {
    const typed = (state.values[field.key] ?? "").trim()
    if (typed === "") continue
    let value: unknown = typed
    if (field.input.type === "int") value = /^-?\d+$/.test(typed) ? Number(typed) : typed
    else if (field.input.type === "flag") value = /^(y|yes|true)$/i.test(typed)
    else if (field.key === "credibility") value = /^[1-5]$/.test(typed) ? Number(typed) : typed
    else if (field.input.type === "date") {
      const kept = state.keptDates?.[field.key] as { readonly text?: string } | undefined
      if (kept?.text === typed) value = kept
    }
    setAt(field.key.split("."), value)
  }
  // A list's entries left wholly empty are no entries; those between filled ones keep their place.
  for (const list of listsOf(state)) {
    const entries = body[list.list]
    if (Array.isArray(entries)) body[list.list] = entries.filter((entry) => entry !== undefined)
  }
  if (state.kind === "statement" && body.printedDates === undefined) body.printedDates = []
  return body
}

// ---------------------------------------------------------------- checking a form

/** What a form is checked against: the case it adds to, indexed once. */
export interface FormContext {
  readonly caseFile: CaseFile
  readonly labels: CaseLabels
  /** Which section holds each id of the case, and where. */
  readonly where: ReadonlyMap<string, { readonly section: ItemSection; readonly index: number }>
}

export const formContext = (caseFile: CaseFile, labels: CaseLabels): FormContext => {
  const where = new Map<string, { section: ItemSection; index: number }>()
  const sections = ["actors", "channels", "sources", "statements", "claims", "observations"] as const
  for (const section of sections)
    (caseFile[section] as ReadonlyArray<{ readonly id: string }>).forEach((item, index) => {
      where.set(item.id, { section, index })
    })
  return { caseFile, labels, where }
}

/** What is wrong with a form, by field key, and what belongs to no one field. */
export interface FormCheck {
  readonly fields: Readonly<Record<string, ReadonlyArray<string>>>
  readonly general: ReadonlyArray<string>
  /** The item, as a case file writes it, when nothing is wrong. */
  readonly item?: { readonly section: ItemSection; readonly id: string; readonly body: unknown }
}

const pickSections: Record<PickOf, ReadonlyArray<ItemSection>> = {
  actor: ["actors"],
  channel: ["channels"],
  source: ["sources"],
  statement: ["statements"],
  evidence: ["statements", "claims", "observations"]
}
const pickNouns: Record<PickOf, string> = {
  actor: "an actor",
  channel: "a channel",
  source: "a source",
  statement: "a statement",
  evidence: "a statement, claim or observation"
}

const strict = { errors: "all", onExcessProperty: "error" } as const
const decoders = {
  statement: Schema.decodeUnknownResult(Statement as unknown as Schema.Codec<unknown, unknown>, strict),
  observation: Schema.decodeUnknownResult(Observation as unknown as Schema.Codec<unknown, unknown>, strict)
}
const claimDecoders = new Map(
  [...claimMembers].map(([kind, member]) => [
    kind,
    Schema.decodeUnknownResult(member as unknown as Schema.Codec<unknown, unknown>, strict)
  ])
)
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()
const sectionOf: Record<FormKind, ItemSection> = {
  statement: "statements",
  claim: "claims",
  observation: "observations"
}

/** Schema's generic wording, in a form's terms. */
const analystMessage = (message: string) =>
  message
    .replace(/^Missing key$/, "Required.")
    .replace(/^Expected no excess property$/, "Not a field of this kind.")
    .replace(/^Expected (an integer|number)\b.*$/, "Expected a whole number.")

export const checkForm = (state: FormState, context: FormContext): FormCheck => {
  const fields: Record<string, Array<string>> = {}
  const general: Array<string> = []
  const keys = formFields(state).map((field) => field.key)
  /** The field a problem at `path` belongs to: that field, or the first field inside it. */
  const fieldAt = (path: string) =>
    keys.find((key) => key === path) ??
    keys.find((key) => key.startsWith(`${path}.`)) ??
    (path.startsWith("madeBy") ? "madeBy.statement" : undefined)
  const report = (path: string, message: string) => {
    const key = fieldAt(path)
    if (key === undefined) general.push(path === "" ? message : `${path}: ${message}`)
    // One problem a field: the first found is the most specific (a date's reading before the Schema's
    // echo of it, an unknown id before the pattern ids follow).
    else if (fields[key] === undefined) fields[key] = [message]
  }
  const body = formBody(state)
  // Date fields are read here first, to say what is wrong with the text in the reader's words.
  for (const field of formFields(state))
    if (field.input.type === "date" && (state.values[field.key] ?? "").trim() !== "") {
      const kept = state.keptDates?.[field.key] as { readonly text?: string } | undefined
      if (kept?.text === state.values[field.key]?.trim()) continue
      const reading = dateReading(state.values[field.key]!)
      if (Result.isFailure(reading)) report(field.key, reading.failure)
    }
  // A picker's text that names no item of the right kind: say so, rather than the pattern ids follow.
  for (const field of formFields(state)) {
    if (field.input.type !== "pick") continue
    const typed = (state.values[field.key] ?? "").trim()
    if (typed === "") continue
    const at = context.where.get(typed)
    if (at === undefined || !pickSections[field.input.of].includes(at.section))
      report(
        field.key,
        `"${typed}" is not the id of ${pickNouns[field.input.of]} in the case: choose one from the case's list.`
      )
  }
  if (state.kind === "claim" && body.madeBy === undefined)
    report("madeBy.statement", "Give the statement that makes it, or the source that reports it.")
  if (
    state.kind === "claim" &&
    typeof body.madeBy === "object" &&
    body.madeBy !== null &&
    Object.keys(body.madeBy).length > 1
  )
    report("madeBy.statement", "Give the statement or the source, not both.")
  const decode = state.kind === "claim" ? claimDecoders.get(String(body.kind ?? "")) : decoders[state.kind]
  if (decode === undefined) {
    report("kind", `Choose one of: ${claimKinds.join(", ")}.`)
    return { fields, general }
  }
  const decoded = decode(body)
  if (Result.isFailure(decoded)) {
    for (const issue of issueMessages(decoded.failure.issue).issues) {
      const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".")
      report(path, analystMessage(issue.message))
    }
    return { fields, general }
  }
  // The id is new, or the one of the item edited.
  const id = String(body.id)
  const holder = context.where.get(id)
  if (state.editing === undefined && holder !== undefined)
    report(
      "id",
      `Already used by the ${holder.section.slice(0, -1)} ${context.labels.of(id)}; choose another id.`
    )
  // The rest of the case's integrity: references name items of the right kind, intervals run forwards.
  const section = sectionOf[state.kind]
  const problems = checkIntegrity(
    miniCase(context, section, decoded.success as { readonly id: string }, body)
  )
  for (const problem of problems) {
    const [problemSection, , ...rest] = problem.path
    if (problemSection !== section) continue
    const inItem = miniIndexOf(problem.path)
    if (inItem) report(rest.map(String).join("."), problem.message)
  }
  if (Object.keys(fields).length > 0 || general.length > 0) return { fields, general }
  return { fields, general, item: { section, id, body } }
}

/** Whether a problem path points at the form's item, which a mini case holds last in its section. */
const miniIndexOf = (path: ReadonlyArray<string | number>) => path[1] === 0

/**
 * The case the item's integrity is checked in: the actors, channels and sources of the case, the item,
 * and the statements, claims and observations it names. Checking the whole of a 100,000-statement case
 * at every keystroke would take longer than the keystroke; the store checks the whole case on saving.
 */
const miniCase = (
  context: FormContext,
  section: ItemSection,
  item: { readonly id: string },
  body: Record<string, unknown>
): CaseFile => {
  const named = new Set<string>()
  const walk = (value: unknown) => {
    if (typeof value === "string") named.add(value)
    else if (Array.isArray(value)) for (const entry of value) walk(entry)
    else if (typeof value === "object" && value !== null)
      for (const entry of Object.values(value)) walk(entry)
  }
  walk(body)
  const { caseFile } = context
  const evidence = {
    statements: [] as Array<unknown>,
    claims: [] as Array<unknown>,
    observations: [] as Array<unknown>
  }
  for (const id of named) {
    const at = context.where.get(id)
    if (at === undefined || id === item.id) continue
    if (at.section === "statements" || at.section === "claims" || at.section === "observations")
      evidence[at.section].push(caseFile[at.section][at.index])
  }
  const withItem = (name: "statements" | "claims" | "observations") =>
    (section === name ? [item, ...evidence[name]] : evidence[name]) as never
  return caseFileOfCheckedParts({
    case: caseFile.case,
    actors: caseFile.actors,
    channels: caseFile.channels,
    sources: caseFile.sources,
    statements: withItem("statements"),
    claims: withItem("claims"),
    observations: withItem("observations"),
    relationships: [],
    questions: []
  })
}

/** The rows of a form as shown: every field with its text, reading and problems, and a way to add to each list. */
export const formRows = (
  state: FormState,
  context: FormContext,
  check?: FormCheck
): ReadonlyArray<FormRow> => {
  const checked = check ?? checkForm(state, context)
  const rows: Array<FormRow> = []
  const fieldRow = (field: FieldSpec, entry?: { list: string; index: number }): FormRow => {
    const value = state.values[field.key] ?? ""
    let reading: string | undefined
    if (value.trim() !== "") {
      if (field.input.type === "date") {
        const read = dateReading(value)
        if (Result.isSuccess(read)) reading = read.success
        else if (state.keptDates?.[field.key] !== undefined) {
          const kept = state.keptDates[field.key] as { start?: string; end?: string }
          if (kept.start !== undefined && kept.end !== undefined)
            reading = `${writtenInterval(kept.start as never, kept.end as never)} (as the analyst set it)`
        }
      } else if (field.input.type === "pick" && context.labels.kindOf(value.trim()) !== undefined)
        reading = `${context.labels.kindOf(value.trim())} ${context.labels.of(value.trim())}`
    }
    return {
      type: "field",
      field,
      value,
      ...(reading === undefined ? {} : { reading }),
      problems: checked.fields[field.key] ?? [],
      locked: field.key === "id" && state.editing !== undefined,
      ...(entry === undefined ? {} : { entry })
    }
  }
  for (const part of partsOf(state)) {
    if ("field" in part) {
      rows.push(fieldRow(part.field))
      continue
    }
    const count = state.entries[part.list.list] ?? part.list.min
    for (let index = 0; index < count; index++)
      for (const field of part.list.entry)
        rows.push(
          fieldRow(
            {
              ...field,
              key: entryKey(part.list.list, index, field.key),
              label: count > 1 || field.key !== "" ? `${field.label} ${index + 1}` : field.label
            },
            { list: part.list.list, index }
          )
        )
    rows.push({
      type: "add",
      list: part.list.list,
      label: `add ${/^[aeiou]/.test(part.list.noun) ? "an" : "a"} ${part.list.noun}`
    })
  }
  return rows
}

// ---------------------------------------------------------------- pickers

/** One item a picker offers. */
export interface PickOption {
  readonly id: string
  readonly label: string
  /** What else it goes by, or what it is: aliases, a handle's platform, a source's grade. */
  readonly detail: string
}

/** The items a picker offers whose names hold every typed word, at most `limit` of them. */
export const pickOptions = (
  context: FormContext,
  of: PickOf,
  typed: string,
  limit = 8
): ReadonlyArray<PickOption> => {
  const wanted = typed
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
  const found: Array<PickOption> = []
  const offer = (id: string, label: string, detail: string, names: ReadonlyArray<string>) => {
    if (found.length >= limit) return
    const hay = [id, label, detail, ...names].join("\u0000").toLocaleLowerCase()
    if (wanted.every((word) => hay.includes(word))) found.push({ id, label, detail })
  }
  const { caseFile, labels } = context
  if (of === "actor")
    for (const actor of caseFile.actors)
      offer(
        actor.id,
        actor.name.primary,
        [actor.kind, ...actor.name.aliases, actor.name.arabic ?? ""].filter((name) => name !== "").join(", "),
        actor.name.transliterations
      )
  if (of === "channel")
    for (const channel of caseFile.channels)
      offer(
        channel.id,
        channel.handle,
        [
          channel.platform ?? channel.kind,
          channel.speaksFor === undefined ? "" : `for ${labels.of(channel.speaksFor)}`
        ]
          .filter((part) => part !== "")
          .join(", "),
        []
      )
  if (of === "source")
    for (const source of caseFile.sources)
      offer(source.id, labels.of(source.id), `grade ${source.reliability}`, [])
  if (of === "statement" || of === "evidence")
    for (const statement of caseFile.statements)
      offer(statement.id, labels.of(statement.id), `statement, ${statement.observed.text}`, [])
  if (of === "evidence") {
    for (const claim of caseFile.claims) offer(claim.id, labels.of(claim.id), `${claim.kind} claim`, [])
    for (const observation of caseFile.observations)
      offer(observation.id, labels.of(observation.id), `${observation.kind} observation`, [])
  }
  return found
}

/**
 * An outline kept as a store's digest (see the store's `digest`): its bytes, and the outline again
 * from those bytes and the items saved since, so that a UI shows the lists of a large case after reading
 * one row and the few items changed, instead of every item of the case.
 *
 * A digest carries a fingerprint of how outlines are worked out (the layout of its bytes, and the
 * outline of a small made-up case, which shows their shape and their labels' wording), so that one an
 * older or newer Allegiance kept is not read as if this one had worked it out: it is worked out again.
 */
import type { CaseFile } from "@allegiance/domain"
import { type CaseOutline, caseOutline, type OutlineInput } from "./case-outline.ts"
import { outlineWithItem } from "./outline-edits.ts"
import { caseOutlineOf } from "./outline-of-case.ts"

/** One item changed since the digest's revision: its body at the head, or `null` when removed. */
export interface ChangeSince {
  readonly kind: string
  readonly id: string
  readonly body: unknown
}

/** The outline of a small case that names every kind of item an outline labels. */
const sample = (): CaseOutline => {
  const date = (text: string, start: string, end: string) => ({
    text,
    calendar: "gregorian",
    start,
    end,
    precision: "day"
  })
  const input = {
    case: { id: "sample", title: "Sample" },
    actors: [{ id: "a", name: { primary: "An actor" } }],
    channels: [{ id: "c", handle: "@channel" }],
    sources: [{ id: "s", description: "A source described at some length, so that it is shortened." }],
    statements: [
      {
        id: "st",
        serial: { text: "Statement 1" },
        issuer: { actor: "a", nameAsPrinted: "Issuer" },
        channel: "c",
        observed: date("2 January 2015", "2015-01-02", "2015-01-02"),
        printedDates: [date("1 January 2015", "2015-01-01", "2015-01-01")]
      },
      {
        id: "st-2",
        title: "A statement named by its title",
        issuer: { actor: "a", nameAsPrinted: "Issuer" },
        observed: date("January 2015", "2015-01-01", "2015-01-31"),
        printedDates: []
      }
    ],
    claims: [
      { id: "cl", kind: "pledge-of-allegiance", madeBy: { statement: "st" } },
      { id: "cl-2", kind: "dissolution", madeBy: { source: "s" } },
      { id: "cl-3", kind: "merger", summary: "A claim with a summary", madeBy: { statement: "st-2" } }
    ],
    observations: [
      {
        id: "ob",
        kind: "attack",
        description: "An observation",
        actor: "a",
        channel: "c",
        date: date("3 January 2015", "2015-01-03", "2015-01-03")
      }
    ],
    relationships: 1,
    questions: 1
  } as unknown as OutlineInput
  return caseOutline(input, { case: input.case, actors: input.actors, channels: [], sources: [] })
}

/** The name outlines are kept under as digests. */
export const outlineDigestName = "case-outline"

/** The layout of a digest's bytes (`outlineDigestBytes`): changed with it. */
const layout = 1
let fingerprint: string | undefined
/** How outlines are worked out now: changes whenever the layout or the sample's outline does. */
const outlineFingerprint = (): string => {
  if (fingerprint === undefined) {
    const text = JSON.stringify(sample())
    let hash = 0x811c9dc5
    for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
    fingerprint = `${layout}-${(hash >>> 0).toString(16)}`
  }
  return fingerprint
}

/**
 * An outline as a digest's bytes, column by column, so that reading it back costs little more than
 * copying: the numeric columns as 32-bit integers, the text columns (ids, labels, issuers) as one text
 * each with the length of every entry, and the rest (the case, counts, dates and parts) as JSON.
 *
 *   u32 length of the JSON (with the fingerprint) · JSON · padding to 4 bytes · i32 columns · the text columns' UTF-8
 */
const numberColumns = [
  ["names", "kinds"],
  ["timeline", "items"],
  ["timeline", "date"],
  ["timeline", "printedFrom"],
  ["timeline", "printed"],
  ["timeline", "channel"],
  ["timeline", "actor"]
] as const
const textColumns = [
  ["names", "ids"],
  ["names", "labels"],
  ["timeline", "issuer"]
] as const

/**
 * How a store makes the outline's digest of a case written whole (an import), in the same transaction
 * as its revision: the shape of the store's `CaseDigestMaker`.
 */
export const outlineDigestMaker = {
  name: outlineDigestName,
  ofCase: (caseFile: CaseFile): Uint8Array => outlineDigestBytes(caseOutlineOf(caseFile))
}

export const outlineDigestBytes = (outline: CaseOutline): Uint8Array => {
  const numbers = numberColumns.map(
    ([part, column]) => (outline[part] as never)[column] as ReadonlyArray<number>
  )
  const texts = textColumns.map(([part, column]) => (outline[part] as never)[column] as ReadonlyArray<string>)
  const rest = {
    fingerprint: outlineFingerprint(),
    case: outline.case,
    counts: outline.counts,
    sections: outline.names.sections,
    kindNames: outline.names.kindNames,
    dates: outline.timeline.dates,
    parts: outline.parts,
    numbers: numbers.map((column) => column.length),
    texts: texts.map((column) => column.map((text) => text.length))
  }
  const encoder = new TextEncoder()
  const json = encoder.encode(JSON.stringify(rest))
  const text = encoder.encode(texts.map((column) => column.join("")).join(""))
  const numbersAt = 4 + json.length + ((4 - (json.length % 4)) % 4)
  const count = numbers.reduce((sum, column) => sum + column.length, 0)
  const bytes = new Uint8Array(numbersAt + count * 4 + text.length)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, json.length, true)
  bytes.set(json, 4)
  let at = numbersAt
  for (const column of numbers)
    for (const value of column) {
      view.setInt32(at, value, true)
      at += 4
    }
  bytes.set(text, at)
  return bytes
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
const lengthsOf = (value: unknown, columns: number): value is ReadonlyArray<unknown> =>
  Array.isArray(value) && value.length === columns

/** The outline in a digest's bytes, or `undefined` when they do not hold one this Allegiance wrote. */
const outlineOfBytes = (bytes: Uint8Array): CaseOutline | undefined => {
  if (bytes.length < 4) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const jsonLength = view.getUint32(0, true)
  if (4 + jsonLength > bytes.length) return undefined
  const decoder = new TextDecoder("utf-8", { fatal: true })
  const rest = JSON.parse(decoder.decode(bytes.subarray(4, 4 + jsonLength))) as unknown
  if (!isObject(rest) || rest.fingerprint !== outlineFingerprint()) return undefined
  if (!lengthsOf(rest.numbers, numberColumns.length)) return undefined
  if (!lengthsOf(rest.texts, textColumns.length) || !rest.texts.every((entry) => Array.isArray(entry)))
    return undefined
  const numberLengths = rest.numbers as ReadonlyArray<number>
  const textLengths = rest.texts as ReadonlyArray<ReadonlyArray<number>>
  let at = 4 + jsonLength + ((4 - (jsonLength % 4)) % 4)
  const numbers = numberLengths.map((length) => {
    const column = new Array<number>(length)
    for (let i = 0; i < length; i++) column[i] = view.getInt32(at + i * 4, true)
    at += length * 4
    return column
  })
  if (at > bytes.length) return undefined
  const text = decoder.decode(bytes.subarray(at))
  let from = 0
  const texts = textLengths.map((lengths) =>
    lengths.map((length) => {
      const entry = text.slice(from, from + length)
      from += length
      return entry
    })
  )
  if (from !== text.length) return undefined
  const [kinds, items, date, printedFrom, printed, channel, actor] = numbers as [
    Array<number>,
    Array<number>,
    Array<number>,
    Array<number>,
    Array<number>,
    Array<number>,
    Array<number>
  ]
  const [ids, labels, issuer] = texts as [Array<string>, Array<string>, Array<string>]
  const places = items.length
  if (
    typeof rest.sections !== "string" ||
    rest.sections.length !== ids.length ||
    labels.length !== ids.length ||
    kinds.length !== ids.length ||
    [date, channel, actor, issuer].some((column) => column.length !== places) ||
    printedFrom.length !== places + 1 ||
    !Array.isArray(rest.dates) ||
    !Array.isArray(rest.kindNames) ||
    !isObject(rest.case) ||
    !isObject(rest.counts) ||
    !isObject(rest.parts)
  )
    return undefined
  return {
    case: rest.case as CaseOutline["case"],
    counts: rest.counts as CaseOutline["counts"],
    names: { ids, sections: rest.sections, labels, kinds, kindNames: rest.kindNames as Array<string> },
    timeline: {
      items,
      dates: rest.dates as CaseOutline["timeline"]["dates"],
      date,
      printedFrom,
      printed,
      channel,
      actor,
      issuer
    },
    parts: rest.parts as unknown as CaseOutline["parts"]
  }
}

const edited = new Set(["statements", "claims", "observations"])

/**
 * The outline a digest's text and the changes since its revision make, or `undefined` when the reader
 * must work it out from the items instead: a text that is not an outline, or a change an outline is
 * not brought up to date by (a removal, or a change to the actors, channels, sources or the case).
 */
export const outlineOfDigest = (
  bytes: Uint8Array,
  changes: ReadonlyArray<ChangeSince>
): CaseOutline | undefined => {
  if (changes.some((change) => change.body === null || !edited.has(change.kind))) return undefined
  let outline: CaseOutline | undefined
  try {
    outline = outlineOfBytes(bytes)
  } catch {
    // Not UTF-8, not JSON, or cut short.
    return undefined
  }
  if (outline === undefined) return undefined
  let result = outline
  for (const change of changes)
    result = outlineWithItem(result, change.kind as "statements" | "claims" | "observations", change.body)
  return result
}

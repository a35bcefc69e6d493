/**
 * A quick way through a large case file written as JSON. The YAML parser that gives every
 * problem its line and column takes seconds on a file of tens of megabytes; JSON.parse
 * takes a fraction of that. A valid file comes out the same either way, so the quick way
 * is tried first and gives up, leaving the file to the YAML reader and its located
 * problems, at the first sign of trouble.
 */
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import {
  type CaseFile,
  CaseInfo,
  caseFileOfCheckedParts,
  type ItemSection,
  itemSections
} from "@allegiance/domain/model/case-file"
import { type CaseModel, modelOf } from "@allegiance/domain/model/case-model"
import {
  Actor,
  Channel,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain/model/index"
import { Result, Schema } from "effect"

/** Below this size the YAML parser is quick enough, and gives the same answer. */
export const quickJsonFrom = 1_000_000

// Each item is decoded on its own, as strictly as the reader decodes the whole file: faster with
// Effect Schema than decoding the whole case at once.
const strict = { errors: "all", onExcessProperty: "error" } as const
type SectionDecoders = Record<ItemSection, (input: unknown) => Result.Result<unknown, unknown>>
const decodersByModel = new WeakMap<CaseModel, SectionDecoders>()

/** Each section's decoder: its items' Schema, claims of the model's kinds. */
const sectionDecoders = (model: CaseModel): SectionDecoders => {
  let decoders = decodersByModel.get(model)
  if (decoders === undefined) {
    decoders = {
      actors: Schema.decodeUnknownResult(Actor, strict),
      channels: Schema.decodeUnknownResult(Channel, strict),
      sources: Schema.decodeUnknownResult(Source, strict),
      statements: Schema.decodeUnknownResult(Statement, strict),
      claims: Schema.decodeUnknownResult(model.Claim, strict),
      observations: Schema.decodeUnknownResult(Observation, strict),
      relationships: Schema.decodeUnknownResult(Relationship, strict),
      questions: Schema.decodeUnknownResult(Question, strict)
    }
    decodersByModel.set(model, decoders)
  }
  return decoders
}
const decodeInfo = Schema.decodeUnknownResult(CaseInfo, strict)
const caseFileKeys = new Set<string>(["case", ...itemSections])

/**
 * How many keys the text's objects write, all told: the colons outside strings, since in
 * JSON each key is followed by exactly one.
 */
const keysWritten = (text: string): number => {
  let keys = 0
  let at = 0
  let quote = text.indexOf('"')
  let colon = text.indexOf(":")
  while (colon !== -1) {
    if (quote === -1 || colon < quote) {
      keys++
      at = colon + 1
    } else {
      // Skip the string: it ends at the next quote not escaped by an odd run of backslashes.
      let end = quote
      for (;;) {
        end = text.indexOf('"', end + 1)
        if (end === -1) return keys
        let backslashes = 0
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++
        if (backslashes % 2 === 0) break
      }
      at = end + 1
    }
    if (quote !== -1 && quote < at) quote = text.indexOf('"', at)
    if (colon < at) colon = text.indexOf(":", at)
  }
  return keys
}

/** How many keys the parsed value's objects hold, all told. */
const keysHeld = (value: unknown): number => {
  if (typeof value !== "object" || value === null) return 0
  let keys = 0
  if (Array.isArray(value)) {
    for (const element of value) keys += keysHeld(element)
    return keys
  }
  for (const key in value) keys += 1 + keysHeld((value as Record<string, unknown>)[key])
  return keys
}

/**
 * The case a JSON text holds, when it is a valid case file; `undefined` when it is not JSON,
 * or not a valid case file, or repeats a key in an object. JSON.parse would keep the last of
 * two equal keys where the YAML reader refuses them, so the keys the parsed objects hold are
 * counted against the keys the text writes: a repeated key leaves fewer held than written. `kinds` are
 * the kinds of claim it may hold, as for `readCaseText`.
 */
export const readJsonQuickly = (
  text: string,
  options: { readonly kinds?: ReadonlyArray<ClaimKind> | undefined } = {}
): CaseFile | undefined => {
  if (!/^\s*\{/.test(text)) return undefined
  let content: unknown
  try {
    content = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) return undefined
  const record = content as Record<string, unknown>
  if (Object.keys(record).some((key) => !caseFileKeys.has(key))) return undefined
  const info = decodeInfo(record.case)
  if (Result.isFailure(info)) return undefined
  const decoders = sectionDecoders(modelOf(options.kinds))
  const sections: Partial<Record<ItemSection, Array<unknown>>> = {}
  for (const section of itemSections) {
    const list = Object.hasOwn(record, section) ? record[section] : []
    if (!Array.isArray(list)) return undefined
    const decode = decoders[section]
    const decoded = new Array<unknown>(list.length)
    for (let at = 0; at < list.length; at++) {
      const result = decode(list[at])
      if (Result.isFailure(result)) return undefined
      decoded[at] = result.success
    }
    sections[section] = decoded
  }
  if (keysHeld(content) !== keysWritten(text)) return undefined
  // Every part was decoded (and so checked) above.
  const caseFile = caseFileOfCheckedParts({
    case: info.success,
    ...(sections as unknown as Pick<CaseFile, ItemSection>)
  })
  return checkIntegrity(caseFile, options).length === 0 ? caseFile : undefined
}

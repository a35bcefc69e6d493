/**
 * A case file's content (the value its JSON or YAML text parses to) read into the case model, with
 * every problem in it found in one pass: each item is decoded on its own, by decoders compiled from the
 * model's Schemas; an item that does not decode is put to Schema to say why, and leaves a hole in its
 * section; the integrity check (ids, references, the actor tree...) then runs over every item that was
 * read, so that a wrong type in one item does not hide a wrong reference in another.
 *
 * The case file's fields and sections, and each section's items, are read off the model's `CaseFile`
 * Schema: a section or a field added to the model needs no change here.
 */
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import { type CaseFile, caseFileOfCheckedParts, itemSections } from "@allegiance/domain/model/case-file"
import type { CaseModel } from "@allegiance/domain/model/case-model"
import { DateField, readWrittenDateRemembered, type WrittenDate } from "@allegiance/domain/model/date-field"
import { Result, Schema, type SchemaAST } from "effect"
import {
  type Absent,
  compiledAbsence,
  compiledDecoder,
  compiledParts,
  type Decoder,
  invalid,
  keyCounter,
  lastEncoding,
  type Parts,
  settleReuse
} from "./compiled-decoder.ts"
import { keysHeld } from "./json-text.ts"
import { type ContentProblem, issueProblems, unknownKindProblem } from "./problem-words.ts"

/**
 * A date read from what the file writes: the calendar layer's reading, remembered for dates written
 * alike. A text the calendar cannot read ("between 14 and 17 January 2012", given with its interval) is
 * an ordinary answer here, which the reading gives as an error value: no stack is captured for it, which
 * cost more than reading the date (a large case writes thousands of such texts).
 */
const readDate = (written: unknown): unknown => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let read: ReturnType<typeof readWrittenDateRemembered>
  try {
    read = readWrittenDateRemembered(written as WrittenDate)
  } finally {
    Error.stackTraceLimit = limit
  }
  return Result.isSuccess(read) ? read.success : invalid
}

/** The transformations the compiled decoders leave to the model's own functions: a date's reading. */
export const modelTransformations: ReadonlyMap<unknown, (encoded: unknown) => unknown> = new Map([
  [DateField.ast.encoding![0]!.transformation, readDate]
])

/** As strict as a case file is read: every field declared by the model, and none it does not know. */
const strictOptions = { strict: true, transformations: modelTransformations, countKeys: true } as const

/** As strict, for content the reader parsed itself and may change (see `DecoderOptions.reuse`). */
const ownedOptions = { ...strictOptions, reuse: true } as const

type Detail = (input: unknown) => Result.Result<unknown, Schema.SchemaError>

/** An item that must be of one of several kinds, told apart by one field (a claim by its `kind`). */
interface Tagged {
  readonly field: string
  readonly kinds: ReadonlyArray<string>
}

interface Field {
  readonly name: string
  readonly section: boolean
  /** The field's value decoded (for a section: each item); with `owned`, by decoders that may change it. */
  readonly decoder: (owned: boolean) => Decoder
  readonly absent: Absent
  /** Why a value fails, in the analyst's words. */
  readonly explain: (input: unknown, path: ReadonlyArray<string | number>) => Array<ContentProblem>
  /**
   * For a section: what of an item that fails does decode, so that its references are checked all the
   * same (by decoders that leave the item as it is).
   */
  readonly parts: ((input: unknown) => Parts | undefined) | undefined
}

/** The kinds a union of structs is told apart by, when all its members carry a literal in one field. */
const taggedOf = (ast: SchemaAST.AST): Tagged | undefined => {
  if (ast._tag !== "Union") return undefined
  const structs = ast.types.map((type) => lastEncoding(type))
  if (structs.some((struct) => struct._tag !== "Objects")) return undefined
  const first = structs[0] as SchemaAST.Objects | undefined
  for (const property of first?.propertySignatures ?? []) {
    if (typeof property.name !== "string") continue
    const kinds = structs.map((struct) => {
      const type = (struct as SchemaAST.Objects).propertySignatures.find(
        (p) => p.name === property.name
      )?.type
      return type?._tag === "Literal" && typeof type.literal === "string" ? type.literal : undefined
    })
    if (kinds.every((kind) => kind !== undefined)) return { field: property.name, kinds }
  }
  return undefined
}

/**
 * What is wrong with a value of a case file's field (for a section, with one of its items), in the
 * analyst's words: for an item that must be of one of several kinds, a kind that is none of them (one
 * line of the kinds, and the nearest); otherwise Schema's own account, every issue. `strict` refuses
 * fields the model does not know, as a case file's reader does.
 */
export const fieldExplainer = (
  field: CaseFileField,
  strict: boolean
): ((input: unknown, path: ReadonlyArray<string | number>) => Array<ContentProblem>) => {
  const tagged = field.section ? taggedOf(field.schema.ast) : undefined
  const detail: Detail = Schema.decodeUnknownResult(
    field.schema as Schema.Codec<unknown, unknown>,
    strict ? { errors: "all", onExcessProperty: "error" } : { errors: "all" }
  )
  const kindOf = noun(field.name)
  return (input, path) => {
    if (tagged !== undefined && typeof input === "object" && input !== null && !Array.isArray(input)) {
      const written = (input as Record<string, unknown>)[tagged.field]
      if (!tagged.kinds.includes(written as string))
        return [unknownKindProblem(path, tagged.field, kindOf, written, tagged.kinds)]
    }
    const read = detail(input)
    return Result.isFailure(read) ? issueProblems(read.failure.issue, path, input) : []
  }
}

interface Reader {
  readonly fields: ReadonlyArray<Field>
  readonly known: ReadonlySet<string>
}

/** A field of a case file: a section of items (its items' Schema), or another field (its own Schema). */
export interface CaseFileField {
  readonly name: string
  readonly section: boolean
  /** For a section, the Schema of one item; otherwise the field's. */
  readonly schema: Schema.Top
  /** The field's own Schema, for what it gives when left out. */
  readonly field: Schema.Top
}

const fieldsByModel = new WeakMap<CaseModel, ReadonlyArray<CaseFileField>>()

/**
 * The fields of a model's case file, read off its `CaseFile` Schema, in the order it declares them:
 * each section (a list of items, named in `itemSections`) with the Schema of its items, and each other
 * field with its own.
 */
export const caseFileFields = (model: CaseModel): ReadonlyArray<CaseFileField> => {
  let fields = fieldsByModel.get(model)
  if (fields !== undefined) return fields
  const struct = lastEncoding(model.CaseFile.ast)
  if (struct._tag !== "Objects") throw new Error("A case file's Schema must decode from a struct")
  const sections = new Set<string>(itemSections)
  fields = struct.propertySignatures.map((property): CaseFileField => {
    const name = String(property.name)
    const field = Schema.make<Schema.Top>(property.type)
    const type = property.type
    if (sections.has(name) && type._tag === "Arrays" && type.elements.length === 0 && type.rest.length === 1)
      return { name, section: true, schema: Schema.make<Schema.Top>(type.rest[0]!), field }
    return { name, section: false, schema: field, field }
  })
  fieldsByModel.set(model, fields)
  return fields
}

const readers = new WeakMap<CaseModel, Reader>()

/** The fields of a model's case file, each with its decoders, worked out once per model. */
const readerOf = (model: CaseModel): Reader => {
  let reader = readers.get(model)
  if (reader !== undefined) return reader
  const fields = caseFileFields(model).map((field): Field => {
    // Each set of decoders is compiled when first needed: a JSON file needs the owned ones alone.
    let owned: Decoder | undefined
    let copying: Decoder | undefined
    let parts: ((input: unknown) => Parts | undefined) | undefined
    return {
      name: field.name,
      section: field.section,
      decoder: (own) => {
        if (own) {
          owned ??= compiledDecoder(field.schema, ownedOptions)
          return owned
        }
        copying ??= compiledDecoder(field.schema, strictOptions)
        return copying
      },
      absent: compiledAbsence(field.field, strictOptions),
      explain: fieldExplainer(field, true),
      parts: field.section
        ? (input) => {
            parts ??= compiledParts(field.schema, strictOptions)
            return parts(input)
          }
        : undefined
    }
  })
  reader = { fields, known: new Set(fields.map((field) => field.name)) }
  readers.set(model, reader)
  return reader
}

/** What reading a case file's content gave: the case when nothing is wrong, every problem otherwise. */
export interface ContentRead {
  readonly caseFile: CaseFile | undefined
  readonly problems: ReadonlyArray<ContentProblem>
  /**
   * How many object keys the content held, as counted while decoding: each object of a value that
   * decodes once, and whatever a value that does not decode holds, counted in it as it was. (A value
   * Schema itself decodes is not counted, nor one tried twice counted once: then the count differs from
   * the text's, and the reader looks at the text itself.)
   */
  readonly keys: number
}

/** The ids an item that could not be read declares, as far as they can be made out: its own, and its parts'. */
const idsOf = (item: unknown, into: Set<string>) => {
  if (typeof item !== "object" || item === null) return
  const record = item as Record<string, unknown>
  if (typeof record.id === "string") into.add(record.id)
  for (const key in record) {
    const value = record[key]
    if (!Array.isArray(value)) continue
    for (const part of value)
      if (typeof part === "object" && part !== null && typeof (part as { id?: unknown }).id === "string")
        into.add((part as { id: string }).id)
  }
}

const noun = (section: string) => section.replace(/ies$/, "y").replace(/s$/, "")

const startsWith = (path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>) =>
  prefix.length <= path.length && prefix.every((key, at) => path[at] === key)

/**
 * The integrity problems of the case the content reads to, items read in part included; what a field
 * that failed to decode would give is left out, since that field is reported already. Should an item
 * read in part lack what the check relies on, the check is made without the items read in part.
 */
const integrityProblems = (
  parts: Record<string, unknown>,
  partial: ReadonlyArray<{ readonly section: string; readonly at: number }>,
  model: CaseModel,
  unread: ReadonlySet<string>,
  failedFields: ReadonlyArray<ReadonlyArray<string | number>>
): ReadonlyArray<ContentProblem> => {
  const check = (sections: Record<string, unknown>) =>
    checkIntegrity(caseFileOfCheckedParts(sections as Parameters<typeof caseFileOfCheckedParts>[0]), {
      kinds: model.kinds,
      unread
    })
  let found: ReadonlyArray<ContentProblem>
  try {
    found = check(parts)
  } catch {
    const holes: Record<string, unknown> = { ...parts }
    for (const { section, at } of partial) {
      // slice, not a spread: a spread would fill the holes of unread items with undefined.
      const list = (holes[section] as ReadonlyArray<unknown>).slice()
      delete list[at]
      holes[section] = list
    }
    found = check(holes)
  }
  return failedFields.length === 0
    ? found
    : found.filter((problem) => !failedFields.some((failed) => startsWith(problem.path, failed)))
}

/**
 * Reads a case file's content into the case of the model, or finds every problem with it: fields of
 * the wrong type or missing, fields the model does not know, impossible dates, and (over every item that
 * could be read) duplicate ids, references to nothing or to the wrong kind of item, cycles.
 */
export const readCaseContent = (
  content: unknown,
  model: CaseModel,
  options: {
    /**
     * The content is the caller's own, parsed for this read (JSON.parse's tree): its objects may become
     * the case's own, changed in place, instead of being copied. Not for content that shares objects
     * (YAML's aliases) or that someone else holds.
     */
    readonly owned?: boolean | undefined
  } = {}
): ContentRead => {
  const owned = options.owned === true
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    return {
      caseFile: undefined,
      problems: [
        { path: [], message: "A case file must be a mapping with a `case` section and lists of items." }
      ],
      keys: 0
    }
  }
  const { fields, known } = readerOf(model)
  const record = content as Record<string, unknown>
  const problems: Array<ContentProblem> = []
  let keys = 0
  for (const key in record) {
    keys++
    if (!known.has(key)) {
      keys += keysHeld(record[key])
      problems.push({ path: [key], message: "This field is not part of a case file (check its spelling)." })
    }
  }
  keyCounter.keys = 0
  /** Decodes a value; one that does not decode is counted as it is, whatever its parts counted. */
  const decodeCounting = (decode: Decoder, value: unknown): unknown => {
    const counted = keyCounter.keys
    const decoded = decode(value)
    settleReuse()
    if (decoded === invalid) keyCounter.keys = counted + keysHeld(value)
    return decoded
  }
  const parts: Record<string, unknown> = {}
  const unread = new Set<string>()
  // Items that fail, read in part: where they are, and the fields of theirs that failed.
  const partial: Array<{ readonly section: string; readonly at: number }> = []
  const failedFields: Array<ReadonlyArray<string | number>> = []
  for (const field of fields) {
    const name = field.name
    if (!Object.hasOwn(record, name)) {
      const absent = field.absent
      if (absent.kind === "default") parts[name] = absent.value()
      else if (absent.kind === "required")
        problems.push({ path: [name], message: "This field is required but missing." })
      continue
    }
    const value = record[name]
    if (!field.section) {
      const decoded = decodeCounting(field.decoder(owned), value)
      if (decoded === invalid) problems.push(...field.explain(value, [name]))
      else parts[name] = decoded
      continue
    }
    if (!Array.isArray(value)) {
      keyCounter.keys += keysHeld(value)
      const detail = Schema.decodeUnknownResult(Schema.Array(Schema.Unknown))(value)
      problems.push(
        ...(Result.isFailure(detail)
          ? issueProblems(detail.failure.issue, [name], value)
          : [{ path: [name], message: "This section must be a list of items." }])
      )
      parts[name] = []
      continue
    }
    const decode = field.decoder(owned)
    const items = new Array<unknown>(value.length)
    for (let at = 0; at < value.length; at++) {
      const decoded = decodeCounting(decode, value[at])
      if (decoded !== invalid) {
        items[at] = decoded
        continue
      }
      idsOf(value[at], unread)
      problems.push(...field.explain(value[at], [name, at]))
      // What of it decodes takes its place, so that its references are checked with the rest; an item
      // of which nothing can be made out is left as a hole, which the integrity check passes by.
      const read = field.parts?.(value[at])
      if (read !== undefined) {
        items[at] = read.value
        partial.push({ section: name, at })
        for (const failed of read.failed) failedFields.push([name, at, failed])
      } else failedFields.push([name, at])
    }
    parts[name] = items
  }
  keys += keyCounter.keys
  for (const problem of integrityProblems(parts, partial, model, unread, failedFields)) problems.push(problem)
  const caseFile =
    problems.length === 0
      ? caseFileOfCheckedParts(parts as Parameters<typeof caseFileOfCheckedParts>[0])
      : undefined
  return { caseFile, problems, keys }
}

/**
 * How a case file maps onto the store's items, and back. Each item of a section
 * (actors, statements, ...) is one stored item of that kind, its body the item's encoded
 * form; the `case` section (title, summary, document) is one more item. Depends on the
 * domain model only, so it runs wherever the store does (Node, Workers).
 *
 * Items are encoded and decoded one by one rather than as a whole case file: it is
 * faster with Effect Schema, and it lets a decoded item version be reused. A stored
 * version never changes, so a version decoded once stays right for every later load.
 */

import { formatPath } from "@allegiance/domain/case/case-problem"
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import {
  Actor,
  type CaseFile,
  CaseId,
  CaseInfo,
  type CaseModel,
  Channel,
  type ItemSection,
  itemSections,
  modelOf,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain/model/index"
import { Result, Schema, SchemaIssue } from "effect"
import { vouchSound } from "./append-check.ts"
import { canonicalJson } from "./canonical-json.ts"
import type { ItemInput, StoredItem } from "./store.ts"
import { caseFileOfItems, invalid, storedItemReaders } from "./stored-items.ts"

/** The kind and id under which a case's own section (`case:`) is stored. */
export const caseInfoKind = "case"
export const caseInfoId = "case"

type Encode = (value: unknown) => unknown
type Decode = (input: unknown) => Result.Result<unknown, Schema.SchemaError>

/** How each kind of stored item is encoded and decoded, for a case whose claims are of the model's kinds. */
interface ItemCodecs {
  readonly encoders: ReadonlyMap<string, Encode>
  readonly decoders: ReadonlyMap<string, Decode>
  /** As strict as the case-file reader: every problem, and no field the model does not know. */
  readonly strictDecoders: ReadonlyMap<string, Decode>
}

const codecsByModel = new WeakMap<CaseModel, ItemCodecs>()

const codecsOf = (model: CaseModel): ItemCodecs => {
  let codecs = codecsByModel.get(model)
  if (codecs === undefined) {
    const sectionSchemas = {
      actors: Actor,
      channels: Channel,
      sources: Source,
      statements: Statement,
      claims: model.Claim,
      observations: Observation,
      relationships: Relationship,
      questions: Question
    } as const satisfies Record<ItemSection, Schema.Top>
    const kindSchemas = Object.entries({
      [caseInfoKind]: CaseInfo,
      ...sectionSchemas
    }) as unknown as ReadonlyArray<readonly [string, Schema.Codec<unknown, unknown>]>
    codecs = {
      encoders: new Map(kindSchemas.map(([kind, schema]) => [kind, Schema.encodeSync(schema)])),
      decoders: new Map(kindSchemas.map(([kind, schema]) => [kind, Schema.decodeUnknownResult(schema)])),
      strictDecoders: new Map(
        kindSchemas.map(([kind, schema]) => [
          kind,
          Schema.decodeUnknownResult(schema, { errors: "all", onExcessProperty: "error" })
        ])
      )
    }
    codecsByModel.set(model, codecs)
  }
  return codecs
}

const isCaseId = Schema.is(CaseId)
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()

/** Whether `name` can be a case's id (and so its name in the store). */
export const isCaseName = (name: string): boolean => isCaseId(name)

/**
 * The items a case file stores as, in the order the file lists them. `kinds` are the kinds of claim
 * it holds: the built-in ones unless given.
 */
export const caseFileItems = (caseFile: CaseFile, kinds?: ReadonlyArray<ClaimKind>): Array<ItemInput> => {
  const { encoders } = codecsOf(modelOf(kinds))
  const items: Array<ItemInput> = [
    { kind: caseInfoKind, id: caseInfoId, body: encoders.get(caseInfoKind)!(caseFile.case) }
  ]
  for (const section of itemSections) {
    const encode = encoders.get(section)!
    for (const item of caseFile[section] as ReadonlyArray<{ readonly id: string }>) {
      items.push({ kind: section, id: item.id, body: encode(item) })
    }
  }
  return items
}

/**
 * Whether two bodies of an item say the same thing, though written differently (a date
 * as text or as an object, a default left out): both decode to the same encoded form.
 */
export const sameItem = (kind: string, a: unknown, b: unknown, kinds?: ReadonlyArray<ClaimKind>): boolean => {
  const { decoders, encoders } = codecsOf(modelOf(kinds))
  const decode = decoders.get(kind)
  const encode = encoders.get(kind)
  if (decode === undefined || encode === undefined) return false
  const left = decode(a)
  const right = decode(b)
  if (Result.isFailure(left) || Result.isFailure(right)) return false
  return canonicalJson(encode(left.success)) === canonicalJson(encode(right.success))
}

/** The item versions of one load of a case, decoded, in parallel arrays (no object per item). */
interface DecodedLoad {
  readonly kinds: ReadonlyArray<string>
  readonly ids: ReadonlyArray<string>
  readonly since: ReadonlyArray<number>
  readonly values: ReadonlyArray<unknown>
  /** Where each item is, by kind and id; built when a later load first looks something up. */
  index?: Map<string, Map<string, number>>
}

/**
 * The item versions each case of one store held when it was last loaded, decoded. Kept as
 * the load left them, and indexed only when a later load of the case looks them up: most
 * processes (a CLI command) load a case once, and should not pay for an index they never
 * use. Bounded: past the capacity the case loaded longest ago is dropped, so a long-running
 * process does not grow forever.
 */
export class DecodedItems {
  readonly #cases = new Map<string, DecodedLoad>()
  readonly #capacity: number
  #size = 0
  constructor(capacity = 2_000_000) {
    this.#capacity = capacity
  }
  /** The decoded value of a case's item as revision `since` wrote it, when it is known. */
  get(caseName: string, kind: string, id: string, since: number): unknown {
    const load = this.#cases.get(caseName)
    if (load === undefined) return undefined
    if (load.index === undefined) {
      const index = new Map<string, Map<string, number>>()
      let ids: Map<string, number> | undefined
      for (let at = 0; at < load.ids.length; at++) {
        // Items come grouped by kind: a new map only where the kind changes.
        if (at === 0 || load.kinds[at] !== load.kinds[at - 1]) {
          ids = index.get(load.kinds[at]!)
          if (ids === undefined) {
            ids = new Map()
            index.set(load.kinds[at]!, ids)
          }
        }
        ids!.set(load.ids[at]!, at)
      }
      load.index = index
    }
    const at = load.index.get(kind)?.get(id)
    return at !== undefined && load.since[at] === since ? load.values[at] : undefined
  }
  /** Keeps what one load of a case decoded, `values[i]` for `items[i]`, in place of the last. */
  remember(
    caseName: string,
    items: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly since: number }>,
    values: ReadonlyArray<unknown>
  ): void {
    this.#forget(caseName)
    while (this.#size + items.length > this.#capacity && this.#cases.size > 0) {
      this.#forget(this.#cases.keys().next().value!)
    }
    if (items.length > this.#capacity) return
    const kinds = new Array<string>(items.length)
    const ids = new Array<string>(items.length)
    const since = new Array<number>(items.length)
    for (let at = 0; at < items.length; at++) {
      const item = items[at]!
      kinds[at] = item.kind
      ids[at] = item.id
      since[at] = item.since
    }
    this.#cases.set(caseName, { kinds, ids, since, values })
    this.#size += items.length
  }
  /** Whether anything of the case was decoded before. */
  knows(caseName: string): boolean {
    return this.#cases.has(caseName)
  }
  #forget(caseName: string) {
    const load = this.#cases.get(caseName)
    if (load === undefined) return
    this.#size -= load.ids.length
    this.#cases.delete(caseName)
  }
}

/** Schema's generic wording, in the terms of a case. */
const analystMessage = (message: string): string =>
  message
    .replace(/^Missing key$/, "This field is required but missing.")
    .replace(/^Unexpected key(.*)$/, "This field is not part of a case (check its spelling)$1.")
    .replace(/^Expected no excess property$/, "This field is not part of a case (check its spelling).")

/**
 * An item's body decoded as strictly as a case file's, or every problem with it, each
 * with the field it is in (`name.primary: This field is required but missing.`);
 * `undefined` for a kind of item a case does not have.
 */
export const decodeItemStrictly = (
  kind: string,
  body: unknown,
  kinds?: ReadonlyArray<ClaimKind>
): Result.Result<unknown, ReadonlyArray<string>> | undefined => {
  const decode = codecsOf(modelOf(kinds)).strictDecoders.get(kind)
  if (decode === undefined) return undefined
  if (typeof body !== "object" || body === null) return decodedStrictly(decode, body)
  const known = strictlyDecoded.get(body)
  if (known?.decode === decode) return known.result
  const result = decodedStrictly(decode, body)
  strictlyDecoded.set(body, { decode, result })
  return result
}

/**
 * What a body decoded to, by the decoder it was decoded with: a write's bodies are decoded by the
 * store's rules, and again where the saved items are added to the case kept in memory. A body handed to
 * the store is not changed afterwards (it is what was saved).
 */
const strictlyDecoded = new WeakMap<
  object,
  {
    readonly decode: unknown
    readonly result: Result.Result<unknown, ReadonlyArray<string>>
  }
>()

const decodedStrictly = (decode: Decode, body: unknown): Result.Result<unknown, ReadonlyArray<string>> =>
  Result.mapError(decode(body), (error) =>
    issueMessages(error.issue).issues.map((found) => {
      const path = formatPath(
        (found.path ?? []).map((key) => (typeof key === "object" ? key.key : key)) as Array<string | number>
      )
      const message = analystMessage(found.message)
      return path === "" ? message : `${path}: ${message}`
    })
  )

/** The kinds of item a case holds, as the store names them. */
export const itemKinds: ReadonlyArray<string> = [caseInfoKind, ...itemSections]

/** How many problems a load reports: enough to say what is wrong, not every item of a damaged case. */
const problemsShown = 10

/**
 * The case file a store snapshot holds, or what keeps it from being one (a body that does not hold
 * what the model says, or items that name what the case does not hold). Every body is decoded by the
 * model's compiled decoders, which check every value as they go (see `stored-items.ts`); a case that
 * was not checked whole when it was written (`checkWhole`, which loads take from the snapshot) is then
 * held to the integrity a case file must keep, so that a reference to nothing is reported, not shown.
 * With a cache, versions decoded before are reused, and the whole load is kept for the next.
 * `kinds` are the kinds of claim the case holds: the built-in ones unless given.
 */
export const caseFileFromItems = (
  items: ReadonlyArray<StoredItem>,
  cache?: { readonly decoded: DecodedItems; readonly caseName: string },
  kinds?: ReadonlyArray<ClaimKind>,
  options: { readonly checkWhole?: boolean | undefined } = {}
): Result.Result<CaseFile, ReadonlyArray<string>> => {
  const model = modelOf(kinds)
  const readers = storedItemReaders(model)
  const problems: Array<string> = []
  let unshown = 0
  const sections = new Map<string, Array<unknown>>(itemSections.map((section) => [section, []]))
  let info: unknown
  const values = new Array<unknown>(items.length)
  // Nothing of a case never decoded before can be found: skip looking, on the largest loads.
  const known = cache?.decoded.knows(cache.caseName) === true ? cache : undefined
  // Items come grouped by kind: look the kind's reader and list up once per run of them.
  let kind: string | undefined
  let read: ReturnType<typeof readers.get>
  let section: Array<unknown> | undefined
  for (let at = 0; at < items.length; at++) {
    const item = items[at]!
    if (item.kind !== kind) {
      kind = item.kind
      read = readers.get(kind)
      section = sections.get(kind)
    }
    let decoded = known?.decoded.get(known.caseName, item.kind, item.id, item.since)
    if (decoded === undefined) {
      if (item.body === undefined) {
        problems.push(
          `${storedItemName(item.kind, item.id)} was dropped from memory while loading; load the case again`
        )
        continue
      }
      if (read === undefined) {
        problems.push(`${storedItemName(item.kind, item.id)} is of a kind this version does not know`)
        continue
      }
      decoded = read.decode(item.body)
      if (decoded === invalid) {
        // Schema says why, for the first few: a damaged case may hold thousands of such items.
        if (problems.length < problemsShown)
          problems.push(
            `${storedItemName(item.kind, item.id)}: ${read.problems(item.body).slice(0, 3).map(withoutStop).join("; ")}`
          )
        else unshown++
        continue
      }
    }
    values[at] = decoded
    if (section === undefined) info = decoded
    else section.push(decoded)
  }
  if (info === undefined) problems.push("it has no case section")
  if (problems.length > 0) return Result.fail(shown(problems, unshown))
  const caseFile = caseFileOfItems(info as CaseInfo, sections)
  if (options.checkWhole !== false) {
    for (const problem of checkIntegrity(caseFile, { kinds: model.kinds })) {
      const [name, index, ...rest] = problem.path
      const listed =
        typeof name === "string" && typeof index === "number" ? sections.get(name)?.[index] : undefined
      const id = (listed as { readonly id?: string } | undefined)?.id
      const field = formatPath(id === undefined ? problem.path : rest)
      problems.push(
        `${id === undefined ? "" : `${storedItemName(String(name), id)}: `}${field === "" ? "" : `${field}: `}${withoutStop(problem.message)}`
      )
    }
    if (problems.length > 0) return Result.fail(shown(problems, 0))
  }
  cache?.decoded.remember(cache.caseName, items, values)
  // Checked whole just now, or (`checkWhole: false`) loaded from a revision the store checked whole.
  vouchSound(caseFile)
  return Result.succeed(caseFile)
}

const withoutStop = (message: string) => message.replace(/\.$/, "")

/** An item as an analyst names it: `statement "st-12"`, or the case's own section. */
export const storedItemName = (kind: string, id: string): string =>
  kind === caseInfoKind ? "the case's own section" : `${kind.replace(/ies$/, "y").replace(/s$/, "")} "${id}"`

/** The first problems, and how many more there are. */
const shown = (problems: ReadonlyArray<string>, unshown: number): ReadonlyArray<string> => {
  const more = unshown + Math.max(problems.length - problemsShown, 0)
  const first = problems.slice(0, problemsShown)
  return more === 0 ? first : [...first, `and ${more} more`]
}

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
import {
  Actor,
  CaseFile,
  CaseId,
  CaseInfo,
  Channel,
  Claim,
  type ItemSection,
  itemSections,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain/model/index"
import { Result, Schema, SchemaIssue } from "effect"
import { canonicalJson } from "./canonical-json.ts"
import type { ItemInput, StoredItem } from "./store.ts"

/** The kind and id under which a case's own section (`case:`) is stored. */
export const caseInfoKind = "case"
export const caseInfoId = "case"

const sectionSchemas = {
  actors: Actor,
  channels: Channel,
  sources: Source,
  statements: Statement,
  claims: Claim,
  observations: Observation,
  relationships: Relationship,
  questions: Question
} as const satisfies Record<ItemSection, Schema.Top>

/** The schema of one item of a section. */
export const sectionSchema = (section: ItemSection): Schema.Codec<unknown, unknown> =>
  sectionSchemas[section] as unknown as Schema.Codec<unknown, unknown>

const kindSchemas: Record<string, Schema.Codec<unknown, unknown>> = {
  [caseInfoKind]: CaseInfo as unknown as Schema.Codec<unknown, unknown>,
  ...(sectionSchemas as unknown as Record<string, Schema.Codec<unknown, unknown>>)
}
const encoders = new Map(
  Object.entries(kindSchemas).map(([kind, schema]) => [kind, Schema.encodeSync(schema)])
)
const decoders = new Map(
  Object.entries(kindSchemas).map(([kind, schema]) => [kind, Schema.decodeUnknownResult(schema)])
)
const isCaseId = Schema.is(CaseId)
const issueMessages = SchemaIssue.makeFormatterStandardSchemaV1()

/** Whether `name` can be a case's id (and so its name in the store). */
export const isCaseName = (name: string): boolean => isCaseId(name)

/** The items a case file stores as, in the order the file lists them. */
export const caseFileItems = (caseFile: CaseFile): Array<ItemInput> => {
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
export const sameItem = (kind: string, a: unknown, b: unknown): boolean => {
  const decode = decoders.get(kind)
  const encode = encoders.get(kind)
  if (decode === undefined || encode === undefined) return false
  const left = decode(a)
  const right = decode(b)
  if (Result.isFailure(left) || Result.isFailure(right)) return false
  return canonicalJson(encode(left.success)) === canonicalJson(encode(right.success))
}

/**
 * Decoded item versions of the cases of one store, by case, kind and id, each with the
 * revision that wrote it. Bounded: past the capacity the case decoded longest ago is
 * dropped, so a long-running process does not grow forever.
 */
export class DecodedItems {
  readonly #cases = new Map<string, Map<string, Map<string, { since: number; value: unknown }>>>()
  readonly #capacity: number
  #size = 0
  constructor(capacity = 2_000_000) {
    this.#capacity = capacity
  }
  get(caseName: string, kind: string, id: string, since: number): unknown {
    const entry = this.#cases.get(caseName)?.get(kind)?.get(id)
    return entry !== undefined && entry.since === since ? entry.value : undefined
  }
  set(caseName: string, kind: string, id: string, since: number, value: unknown): void {
    let kinds = this.#cases.get(caseName)
    if (kinds === undefined) {
      while (this.#size >= this.#capacity && this.#cases.size > 0) this.#dropOldestCase()
      kinds = new Map()
      this.#cases.set(caseName, kinds)
    }
    let ids = kinds.get(kind)
    if (ids === undefined) {
      ids = new Map()
      kinds.set(kind, ids)
    }
    if (!ids.has(id)) this.#size++
    ids.set(id, { since, value })
  }
  /** Whether anything of the case was decoded before. */
  knows(caseName: string): boolean {
    return this.#cases.has(caseName)
  }
  #dropOldestCase() {
    const [name, kinds] = this.#cases.entries().next().value!
    for (const ids of kinds.values()) this.#size -= ids.size
    this.#cases.delete(name)
  }
}

const describe = (issue: SchemaIssue.Issue) =>
  issueMessages(issue)
    .issues.slice(0, 3)
    .map((found) => {
      const path = (found.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".")
      return path === "" ? found.message : `${path}: ${found.message}`
    })
    .join("; ")

/**
 * The case file a store snapshot holds, or what keeps it from being one (the store was
 * written under a model this version does not read). With a cache, versions decoded
 * before are reused, and those decoded now are kept.
 */
export const caseFileFromItems = (
  items: ReadonlyArray<StoredItem>,
  cache?: { readonly decoded: DecodedItems; readonly caseName: string }
): Result.Result<CaseFile, ReadonlyArray<string>> => {
  const problems: Array<string> = []
  const sections = new Map<string, Array<unknown>>(itemSections.map((section) => [section, []]))
  let info: unknown
  for (const item of items) {
    let decoded = cache?.decoded.get(cache.caseName, item.kind, item.id, item.since)
    if (decoded === undefined) {
      if (item.body === undefined) {
        problems.push(`${item.kind} "${item.id}" was dropped from memory while loading; load the case again`)
        continue
      }
      const decode = decoders.get(item.kind)
      if (decode === undefined) {
        problems.push(`${item.kind} "${item.id}" is of a kind this version does not know`)
        continue
      }
      const result = decode(item.body)
      if (Result.isFailure(result)) {
        if (problems.length < 10)
          problems.push(`${item.kind} "${item.id}": ${describe(result.failure.issue)}`)
        continue
      }
      decoded = result.success
      cache?.decoded.set(cache.caseName, item.kind, item.id, item.since, decoded)
    }
    if (item.kind === caseInfoKind) info = decoded
    else sections.get(item.kind)!.push(decoded)
  }
  if (info === undefined) problems.push("it has no case section")
  if (problems.length > 0) return Result.fail(problems)
  return Result.succeed(
    new CaseFile(
      { case: info as CaseInfo, ...(Object.fromEntries(sections) as unknown as Pick<CaseFile, ItemSection>) },
      // Every part was decoded (and so checked) above.
      { disableChecks: true }
    )
  )
}

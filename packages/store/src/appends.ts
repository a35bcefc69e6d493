/**
 * Adding statements, claims and observations to a stored case as one revision, checked against what
 * they name (see `append-check.ts`), and keeping the case that results in memory: the next write,
 * load or evaluation of it starts from there instead of reading the case back. This is how the edge
 * API saves evidence as it appears, at a cost that does not grow with the case.
 */
import type { CaseFile } from "@allegiance/domain"
import {
  type AppendedLists,
  type ItemSection,
  itemSections,
  rememberAppend
} from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import { type AddedItem, carryIndex } from "./append-check.ts"
import { decodeItemStrictly } from "./case-items.ts"
import { decodedCase, type LoadedCase, rememberDecodedCase } from "./decoded-cases.ts"
import type { StoreError } from "./errors.ts"
import { type CommitResult, type ItemInput, Store, type WriteMeta } from "./store.ts"
import { caseFileOfItems } from "./stored-items.ts"

export interface AppendResult {
  readonly result: CommitResult
  /** The case as saved at the new revision. */
  readonly caseFile: CaseFile
  /** The case the items were appended to. */
  readonly base: LoadedCase
}

const appendable = new Set(["statements", "claims", "observations"])

/**
 * A list of a case made by an append, until it is first read: the case it was appended to, and what
 * this append added to the list.
 */
interface PendingList {
  /** The case appended to; dropped once the list is built, so that older cases can go. */
  parent: CaseFile | undefined
  readonly added: ReadonlyArray<unknown>
  list: ReadonlyArray<unknown> | undefined
}

const pendingLists = new WeakMap<CaseFile, Map<string, PendingList>>()

/**
 * The list `kind` that `own` stands for, built from the nearest case before it whose list is built:
 * the items appended since then, after that list, in one copy.
 */
const buildList = (own: PendingList, kind: string): ReadonlyArray<unknown> => {
  const chain: Array<PendingList> = []
  let built: ReadonlyArray<unknown> | undefined
  for (let pending: PendingList | undefined = own; pending !== undefined; ) {
    if (pending.list !== undefined) {
      built = pending.list
      break
    }
    chain.push(pending)
    const parent: CaseFile = pending.parent!
    const before = pendingLists.get(parent)?.get(kind)
    if (before === undefined) built = parent[kind as ItemSection] as ReadonlyArray<unknown>
    pending = before
  }
  const added: Array<unknown> = []
  for (let at = chain.length - 1; at >= 0; at--) for (const item of chain[at]!.added) added.push(item)
  own.list = built!.concat(added)
  own.parent = undefined
  return own.list
}

/**
 * `base` with `added` after the items it holds, sharing every list nothing was added to. A list that
 * was added to is a copy of the whole list (a case's statements run to 100k and more), which a server
 * saving statements one at a time would make on every write, read or not: here it is made when the
 * list is first read, once for every write since the last read. Until then the case holds it as a
 * property that builds it (and then holds it as a plain value), so that readers see an ordinary case.
 */
export const appendedCase = (base: CaseFile, added: ReadonlyArray<AddedItem>): CaseFile => {
  const before = pendingLists.get(base)
  const addedTo = (section: string) => added.filter((item) => item.kind === section).map((item) => item.value)
  // The items were decoded as the section they are added to asks.
  const appended = {
    statements: addedTo("statements"),
    claims: addedTo("claims"),
    observations: addedTo("observations")
  } as AppendedLists
  const pending = new Map<string, PendingList>()
  const sections = new Map<string, ReadonlyArray<unknown>>()
  for (const section of itemSections) {
    const more = appendable.has(section)
      ? (appended[section as keyof AppendedLists] as ReadonlyArray<unknown>)
      : []
    // A list of `base` still to be built is not read here: that would build it.
    const unbuilt = before?.has(section) === true && before.get(section)!.list === undefined
    if (more.length > 0 || unbuilt) pending.set(section, { parent: base, added: more, list: undefined })
    else sections.set(section, base[section] as ReadonlyArray<unknown>)
  }
  const caseFile = caseFileOfItems(base.case, sections)
  rememberAppend(caseFile, base, appended)
  if (pending.size === 0) return caseFile
  pendingLists.set(caseFile, pending)
  for (const [kind, own] of pending)
    Object.defineProperty(caseFile, kind, {
      configurable: true,
      enumerable: true,
      get: () => {
        const list = buildList(own, kind)
        Object.defineProperty(caseFile, kind, {
          value: list,
          configurable: true,
          enumerable: true,
          writable: true
        })
        return list
      }
    })
  return caseFile
}

/** Whether every item is a statement, claim or observation: what `appendItems` saves. */
export const isAppend = (items: ReadonlyArray<ItemInput>): boolean =>
  items.length > 0 && items.every((item) => appendable.has(item.kind))

/**
 * Saves `items` (new statements, claims and observations, as encoded bodies) on top of revision
 * `basedOn`, refused whole as any write is when something is wrong with them or the case has moved on.
 */
export const appendItems = (
  caseName: string,
  basedOn: number,
  items: ReadonlyArray<ItemInput>,
  meta: WriteMeta
): Effect.Effect<AppendResult, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const base = yield* decodedCase(store, caseName, { revision: basedOn })
    const result = yield* store.commit(caseName, basedOn, items, meta)
    const added: Array<AddedItem> = []
    for (const item of items) {
      // The store's rules decoded every body before saving it (this is the same decoding, kept).
      const read = decodeItemStrictly(item.kind, item.body)
      if (read !== undefined && Result.isSuccess(read))
        added.push({ kind: item.kind, id: item.id, value: read.success })
    }
    if (result.revision.number !== basedOn + 1 || added.length !== items.length || !isAppend(items)) {
      return {
        result,
        caseFile: (yield* decodedCase(store, caseName, { revision: result.revision.number })).caseFile,
        base
      }
    }
    // The items were decoded as strictly as a case file's and checked by the store's rules before
    // saving: the case is made as a loaded one is, its lists shared where nothing was added,
    // and those added to built only when first read (see `appendedCase`).
    const caseFile = appendedCase(base.caseFile, added)
    rememberDecodedCase(store, caseName, { caseFile, revision: result.revision })
    carryIndex(base.caseFile, caseFile, added)
    return { result, caseFile, base }
  })

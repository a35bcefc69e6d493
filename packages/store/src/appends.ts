/**
 * Adding statements, claims and observations to a stored case as one revision, checked against what
 * they name (see `append-check.ts`), and keeping the case that results in memory: the next write,
 * load or evaluation of it starts from there instead of reading the case back. This is how the edge
 * API saves evidence as it appears, at a cost that does not grow with the case.
 */
import type { CaseFile } from "@allegiance/domain"
import { itemSections } from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import { type AddedItem, carryIndex } from "./append-check.ts"
import { decodeItemStrictly } from "./case-items.ts"
import { decodedCase, type LoadedCase, rememberDecodedCase } from "./decoded-cases.ts"
import type { StoreError } from "./errors.ts"
import { type CommitResult, type ItemInput, Store, type WriteMeta } from "./store.ts"
import { trustedCaseFile } from "./trusted-items.ts"

export interface AppendResult {
  readonly result: CommitResult
  /** The case as saved at the new revision. */
  readonly caseFile: CaseFile
  /** The case the items were appended to. */
  readonly base: LoadedCase
}

const appendable = new Set(["statements", "claims", "observations"])

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
      const read = decodeItemStrictly(item.kind, item.body)
      // The store checked every body before saving it; these decode.
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
    // saving: the case is made by the store's trusted path, its lists shared where nothing was added
    // and copied with concat (a plain copy, several times faster than a spread on lists of 100k).
    const sections = new Map<string, ReadonlyArray<unknown>>(
      itemSections.map((section) => [section, base.caseFile[section] as ReadonlyArray<unknown>])
    )
    for (const kind of appendable) {
      const more = added.filter((item) => item.kind === kind).map((item) => item.value)
      if (more.length > 0) sections.set(kind, sections.get(kind)!.concat(more))
    }
    const caseFile = trustedCaseFile(base.caseFile.case, sections)
    rememberDecodedCase(store, caseName, { caseFile, revision: result.revision })
    carryIndex(base.caseFile, caseFile, added)
    return { result, caseFile, base }
  })

/**
 * The store: many cases, each an ordered set of items (actors, statements, claims, ...)
 * kept as a history of revisions that is never overwritten.
 *
 * The store is generic over item kinds: an item is a `kind`, an `id` unique within its
 * kind and case, and a JSON body. `case-file.ts` maps the domain's case file onto it.
 *
 * Writes are optimistic. Each names the revision it was based on; the statements that
 * apply it start by inserting revision `basedOn + 1`, which the revisions table accepts
 * only while `basedOn` is the head. The whole write runs atomically (a transaction, or
 * one D1 batch), so a stale write fails as a whole and is reported as a `Conflict`.
 * Reads made to prepare a write look at revision `basedOn`, which can no longer change,
 * so they stay true for the write whenever it succeeds.
 *
 * This module holds the store's interface; `store/` holds its parts: the shared context,
 * reads, writes, undo, history and conflicts.
 */
import { Context, Effect, Layer, type Option } from "effect"
import { SqlClient } from "effect/sql"
import { type AtomicOptions, StoreBackend } from "./backend.ts"
import type { StoreError } from "./errors.ts"
import { changeMemo } from "./change-memo.ts"
import { makeConflicts } from "./store/conflicts.ts"
import { makeContext } from "./store/context.ts"
import { type HeadDigest, makeDigests } from "./store/digests.ts"
import { makeHistory } from "./store/history.ts"
import { makeReads } from "./store/reads.ts"
import { makeUndo } from "./store/undo.ts"
import { makeWrites } from "./store/writes.ts"

export interface ItemInput {
  readonly kind: string
  readonly id: string
  /** Any JSON value. Stored in canonical form, so key order never counts as a change. */
  readonly body: unknown
}

/** A change to one item: a body adds or replaces it, `null` removes it. */
export interface ItemChange {
  readonly kind: string
  readonly id: string
  readonly body: unknown
}

export interface StoredItem {
  readonly kind: string
  readonly id: string
  readonly body: unknown
  /** The revision that wrote this version. */
  readonly since: number
}

export interface RevisionInfo {
  readonly caseName: string
  readonly number: number
  readonly parent: number | null
  readonly author: string
  /** ISO 8601 instant. */
  readonly at: string
  readonly reason: string
  /** The revision this one reverted, when it was an undo. */
  readonly undoes: number | null
}

export interface RevisionSummary extends RevisionInfo {
  readonly added: number
  readonly changed: number
  readonly removed: number
}

export interface CaseSummary {
  readonly name: string
  readonly createdAt: string
  readonly head: RevisionInfo
}

export interface CaseSnapshot {
  readonly caseName: string
  readonly revision: RevisionInfo
  /** In the order the items entered the case. */
  readonly items: ReadonlyArray<StoredItem>
  /**
   * Whether the case at this revision was checked whole against the store's rules when it was written
   * (a case created or imported whole, and every revision the rules passed since); not for revisions
   * written before the store kept checksums, whose items were checked only as they were written.
   */
  readonly checkedWhole: boolean
}

/** One step in an item's history: its body from `revision` on, or `null` where it was removed. */
export interface ItemVersion {
  readonly revision: number
  readonly body: unknown
}

export interface RevisionChange {
  readonly kind: string
  readonly id: string
  /** `null` when the revision added the item. */
  readonly before: unknown
  /** `null` when the revision removed the item. */
  readonly after: unknown
}

export interface WriteMeta {
  readonly author: string
  readonly reason: string
  /** When the change was made; the current time from the Effect `Clock` when left out. */
  readonly at?: Date | undefined
}

export interface CommitResult {
  /** The new head, or the unchanged head when the write changed nothing. */
  readonly revision: RevisionInfo
  readonly added: number
  readonly changed: number
  readonly removed: number
}

/** Which state of a case to read: its head (default), a revision, or what the store held at a time. */
export type RevisionSelector = { readonly revision: number } | { readonly asOf: Date }

export interface LoadOptions {
  /**
   * Items for which the caller already holds the body (a version never changes): their
   * `body` is left `undefined` instead of being parsed again.
   */
  readonly skipBody?:
    | ((item: { readonly kind: string; readonly id: string; readonly since: number }) => boolean)
    | undefined
}

export interface WriteOptions extends AtomicOptions {
  /**
   * The caller vouches that the items were checked whole against the store's rules (a case file the
   * reader checked): the revision is recorded as checked whole, whatever its base was.
   */
  readonly checkedWhole?: boolean | undefined
  /**
   * Whether two bodies of an item of `kind` that differ as text say the same thing (one
   * written in a shorter form, say). Such an item is not recorded as changed.
   */
  readonly equivalent?: ((kind: string, stored: unknown, given: unknown) => boolean) | undefined
}

export interface StoreShape {
  readonly location: string
  readonly listCases: Effect.Effect<ReadonlyArray<CaseSummary>, StoreError>
  readonly createCase: (
    caseName: string,
    items: ReadonlyArray<ItemInput>,
    meta: WriteMeta,
    options?: AtomicOptions
  ) => Effect.Effect<CommitResult, StoreError>
  /** Applies individual changes on top of revision `basedOn`. */
  readonly commit: (
    caseName: string,
    basedOn: number,
    changes: ReadonlyArray<ItemChange>,
    meta: WriteMeta,
    options?: WriteOptions
  ) => Effect.Effect<CommitResult, StoreError>
  /** Makes the case hold exactly `items`, as one revision on top of `basedOn` (a re-import). */
  readonly replaceAll: (
    caseName: string,
    basedOn: number,
    items: ReadonlyArray<ItemInput>,
    meta: WriteMeta,
    options?: WriteOptions
  ) => Effect.Effect<CommitResult, StoreError>
  /** A new revision that puts back what `revision` changed; refused if those items changed since. */
  readonly undo: (
    caseName: string,
    revision: number,
    basedOn: number,
    meta: WriteMeta
  ) => Effect.Effect<CommitResult, StoreError>
  readonly head: (caseName: string) => Effect.Effect<RevisionInfo, StoreError>
  readonly resolveRevision: (
    caseName: string,
    at: RevisionSelector
  ) => Effect.Effect<RevisionInfo, StoreError>
  readonly load: (
    caseName: string,
    at?: RevisionSelector,
    options?: LoadOptions
  ) => Effect.Effect<CaseSnapshot, StoreError>
  /** The current version of one item; lookups made together are answered by one query. */
  readonly getItem: (
    caseName: string,
    kind: string,
    id: string
  ) => Effect.Effect<Option.Option<StoredItem>, StoreError>
  readonly revisions: (caseName: string) => Effect.Effect<ReadonlyArray<RevisionSummary>, StoreError>
  readonly changes: (
    caseName: string,
    revision: number
  ) => Effect.Effect<ReadonlyArray<RevisionChange>, StoreError>
  readonly itemHistory: (
    caseName: string,
    kind: string,
    id: string
  ) => Effect.Effect<ReadonlyArray<ItemVersion>, StoreError>
  /**
   * The latest digest kept under `name` (see `store/digests.ts`) with the items changed since its
   * revision; none when there is none, it is damaged, or more than `mostChanges` items changed since.
   */
  readonly digest: (
    caseName: string,
    name: string,
    mostChanges: number
  ) => Effect.Effect<Option.Option<HeadDigest>, StoreError>
  /** Keeps `bytes` as the digest under `name` of the case at `revision`, unless one of a later revision is kept. */
  readonly keepDigest: (
    caseName: string,
    name: string,
    revision: number,
    bytes: Uint8Array
  ) => Effect.Effect<void, StoreError>
}

export class Store extends Context.Service<Store, StoreShape>()("@allegiance/store/Store") {}

/** A write the store is about to make, put to the rules before anything is saved. */
export interface ProposedWrite {
  readonly caseName: string
  /** The revision the write applies to; `undefined` for a new case. */
  readonly basedOn: number | undefined
  /** What the write changes: a body adds or replaces an item, `null` removes it. A new case: all its items. */
  readonly changes: ReadonlyArray<ItemChange>
  /** For a new case or a replacement, the items as the caller gave them. */
  readonly whole?: ReadonlyArray<ItemInput> | undefined
}

export interface ItemRulesShape {
  /**
   * What `write` would leave wrong in the case, each problem naming the item and the field,
   * for an analyst; none when it may be saved. `store` reads the case as it stands.
   */
  readonly check: (
    store: StoreShape,
    write: ProposedWrite
  ) => Effect.Effect<ReadonlyArray<string>, StoreError>
}

/** What the items of a case must be; every write is checked against them, and refused whole. */
export class ItemRules extends Context.Service<ItemRules, ItemRulesShape>()("@allegiance/store/ItemRules") {}

/**
 * Rules that take any items: for a store that holds no Allegiance cases, and for the tests
 * of the store's own machinery (history, conflicts, durability), which use made-up items.
 */
export const anyItems: ItemRulesShape = { check: () => Effect.succeed([]) }

export const makeStore = Effect.gen(function* () {
  const context = makeContext(yield* SqlClient.SqlClient, yield* StoreBackend)
  const rules = yield* ItemRules
  const conflicts = makeConflicts(context)
  const history = makeHistory(context)
  const reads = makeReads(context, history)
  const writes = makeWrites(context, conflicts, rules, () => self)
  const undo = makeUndo(context, history, conflicts, writes)
  const digests = makeDigests(context)
  const { findCase, headOf } = context
  // Every read asks for its case's head: one look at the change mark, not one for the row and one for the head.
  const heads = changeMemo<string, RevisionInfo>(context.backend.changeMark)
  const self: StoreShape = Store.of({
    location: context.location,
    listCases: reads.listCases,
    createCase: writes.createCase,
    commit: writes.commit,
    replaceAll: writes.replaceAll,
    undo,
    head: (caseName) => heads.through(caseName, Effect.flatMap(findCase(caseName), headOf)),
    resolveRevision: (caseName, at) =>
      Effect.flatMap(findCase(caseName), (kase) => history.resolveRevisionOf(kase, at)),
    load: reads.load,
    getItem: reads.getItem,
    revisions: history.revisions,
    changes: history.changes,
    itemHistory: history.itemHistory,
    digest: digests.digest,
    keepDigest: digests.keepDigest
  })
  return self
})

/**
 * The store over whatever `SqlClient`, `StoreBackend` and `ItemRules` are provided (a
 * prepared, migrated database, and what its cases' items must be).
 */
export const layer: Layer.Layer<Store, never, SqlClient.SqlClient | StoreBackend | ItemRules> = Layer.effect(
  Store,
  makeStore
)

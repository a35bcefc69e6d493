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
 */
import { Array as Arr, Cause, Clock, Context, Effect, Layer, Option, Schema } from "effect"
import { SqlClient, SqlResolver } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import type { Statement } from "effect/sql/Statement"
import { type AtomicOptions, StoreBackend } from "./backend.ts"
import { canonicalJson } from "./canonical-json.ts"
import {
  CaseExists,
  CaseNotFound,
  Conflict,
  Corrupt,
  InvalidChange,
  RevisionNotFound,
  StoreError,
  storeError,
  Unavailable
} from "./errors.ts"

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

interface CaseRow {
  readonly id: number
  readonly name: string
  readonly created_at: string
}

interface RevisionRow {
  readonly number: number
  readonly parent: number | null
  readonly author: string
  readonly at: string
  readonly reason: string
  readonly undoes: number | null
}

interface VersionRow {
  readonly kind: string
  readonly id: string
  readonly ordinal: number
  readonly body: string
}

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`

const revisionInfo = (caseName: string, row: RevisionRow): RevisionInfo => ({
  caseName,
  number: Number(row.number),
  parent: row.parent === null ? null : Number(row.parent),
  author: row.author,
  at: row.at,
  reason: row.reason,
  undoes: row.undoes === null ? null : Number(row.undoes)
})

const describeItem = (kind: string, id: string) => `${kind} "${id}"`

const sqliteCode = (error: SqlError): number | undefined => {
  const cause = error.reason.cause as { errcode?: unknown; errno?: unknown; message?: unknown } | undefined
  const code = cause?.errcode ?? cause?.errno
  return typeof code === "number" ? code & 0xff : undefined
}

const sqlDetails = (error: SqlError): string => {
  const cause = error.reason.cause as { message?: unknown } | undefined
  return typeof cause?.message === "string" ? cause.message : error.message
}

export const makeStore = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const backend = yield* StoreBackend
  const rules = yield* ItemRules
  const location = backend.location

  const fail = (operation: string) => (error: SqlError) => {
    const code = sqliteCode(error)
    const details = sqlDetails(error)
    // SQLITE_CORRUPT and SQLITE_NOTADB: the file is not a healthy database.
    if (code === 11 || code === 26 || /malformed|not a database/i.test(details)) {
      return storeError(new Corrupt({ location, details }))
    }
    return storeError(new Unavailable({ location, operation, details }))
  }

  const query =
    (operation: string) =>
    <A>(statement: Effect.Effect<ReadonlyArray<A>, SqlError>): Effect.Effect<ReadonlyArray<A>, StoreError> =>
      Effect.mapError(statement, fail(operation))

  const now = (meta: WriteMeta) =>
    meta.at === undefined
      ? Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())
      : Effect.succeed(meta.at.toISOString())

  const caseNames = query("list its cases")(sql<{ name: string }>`SELECT name FROM cases ORDER BY name`)

  const findCase = (caseName: string) =>
    Effect.gen(function* () {
      const rows = yield* query("read the case")(
        sql<CaseRow>`SELECT id, name, created_at FROM cases WHERE name = ${caseName}`
      )
      const row = rows[0]
      if (row !== undefined) return { ...row, id: Number(row.id) }
      const known = yield* caseNames
      return yield* storeError(new CaseNotFound({ caseName, known: known.map((r) => r.name) }))
    })

  const headRow = (caseId: number) =>
    Effect.map(
      query("read the case's latest revision")(
        sql<RevisionRow>`SELECT number, parent, author, at, reason, undoes FROM revisions
          WHERE case_id = ${caseId} ORDER BY number DESC LIMIT 1`
      ),
      (rows) => rows[0]
    )

  const headOf = (kase: CaseRow) =>
    Effect.flatMap(headRow(kase.id), (row) =>
      row === undefined
        ? storeError(new Corrupt({ location, details: `case "${kase.name}" has no revisions` }))
        : Effect.succeed(revisionInfo(kase.name, row))
    )

  const conflict = (kase: CaseRow, basedOn: number) =>
    Effect.flatMap(headOf(kase), (head) =>
      storeError(
        new Conflict({
          caseName: kase.name,
          basedOn,
          head: head.number,
          headAuthor: head.author,
          headAt: head.at,
          headReason: head.reason
        })
      )
    )

  /** How many rows fit in one statement that also binds `fixed` other parameters. */
  const rowsPerStatement = (paramsPerRow: number, fixed = 0) =>
    Math.max(1, Math.min(500, Math.floor((backend.maxParameters - fixed) / paramsPerRow)))

  /** Statements that add revision `number` and apply `closes` and `inserts` under it. */
  const writeStatements = (args: {
    readonly caseId: number
    readonly revision: RevisionRow
    readonly closes: ReadonlyArray<{ readonly kind: string; readonly id: string }>
    readonly inserts: ReadonlyArray<VersionRow>
  }): Array<Statement<unknown>> => {
    const { caseId, revision, closes, inserts } = args
    // Integers the store itself computed are inlined; everything from outside is bound.
    const c = String(caseId)
    const r = String(revision.number)
    const statements: Array<Statement<unknown>> = [
      sql`INSERT INTO revisions (case_id, number, parent, author, at, reason, undoes)
        VALUES (${caseId}, ${revision.number}, ${revision.parent}, ${revision.author}, ${revision.at},
          ${revision.reason}, ${revision.undoes})`
    ]
    for (const chunk of Arr.chunksOf(closes, rowsPerStatement(2))) {
      const params: Array<unknown> = []
      for (const item of chunk) params.push(item.kind, item.id)
      statements.push(
        sql.unsafe(
          `UPDATE item_versions SET valid_until = ${r} WHERE case_id = ${c} AND valid_until IS NULL ` +
            `AND (kind, item_id) IN (VALUES ${chunk.map(() => "(?, ?)").join(", ")})`,
          params
        )
      )
    }
    for (const chunk of Arr.chunksOf(inserts, rowsPerStatement(4))) {
      const params: Array<unknown> = []
      for (const item of chunk) params.push(item.kind, item.id, item.ordinal, item.body)
      statements.push(
        sql.unsafe(
          `INSERT INTO item_versions (case_id, kind, item_id, ordinal, body, valid_from) VALUES ` +
            chunk.map(() => `(${c}, ?, ?, ?, ?, ${r})`).join(", "),
          params
        )
      )
    }
    return statements
  }

  const nextOrdinal = (caseId: number) =>
    Effect.map(
      query("read the case")(
        sql<{ next: number }>`SELECT COALESCE(MAX(ordinal), 0) + 1 AS next FROM item_versions
          WHERE case_id = ${caseId}`
      ),
      (rows) => Number(rows[0]?.next ?? 1)
    )

  /** Current versions of all items of a case, keyed by kind and id. */
  const currentVersions = (caseId: number) =>
    Effect.map(
      query("read the case")(
        sql<VersionRow>`SELECT kind, item_id AS id, ordinal, body FROM item_versions
          WHERE case_id = ${caseId} AND valid_until IS NULL`
      ),
      (rows) => {
        const map = new Map<string, VersionRow>()
        for (const row of rows) map.set(keyOf(row.kind, row.id), row)
        return map
      }
    )

  /** Current versions of just the given items. */
  const currentVersionsOf = (
    caseId: number,
    keys: ReadonlyArray<{ readonly kind: string; readonly id: string }>
  ) =>
    Effect.gen(function* () {
      const map = new Map<string, VersionRow>()
      for (const chunk of Arr.chunksOf(keys, rowsPerStatement(2, 1))) {
        const params: Array<unknown> = [caseId]
        for (const item of chunk) params.push(item.kind, item.id)
        const rows = yield* query("read the case")(
          sql.unsafe<VersionRow>(
            `SELECT kind, item_id AS id, ordinal, body FROM item_versions
             WHERE case_id = ? AND valid_until IS NULL
             AND (kind, item_id) IN (VALUES ${chunk.map(() => "(?, ?)").join(", ")})`,
            params
          )
        )
        for (const row of rows) map.set(keyOf(row.kind, row.id), row)
      }
      return map
    })

  const duplicates = (items: ReadonlyArray<{ readonly kind: string; readonly id: string }>) => {
    const seen = new Set<string>()
    const problems: Array<string> = []
    for (const item of items) {
      const key = keyOf(item.kind, item.id)
      if (seen.has(key)) problems.push(`${describeItem(item.kind, item.id)} appears more than once`)
      seen.add(key)
    }
    return problems
  }

  const encodeBody = (
    caseName: string,
    item: { readonly kind: string; readonly id: string; body: unknown }
  ) =>
    Effect.try({
      try: () => canonicalJson(item.body),
      catch: (cause) =>
        storeError(
          new InvalidChange({
            caseName,
            problems: [`${describeItem(item.kind, item.id)} cannot be stored as JSON (${String(cause)})`]
          })
        )
    })

  /** Runs a prepared write; a failure while someone else moved the head is reported as a conflict. */
  const apply = (
    kase: CaseRow,
    basedOn: number,
    statements: ReadonlyArray<Statement<unknown>>,
    options: AtomicOptions | undefined
  ) =>
    backend
      .atomically(statements, options)
      .pipe(
        Effect.catch((error) =>
          Effect.flatMap(headRow(kase.id), (head) =>
            head !== undefined && Number(head.number) !== basedOn
              ? conflict(kase, basedOn)
              : Effect.fail(fail("save the change")(error))
          )
        )
      )

  const writeRevision = (
    kase: CaseRow,
    basedOn: number,
    meta: WriteMeta,
    undoes: number | null,
    closes: ReadonlyArray<{ readonly kind: string; readonly id: string }>,
    inserts: ReadonlyArray<VersionRow>,
    counts: { readonly added: number; readonly changed: number; readonly removed: number },
    options: AtomicOptions | undefined
  ) =>
    Effect.gen(function* () {
      const revision: RevisionRow = {
        number: basedOn + 1,
        parent: basedOn,
        author: meta.author,
        at: yield* now(meta),
        reason: meta.reason,
        undoes
      }
      yield* apply(kase, basedOn, writeStatements({ caseId: kase.id, revision, closes, inserts }), options)
      return { revision: revisionInfo(kase.name, revision), ...counts }
    })

  /** Checks that the write is based on the head, failing early with a conflict when not. */
  const checkBase = (kase: CaseRow, basedOn: number) =>
    Effect.flatMap(headOf(kase), (head) =>
      head.number === basedOn ? Effect.succeed(head) : conflict(kase, basedOn)
    )

  const equivalent = (options: WriteOptions | undefined, kind: string, stored: string, given: unknown) =>
    options?.equivalent?.(kind, JSON.parse(stored), given) === true

  const unchanged = (head: RevisionInfo): CommitResult => ({
    revision: head,
    added: 0,
    changed: 0,
    removed: 0
  })

  /**
   * Puts a write to the rules; refuses it, saving nothing, when it would leave the case wrong.
   * A write based on a revision that is no longer the head is refused as a conflict first.
   */
  const checkWrite = (write: ProposedWrite, kase?: CaseRow) =>
    Effect.gen(function* () {
      if (kase !== undefined && write.basedOn !== undefined) yield* checkBase(kase, write.basedOn)
      const problems = yield* rules.check(self, write)
      if (problems.length > 0) {
        return yield* storeError(new InvalidChange({ caseName: write.caseName, problems }))
      }
    })

  const createCase: StoreShape["createCase"] = (caseName, items, meta, options) =>
    Effect.gen(function* () {
      const problems = duplicates(items)
      if (caseName.trim() === "") problems.push("a case needs a non-empty name")
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      const existing = yield* query("read the case")(sql`SELECT id FROM cases WHERE name = ${caseName}`)
      if (existing.length > 0) return yield* storeError(new CaseExists({ caseName }))
      yield* checkWrite({ caseName, basedOn: undefined, changes: items, whole: items })
      const at = yield* now(meta)
      const inserts: Array<VersionRow> = []
      for (const [index, item] of items.entries()) {
        inserts.push({
          kind: item.kind,
          id: item.id,
          ordinal: index + 1,
          body: yield* encodeBody(caseName, item)
        })
      }
      const revision: RevisionRow = {
        number: 1,
        parent: null,
        author: meta.author,
        at,
        reason: meta.reason,
        undoes: null
      }
      // The next free id, taken inside the write: another case created meanwhile may have taken
      // it, in which case the write is refused whole and tried again with the next one.
      for (let attempt = 1; ; attempt++) {
        const ids = yield* query("read its cases")(
          sql<{ next: number }>`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM cases`
        )
        const caseId = Number(ids[0]?.next ?? 1)
        const statements = [
          sql`INSERT INTO cases (id, name, created_at) VALUES (${caseId}, ${caseName}, ${at})`,
          ...writeStatements({ caseId, revision, closes: [], inserts })
        ]
        const written = yield* Effect.result(backend.atomically(statements, options))
        if (written._tag === "Success") break
        const byName = yield* query("read the case")(sql`SELECT id FROM cases WHERE name = ${caseName}`)
        if (byName.length > 0) return yield* storeError(new CaseExists({ caseName }))
        const byId = yield* query("read the case")(sql`SELECT id FROM cases WHERE id = ${caseId}`)
        if (byId.length === 0 || attempt === 5) return yield* fail("save the new case")(written.failure)
      }
      return { revision: revisionInfo(caseName, revision), added: items.length, changed: 0, removed: 0 }
    })

  const commit: StoreShape["commit"] = (caseName, basedOn, changes, meta, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const problems = duplicates(changes)
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      const head = yield* headOf(kase)
      const current = yield* currentVersionsOf(kase.id, changes)
      let ordinal = yield* nextOrdinal(kase.id)
      const closes: Array<{ kind: string; id: string }> = []
      const inserts: Array<VersionRow> = []
      const effective: Array<ItemChange> = []
      let added = 0
      let changed = 0
      let removed = 0
      for (const change of changes) {
        const before = current.get(keyOf(change.kind, change.id))
        if (change.body === null || change.body === undefined) {
          if (before === undefined) {
            problems.push(`${describeItem(change.kind, change.id)} cannot be removed: it is not in the case`)
            continue
          }
          closes.push(change)
          effective.push({ kind: change.kind, id: change.id, body: null })
          removed++
          continue
        }
        const body = yield* encodeBody(caseName, change)
        if (before === undefined) {
          inserts.push({ kind: change.kind, id: change.id, ordinal: ordinal++, body })
          effective.push(change)
          added++
        } else if (before.body !== body && !equivalent(options, change.kind, before.body, change.body)) {
          closes.push(change)
          inserts.push({ kind: change.kind, id: change.id, ordinal: Number(before.ordinal), body })
          effective.push(change)
          changed++
        }
      }
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      if (closes.length === 0 && inserts.length === 0) return unchanged(head)
      yield* checkWrite({ caseName, basedOn, changes: effective }, kase)
      return yield* writeRevision(
        kase,
        basedOn,
        meta,
        null,
        closes,
        inserts,
        { added, changed, removed },
        options
      )
    })

  const replaceAll: StoreShape["replaceAll"] = (caseName, basedOn, items, meta, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const problems = duplicates(items)
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      const head = yield* headOf(kase)
      const current = yield* currentVersions(kase.id)
      let ordinal = yield* nextOrdinal(kase.id)
      const closes: Array<{ kind: string; id: string }> = []
      const inserts: Array<VersionRow> = []
      const effective: Array<ItemChange> = []
      let added = 0
      let changed = 0
      const kept = new Set<string>()
      for (const item of items) {
        const key = keyOf(item.kind, item.id)
        kept.add(key)
        const before = current.get(key)
        const body = yield* encodeBody(caseName, item)
        if (before === undefined) {
          inserts.push({ kind: item.kind, id: item.id, ordinal: ordinal++, body })
          effective.push(item)
          added++
        } else if (before.body !== body && !equivalent(options, item.kind, before.body, item.body)) {
          closes.push(item)
          inserts.push({ kind: item.kind, id: item.id, ordinal: Number(before.ordinal), body })
          effective.push(item)
          changed++
        }
      }
      let removed = 0
      for (const [key, row] of current) {
        if (!kept.has(key)) {
          closes.push({ kind: row.kind, id: row.id })
          effective.push({ kind: row.kind, id: row.id, body: null })
          removed++
        }
      }
      if (closes.length === 0 && inserts.length === 0) return unchanged(head)
      yield* checkWrite({ caseName, basedOn, changes: effective, whole: items }, kase)
      return yield* writeRevision(
        kase,
        basedOn,
        meta,
        null,
        closes,
        inserts,
        { added, changed, removed },
        options
      )
    })

  const resolveRevisionOf = (kase: CaseRow, at: RevisionSelector | undefined) =>
    Effect.gen(function* () {
      const head = yield* headOf(kase)
      if (at === undefined) return head
      if ("revision" in at) {
        if (at.revision === head.number) return head
        const rows = yield* query("read the revision")(
          sql<RevisionRow>`SELECT number, parent, author, at, reason, undoes FROM revisions
            WHERE case_id = ${kase.id} AND number = ${at.revision}`
        )
        const row = rows[0]
        if (row === undefined) {
          return yield* storeError(
            new RevisionNotFound({ caseName: kase.name, head: head.number, revision: at.revision })
          )
        }
        return revisionInfo(kase.name, row)
      }
      const iso = at.asOf.toISOString()
      const rows = yield* query("read the revision")(
        sql<RevisionRow>`SELECT number, parent, author, at, reason, undoes FROM revisions
          WHERE case_id = ${kase.id} AND at <= ${iso} ORDER BY number DESC LIMIT 1`
      )
      const row = rows[0]
      if (row === undefined) {
        const first = yield* query("read the revision")(
          sql<{ at: string }>`SELECT at FROM revisions WHERE case_id = ${kase.id} AND number = 1`
        )
        return yield* storeError(
          new RevisionNotFound({
            caseName: kase.name,
            head: head.number,
            asOf: iso,
            firstAt: first[0]?.at ?? "?"
          })
        )
      }
      return revisionInfo(kase.name, row)
    })

  type KeyRow = { kind: string; id: string; ordinal: number; since: number }

  /**
   * Which rows hold a case's items at a revision. The head is read through its own index,
   * in entry order; an earlier revision by its validity interval, which no later write
   * can change.
   */
  const versionsWhere = (kase: CaseRow, revision: number, isHead: boolean) =>
    isHead
      ? sql`FROM item_versions INDEXED BY item_versions_head_order
          WHERE case_id = ${kase.id} AND valid_until IS NULL`
      : sql`FROM item_versions WHERE case_id = ${kase.id}
          AND valid_from <= ${revision} AND (valid_until IS NULL OR valid_until > ${revision})`

  /** The keys of a case's items at a revision, in the order the items entered it. */
  const keysAt = (kase: CaseRow, revision: number, isHead: boolean) =>
    Effect.map(
      Effect.mapError(
        sql`SELECT kind, item_id, ordinal, valid_from ${versionsWhere(kase, revision, isHead)}`.values,
        fail("load the case")
      ),
      (rows) => {
        const keys = rows.map(
          (row): KeyRow => ({
            kind: row[0] as string,
            id: row[1] as string,
            ordinal: Number(row[2]),
            since: Number(row[3])
          })
        )
        // Sorted here: the head's index gives entry order already, an earlier revision does not.
        return isHead ? keys : keys.sort((x, y) => x.ordinal - y.ordinal)
      }
    )

  /**
   * A run of a case's item bodies at a revision as one JSON array, in entry order: parsing
   * one text is about twice as fast as parsing a text per item. The order comes from a
   * subquery rather than from `group_concat(... ORDER BY)`, which would sort again what the
   * head's index already gives in order.
   */
  const bodiesText = (
    kase: CaseRow,
    revision: number,
    isHead: boolean,
    ordinals?: readonly [number, number]
  ) =>
    Effect.map(
      query("load the case")(
        sql<{ bodies: string | null }>`SELECT '[' || group_concat(body, ',') || ']' AS bodies
          FROM (SELECT body ${versionsWhere(kase, revision, isHead)}
            ${ordinals === undefined ? sql`` : sql`AND ordinal BETWEEN ${ordinals[0]} AND ${ordinals[1]}`}
            ORDER BY ordinal)`
      ),
      (rows) => rows[0]?.bodies ?? "[]"
    )

  // Texts of this many bodies: one text of a whole large case costs SQLite more to build.
  const bodiesPerText = 8192

  /**
   * The parsed bodies of `keys` (all of a case's items at a revision, in entry order), or
   * `undefined` when a body is damaged or the rows changed between reads. The head is read
   * in runs along its index; an earlier revision, which has no index by entry order, in one.
   */
  const bodiesAt = (kase: CaseRow, revision: number, isHead: boolean, keys: ReadonlyArray<KeyRow>) =>
    Effect.gen(function* () {
      const bodies = new Array<unknown>(keys.length)
      const step = isHead ? bodiesPerText : Math.max(keys.length, 1)
      for (let from = 0; from < keys.length; from += step) {
        const to = Math.min(keys.length, from + step)
        const text = yield* bodiesText(
          kase,
          revision,
          isHead,
          isHead ? [keys[from]!.ordinal, keys[to - 1]!.ordinal] : undefined
        )
        let part: Array<unknown>
        try {
          part = JSON.parse(text) as Array<unknown>
        } catch {
          return undefined
        }
        if (part.length !== to - from) return undefined
        for (let at = 0; at < part.length; at++) bodies[from + at] = part[at]
      }
      return bodies
    })

  /** The bodies of the given item versions, keyed by kind, id and revision. */
  const bodiesOf = (kase: CaseRow, wanted: ReadonlyArray<KeyRow>) =>
    Effect.gen(function* () {
      const bodies = new Map<string, string>()
      for (const chunk of Arr.chunksOf(wanted, rowsPerStatement(3, 1))) {
        const params: Array<unknown> = [kase.id]
        for (const row of chunk) params.push(row.kind, row.id, row.since)
        const rows = yield* query("load the case")(
          sql.unsafe<KeyRow & { body: string }>(
            `SELECT kind, item_id AS id, valid_from AS since, body FROM item_versions WHERE case_id = ?
             AND (kind, item_id, valid_from) IN (VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")})`,
            params
          )
        )
        for (const row of rows) bodies.set(`${keyOf(row.kind, row.id)}\u0000${row.since}`, row.body)
      }
      return bodies
    })

  const parseBody = (kase: CaseRow, row: { kind: string; id: string; body: string }) => {
    try {
      return JSON.parse(row.body) as unknown
    } catch {
      throw storeError(
        new Corrupt({
          location,
          details: `${describeItem(row.kind, row.id)} in case "${kase.name}" is not valid JSON`
        })
      )
    }
  }

  // `parseBody` throws a StoreError from inside synchronous loops; this turns it back into a failure.
  const bodiesChecked = <A, R>(effect: Effect.Effect<A, StoreError, R>) =>
    Effect.catchDefect(effect, (defect) =>
      defect instanceof StoreError ? Effect.fail(defect) : Effect.die(defect)
    )

  /**
   * The items of a case at `revision`, or `undefined` when reading its head and someone
   * saved meanwhile. Reads at the head take more than one statement; the head is checked
   * again after them, and since every change makes a new revision, an unchanged head
   * means they all saw the same state.
   */
  const loadAt = (kase: CaseRow, revision: RevisionInfo, isHead: boolean, options: LoadOptions | undefined) =>
    Effect.gen(function* () {
      const keys = yield* keysAt(kase, revision.number, isHead)
      const skip = options?.skipBody
      const missing = skip === undefined ? keys : keys.filter((key) => !skip(key))
      let bodies: Map<KeyRow, unknown> | Array<unknown> | undefined
      if (missing.length > keys.length / 2) {
        bodies = yield* bodiesAt(kase, revision.number, isHead, keys)
        // A damaged body, or rows that changed between the reads: find which, item by item.
        if (bodies === undefined) bodies = yield* parsedBodiesOf(kase, missing)
      } else if (missing.length > 0) {
        bodies = yield* parsedBodiesOf(kase, missing)
        if (bodies.size < missing.length) {
          const lost = missing.find((key) => !(bodies as Map<KeyRow, unknown>).has(key))!
          throw storeError(
            new Corrupt({ location, details: `${describeItem(lost.kind, lost.id)} lost its body` })
          )
        }
      }
      const wanted = skip === undefined || missing.length === keys.length ? undefined : new Set(missing)
      const items = new Array<StoredItem>(keys.length)
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index]!
        const body =
          bodies === undefined || (wanted !== undefined && !wanted.has(key))
            ? undefined
            : Array.isArray(bodies)
              ? bodies[index]
              : bodies.get(key)
        items[index] = { kind: key.kind, id: key.id, body, since: key.since }
      }
      if (isHead) {
        const now = yield* headRow(kase.id)
        if (now === undefined || Number(now.number) !== revision.number) return undefined
      }
      return { caseName: kase.name, revision, items }
    })

  /** The parsed bodies of the given item versions, read one by one (a damaged one is reported). */
  const parsedBodiesOf = (kase: CaseRow, wanted: ReadonlyArray<KeyRow>) =>
    Effect.map(bodiesOf(kase, wanted), (byKey) => {
      const parsed = new Map<KeyRow, unknown>()
      for (const key of wanted) {
        const body = byKey.get(`${keyOf(key.kind, key.id)}\u0000${key.since}`)
        if (body !== undefined) parsed.set(key, parseBody(kase, { ...key, body }))
      }
      return parsed
    })

  const load: StoreShape["load"] = (caseName, at, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      for (let attempt = 1; ; attempt++) {
        const head = yield* headOf(kase)
        const revision = yield* resolveRevisionOf(kase, at)
        const loaded = yield* loadAt(kase, revision, revision.number === head.number, options)
        if (loaded !== undefined) return loaded
        if (attempt === 5) {
          return yield* storeError(
            new Unavailable({
              location,
              operation: "load the case",
              details: "it kept changing while being read"
            })
          )
        }
      }
    }).pipe(bodiesChecked)

  const ItemKey = Schema.Tuple([Schema.Number, Schema.String, Schema.String])
  const ItemRow = Schema.Struct({
    case_id: Schema.Number,
    kind: Schema.String,
    id: Schema.String,
    body: Schema.String,
    since: Schema.Number
  })
  // Keyed by a string, so that equal lookups made by separate fibers share one request.
  const itemResolver = SqlResolver.findById({
    Id: Schema.String,
    Result: ItemRow,
    ResultId: (row) => JSON.stringify([row.case_id, row.kind, row.id]),
    execute: (keys) =>
      Effect.gen(function* () {
        const rows: Array<typeof ItemRow.Encoded> = []
        for (const chunk of Arr.chunksOf(keys, rowsPerStatement(3))) {
          const params: Array<unknown> = []
          for (const key of chunk) {
            const [caseId, kind, id] = Schema.decodeUnknownSync(ItemKey)(JSON.parse(key))
            params.push(caseId, kind, id)
          }
          const found = yield* sql.unsafe<typeof ItemRow.Encoded>(
            `SELECT case_id, kind, item_id AS id, body, valid_from AS since FROM item_versions
             WHERE valid_until IS NULL
             AND (case_id, kind, item_id) IN (VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")})`,
            params
          )
          rows.push(...found)
        }
        return rows
      })
  })
  const lookupItem = SqlResolver.request(itemResolver)

  const getItem: StoreShape["getItem"] = (caseName, kind, id) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const found = yield* lookupItem(JSON.stringify([kase.id, kind, id])).pipe(
        Effect.map(Option.some),
        Effect.catchIf(Cause.isNoSuchElementError, () => Effect.succeed(Option.none())),
        Effect.catchTag("SchemaError", (error) =>
          storeError(new Corrupt({ location, details: `an item row could not be read: ${error.message}` }))
        ),
        Effect.catchTag("SqlError", (error) => Effect.fail(fail("read the item")(error)))
      )
      return Option.map(
        found,
        (row): StoredItem => ({ kind: row.kind, id: row.id, body: parseBody(kase, row), since: row.since })
      )
    }).pipe(bodiesChecked)

  const revisions: StoreShape["revisions"] = (caseName) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const rows = yield* query("read the case's history")(
        sql<RevisionRow>`SELECT number, parent, author, at, reason, undoes FROM revisions
          WHERE case_id = ${kase.id} ORDER BY number`
      )
      // A revision that writes a version while closing another of the same item changed it.
      const written = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT valid_from AS revision, COUNT(*) AS n FROM item_versions
          WHERE case_id = ${kase.id} GROUP BY valid_from`
      )
      const closed = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT valid_until AS revision, COUNT(*) AS n FROM item_versions
          WHERE case_id = ${kase.id} AND valid_until IS NOT NULL GROUP BY valid_until`
      )
      const replaced = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT v.valid_until AS revision, COUNT(*) AS n
          FROM item_versions v JOIN item_versions w ON w.case_id = v.case_id AND w.kind = v.kind
            AND w.item_id = v.item_id AND w.valid_from = v.valid_until
          WHERE v.case_id = ${kase.id} AND v.valid_until IS NOT NULL GROUP BY v.valid_until`
      )
      const countsOf = (list: ReadonlyArray<{ revision: number; n: number }>) =>
        new Map(list.map((row) => [Number(row.revision), Number(row.n)]))
      const writtenBy = countsOf(written)
      const closedBy = countsOf(closed)
      const replacedBy = countsOf(replaced)
      return rows.map((row): RevisionSummary => {
        const number = Number(row.number)
        const both = replacedBy.get(number) ?? 0
        return {
          ...revisionInfo(kase.name, row),
          added: (writtenBy.get(number) ?? 0) - both,
          changed: both,
          removed: (closedBy.get(number) ?? 0) - both
        }
      })
    })

  const changesOf = (kase: CaseRow, revision: number) =>
    Effect.gen(function* () {
      const rows = yield* query("read the revision")(
        sql<{ kind: string; id: string; body: string; valid_from: number; valid_until: number | null }>`
          SELECT kind, item_id AS id, body, valid_from, valid_until FROM item_versions
          WHERE case_id = ${kase.id} AND (valid_from = ${revision} OR valid_until = ${revision})
          ORDER BY ordinal`
      )
      const byItem = new Map<string, { kind: string; id: string; before: unknown; after: unknown }>()
      for (const row of rows) {
        const key = keyOf(row.kind, row.id)
        const entry = byItem.get(key) ?? { kind: row.kind, id: row.id, before: null, after: null }
        if (Number(row.valid_from) === revision) entry.after = parseBody(kase, row)
        else entry.before = parseBody(kase, row)
        byItem.set(key, entry)
      }
      return [...byItem.values()] as ReadonlyArray<RevisionChange>
    })

  const changes: StoreShape["changes"] = (caseName, revision) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      yield* resolveRevisionOf(kase, { revision })
      return yield* changesOf(kase, revision)
    }).pipe(bodiesChecked)

  const itemHistory: StoreShape["itemHistory"] = (caseName, kind, id) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const rows = yield* query("read the item's history")(
        sql<{ kind: string; id: string; body: string; valid_from: number; valid_until: number | null }>`
          SELECT kind, item_id AS id, body, valid_from, valid_until FROM item_versions
          WHERE case_id = ${kase.id} AND kind = ${kind} AND item_id = ${id} ORDER BY valid_from`
      )
      const history: Array<ItemVersion> = []
      for (const [index, row] of rows.entries()) {
        history.push({ revision: Number(row.valid_from), body: parseBody(kase, row) })
        const next = rows[index + 1]
        if (
          row.valid_until !== null &&
          (next === undefined || Number(next.valid_from) !== Number(row.valid_until))
        ) {
          history.push({ revision: Number(row.valid_until), body: null })
        }
      }
      return history
    }).pipe(bodiesChecked)

  const undo: StoreShape["undo"] = (caseName, revision, basedOn, meta) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      yield* resolveRevisionOf(kase, { revision })
      yield* checkBase(kase, basedOn)
      const rows = yield* query("read the revision")(
        sql<{
          kind: string
          id: string
          ordinal: number
          body: string
          valid_from: number
          valid_until: number | null
        }>`SELECT kind, item_id AS id, ordinal, body, valid_from, valid_until FROM item_versions
          WHERE case_id = ${kase.id} AND (valid_from = ${revision} OR valid_until = ${revision})`
      )
      const written = new Map<string, (typeof rows)[number]>()
      const replaced = new Map<string, (typeof rows)[number]>()
      for (const row of rows) {
        const key = keyOf(row.kind, row.id)
        if (Number(row.valid_from) === revision) written.set(key, row)
        else replaced.set(key, row)
      }
      const touched = [...new Set([...written.keys(), ...replaced.keys()])]
      const problems: Array<string> = []
      const closes: Array<{ kind: string; id: string }> = []
      const inserts: Array<VersionRow> = []
      let added = 0
      let changed = 0
      let removed = 0
      for (const key of touched) {
        const after = written.get(key)
        const before = replaced.get(key)
        const item = (after ?? before)!
        // The item must still be as `revision` left it, or undoing would discard a later change.
        const stillAsLeft = after === undefined ? true : after.valid_until === null
        if (!stillAsLeft) {
          problems.push(
            `${describeItem(item.kind, item.id)} was changed again in revision ${after?.valid_until}; undo that first`
          )
          continue
        }
        if (after !== undefined) closes.push({ kind: item.kind, id: item.id })
        if (before !== undefined) {
          inserts.push({
            kind: before.kind,
            id: before.id,
            ordinal: Number(before.ordinal),
            body: before.body
          })
        }
        if (after !== undefined && before !== undefined) changed++
        else if (after !== undefined) removed++
        else added++
      }
      // An item removed by `revision` and added back later cannot be restored a second time.
      if (replaced.size > 0) {
        const reAdded = yield* currentVersionsOf(
          kase.id,
          [...replaced.entries()].filter(([key]) => !written.has(key)).map(([, row]) => row)
        )
        for (const row of reAdded.values()) {
          problems.push(
            `${describeItem(row.kind, row.id)} was added back after revision ${revision}; undo that first`
          )
        }
      }
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      if (touched.length === 0) {
        return yield* storeError(
          new InvalidChange({
            caseName,
            problems: [`revision ${revision} changed no items, so there is nothing to undo`]
          })
        )
      }
      const effective = touched.map((key): ItemChange => {
        const after = written.get(key)
        const before = replaced.get(key)
        const item = (after ?? before)!
        return { kind: item.kind, id: item.id, body: before === undefined ? null : parseBody(kase, before) }
      })
      yield* checkWrite({ caseName, basedOn, changes: effective }, kase)
      return yield* writeRevision(
        kase,
        basedOn,
        meta,
        revision,
        closes,
        inserts,
        { added, changed, removed },
        undefined
      )
    }).pipe(bodiesChecked)

  const listCases: StoreShape["listCases"] = Effect.gen(function* () {
    const rows = yield* query("list its cases")(
      sql<
        CaseRow & RevisionRow
      >`SELECT c.id, c.name, c.created_at, r.number, r.parent, r.author, r.at, r.reason, r.undoes
        FROM cases c JOIN revisions r ON r.case_id = c.id
        AND r.number = (SELECT MAX(number) FROM revisions WHERE case_id = c.id)
        ORDER BY c.name`
    )
    return rows.map((row) => ({
      name: row.name,
      createdAt: row.created_at,
      head: revisionInfo(row.name, row)
    }))
  })

  const self: StoreShape = Store.of({
    location,
    listCases,
    createCase,
    commit,
    replaceAll,
    undo,
    head: (caseName) => Effect.flatMap(findCase(caseName), headOf),
    resolveRevision: (caseName, at) =>
      Effect.flatMap(findCase(caseName), (kase) => resolveRevisionOf(kase, at)),
    load,
    getItem,
    revisions,
    changes,
    itemHistory
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

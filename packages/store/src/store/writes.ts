/**
 * Writing a case: a new case, individual changes, or a whole replacement, each as one new
 * revision made atomically, after the store's rules have passed it. Items keep their place
 * in the case; a version is never rewritten, only closed by the revision that replaces it.
 */
import { Array as Arr, Effect } from "effect"
import type { Statement } from "effect/sql/Statement"
import type { AtomicOptions } from "../backend.ts"
import { canonicalJson } from "../canonical-json.ts"
import { CaseExists, InvalidChange, storeError } from "../errors.ts"
import type {
  CommitResult,
  ItemChange,
  ItemRulesShape,
  ProposedWrite,
  RevisionInfo,
  StoreShape,
  WriteMeta,
  WriteOptions
} from "../store.ts"
import {
  type CaseRow,
  describeItem,
  keyOf,
  type RevisionRow,
  revisionInfo,
  type StoreContext,
  type VersionRow
} from "./context.ts"
import type { Conflicts } from "./conflicts.ts"

export const makeWrites = (
  context: StoreContext,
  conflicts: Conflicts,
  rules: ItemRulesShape,
  /** The whole store, for the rules to read the case a write applies to. */
  store: () => StoreShape
) => {
  const { sql, backend, fail, query, now, findCase, headOf, rowsPerStatement } = context
  const { apply, checkBase } = conflicts

  /** Statements that add revision `number` and apply `closes` and `inserts` under it. */
  const writeStatements = (args: {
    readonly caseId: number
    readonly revision: RevisionRow
    readonly closes: ReadonlyArray<{ readonly kind: string; readonly id: string }>
    readonly inserts: ReadonlyArray<VersionRow>
  }): Array<Statement<unknown>> => {
    const { caseId, revision, closes, inserts } = args
    // The case's id, an integer the store itself computed, is inlined; everything else is bound, the
    // revision too: the text of a write's statements stays the same from one revision to the next, so
    // that each is prepared once, not on every write.
    const c = String(caseId)
    const r = revision.number
    const statements: Array<Statement<unknown>> = [
      sql`INSERT INTO revisions (case_id, number, parent, author, at, reason, undoes)
        VALUES (${caseId}, ${revision.number}, ${revision.parent}, ${revision.author}, ${revision.at},
          ${revision.reason}, ${revision.undoes})`
    ]
    for (const chunk of Arr.chunksOf(closes, rowsPerStatement(2, 1))) {
      const params: Array<unknown> = [r]
      for (const item of chunk) params.push(item.kind, item.id)
      statements.push(
        sql.unsafe(
          `UPDATE item_versions SET valid_until = ? WHERE case_id = ${c} AND valid_until IS NULL ` +
            `AND (kind, item_id) IN (VALUES ${chunk.map(() => "(?, ?)").join(", ")})`,
          params
        )
      )
    }
    for (const chunk of Arr.chunksOf(inserts, rowsPerStatement(5))) {
      const params: Array<unknown> = []
      for (const item of chunk) params.push(item.kind, item.id, item.ordinal, item.body, r)
      statements.push(
        sql.unsafe(
          `INSERT INTO item_versions (case_id, kind, item_id, ordinal, body, valid_from) VALUES ` +
            chunk.map(() => `(${c}, ?, ?, ?, ?, ?)`).join(", "),
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
      const problems = yield* rules.check(store(), write)
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

  /**
   * The rows one write closes and inserts, and what it changes, gathered item by item: a new item
   * takes the next ordinal, a changed one keeps its place, an unchanged one (same bytes, or equal by
   * the caller's `equivalent`) is left alone.
   */
  const stage = (firstOrdinal: number, options: WriteOptions | undefined) => {
    let ordinal = firstOrdinal
    const closes: Array<{ kind: string; id: string }> = []
    const inserts: Array<VersionRow> = []
    const effective: Array<ItemChange> = []
    const counts = { added: 0, changed: 0, removed: 0 }
    return {
      closes,
      inserts,
      effective,
      counts,
      put: (item: ItemChange, before: VersionRow | undefined, body: string) => {
        if (before === undefined) {
          inserts.push({ kind: item.kind, id: item.id, ordinal: ordinal++, body })
          effective.push(item)
          counts.added++
        } else if (before.body !== body && !equivalent(options, item.kind, before.body, item.body)) {
          closes.push(item)
          inserts.push({ kind: item.kind, id: item.id, ordinal: Number(before.ordinal), body })
          effective.push(item)
          counts.changed++
        }
      },
      remove: (kind: string, id: string) => {
        closes.push({ kind, id })
        effective.push({ kind, id, body: null })
        counts.removed++
      }
    }
  }

  /** Saves what was staged as the next revision, once the write passes the rules; nothing staged, nothing saved. */
  const saveStaged = (
    kase: CaseRow,
    head: RevisionInfo,
    write: ProposedWrite & { readonly basedOn: number },
    meta: WriteMeta,
    staged: ReturnType<typeof stage>,
    options: WriteOptions | undefined
  ) =>
    Effect.gen(function* () {
      if (staged.closes.length === 0 && staged.inserts.length === 0) return unchanged(head)
      yield* checkWrite(write, kase)
      return yield* writeRevision(
        kase,
        write.basedOn,
        meta,
        null,
        staged.closes,
        staged.inserts,
        staged.counts,
        options
      )
    })

  const commit: StoreShape["commit"] = (caseName, basedOn, changes, meta, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const problems = duplicates(changes)
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      const head = yield* headOf(kase)
      const current = yield* currentVersionsOf(kase.id, changes)
      const staged = stage(yield* nextOrdinal(kase.id), options)
      for (const change of changes) {
        const before = current.get(keyOf(change.kind, change.id))
        if (change.body === null || change.body === undefined) {
          if (before === undefined)
            problems.push(`${describeItem(change.kind, change.id)} cannot be removed: it is not in the case`)
          else staged.remove(change.kind, change.id)
          continue
        }
        staged.put(change, before, yield* encodeBody(caseName, change))
      }
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      return yield* saveStaged(
        kase,
        head,
        { caseName, basedOn, changes: staged.effective },
        meta,
        staged,
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
      const staged = stage(yield* nextOrdinal(kase.id), options)
      const kept = new Set<string>()
      for (const item of items) {
        const key = keyOf(item.kind, item.id)
        kept.add(key)
        staged.put(item, current.get(key), yield* encodeBody(caseName, item))
      }
      for (const [key, row] of current) if (!kept.has(key)) staged.remove(row.kind, row.id)
      return yield* saveStaged(
        kase,
        head,
        { caseName, basedOn, changes: staged.effective, whole: items },
        meta,
        staged,
        options
      )
    })

  return { createCase, commit, replaceAll, writeRevision, currentVersionsOf, checkWrite }
}

export type Writes = ReturnType<typeof makeWrites>

/**
 * Writing a case: a new case, individual changes, or a whole replacement, each as one new
 * revision made atomically, after the store's rules have passed it. Items keep their place
 * in the case; a version is never rewritten, only closed by the revision that replaces it.
 */
import { Array as Arr, Effect } from "effect"
import type { Statement } from "effect/sql/Statement"
import type { AtomicOptions } from "../backend.ts"
import { canonicalJson } from "../canonical-json.ts"
import {
  addChecksums,
  bytesChecksum,
  caseChecksum,
  removeChecksum,
  revisionChecksum,
  versionChecksum
} from "../checksums.ts"
import { CaseExists, InvalidChange, RevisionNotFound, type StoreError, storeError } from "../errors.ts"
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
  revisionColumns,
  type StoreContext,
  type VersionRow
} from "./context.ts"

/** A version a write inserts: where it goes, its body, and the checksum it is stored with. */
interface NewVersion {
  readonly kind: string
  readonly id: string
  readonly ordinal: number
  readonly body: string
}

/** A revision about to be written, without its checksum and seal, which `writeStatements` works out. */
type NewRevision = Omit<RevisionRow, "items_sum" | "checked" | "checksum">
import type { Conflicts } from "./conflicts.ts"

export const makeWrites = (
  context: StoreContext,
  conflicts: Conflicts,
  rules: ItemRulesShape,
  /** The whole store, for the rules to read the case a write applies to. */
  store: () => StoreShape
) => {
  const {
    sql,
    backend,
    fail,
    query,
    now,
    findCase,
    headOf,
    revisionInfo,
    sealOf,
    damaged,
    rowsPerStatement,
    readBody,
    bodiesChecked
  } = context
  const { apply, checkBase } = conflicts

  /**
   * Statements that add revision `number` and apply `closes` and `inserts` under it. Each version is
   * stored with its checksum, and the revision with the sum of the checksums of the versions the case
   * holds from it on: `baseSum` (what it held before) less what it closes plus what it inserts.
   */
  const writeStatements = (args: {
    readonly caseId: number
    readonly revision: NewRevision
    readonly baseSum: number
    /** Whether the case that results was checked whole, by the write or before it (see `CaseSnapshot`). */
    readonly checked: boolean
    readonly closes: ReadonlyArray<{
      readonly kind: string
      readonly id: string
      readonly checksum: number | null
    }>
    readonly inserts: ReadonlyArray<NewVersion>
  }): { readonly statements: Array<Statement<unknown>>; readonly row: RevisionRow } => {
    const { caseId, revision, closes, inserts } = args
    // The case's id, an integer the store itself computed, is inlined; everything else is bound, the
    // revision too: the text of a write's statements stays the same from one revision to the next, so
    // that each is prepared once, not on every write.
    const c = String(caseId)
    const r = revision.number
    let itemsSum = args.baseSum
    for (const closed of closes) itemsSum = removeChecksum(itemsSum, Number(closed.checksum))
    const checksums = inserts.map((item) => {
      const checksum = versionChecksum(item.kind, item.id, item.ordinal, revision.number, item.body)
      itemsSum = addChecksums(itemsSum, checksum)
      return checksum
    })
    const checked = args.checked ? 1 : 0
    const checksum = revisionChecksum({ caseId, ...revision, itemsSum, checked })
    const statements: Array<Statement<unknown>> = [
      sql`INSERT INTO revisions (case_id, number, parent, author, at, reason, undoes, items_sum, checked, checksum)
        VALUES (${caseId}, ${revision.number}, ${revision.parent}, ${revision.author}, ${revision.at},
          ${revision.reason}, ${revision.undoes}, ${itemsSum}, ${checked}, ${checksum})`
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
    const perStatement = rowsPerStatement(6)
    for (let from = 0; from < inserts.length; from += perStatement) {
      const chunk = inserts.slice(from, from + perStatement)
      const params: Array<unknown> = []
      chunk.forEach((item, at) => {
        params.push(item.kind, item.id, item.ordinal, item.body, r, checksums[from + at])
      })
      statements.push(
        sql.unsafe(
          `INSERT INTO item_versions (case_id, kind, item_id, ordinal, body, valid_from, checksum) VALUES ` +
            chunk.map(() => `(${c}, ?, ?, ?, ?, ?, ?)`).join(", "),
          params
        )
      )
    }
    return {
      statements,
      row: { ...revision, items_sum: itemsSum, checked, checksum }
    }
  }

  /** Statements that keep the write's digests (see `AtomicOptions`) as those of revision `number`. */
  const digestStatements = (caseId: number, number: number, options: AtomicOptions | undefined) =>
    (options?.digests ?? []).map(
      (digest) =>
        sql`INSERT INTO case_digests (case_id, name, revision, body, checksum)
          VALUES (${caseId}, ${digest.name}, ${number}, ${digest.bytes}, ${bytesChecksum(digest.bytes)})
          ON CONFLICT (case_id, name) DO UPDATE SET revision = excluded.revision, body = excluded.body,
            checksum = excluded.checksum`
    )

  /** The seal of revision `number`: the sum of its items' checksums and whether it was checked whole. */
  const sealAt = (kase: CaseRow, number: number) =>
    Effect.gen(function* () {
      const rows = yield* query("read the case")(
        sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
          WHERE case_id = ${kase.id} AND number = ${number}`
      )
      const row = rows[0]
      if (row === undefined) return yield* damaged(`revision ${number} of case "${kase.name}" is missing`)
      yield* Effect.try({ try: () => revisionInfo(kase, row), catch: (error) => error as StoreError })
      return sealOf(row)
    })

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
        sql<VersionRow>`SELECT kind, item_id AS id, ordinal, valid_from AS since, body, checksum FROM item_versions
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
            `SELECT kind, item_id AS id, ordinal, valid_from AS since, body, checksum FROM item_versions
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
    closes: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly checksum: number | null }>,
    inserts: ReadonlyArray<NewVersion>,
    counts: { readonly added: number; readonly changed: number; readonly removed: number },
    options: (AtomicOptions & { readonly checkedWhole?: boolean | undefined }) | undefined
  ) =>
    Effect.gen(function* () {
      const revision: NewRevision = {
        number: basedOn + 1,
        parent: basedOn,
        author: meta.author,
        at: yield* now(meta),
        reason: meta.reason,
        undoes
      }
      const base = yield* sealAt(kase, basedOn)
      const { statements, row } = writeStatements({
        caseId: kase.id,
        revision,
        baseSum: base.itemsSum,
        // A case checked whole stays so through writes the rules pass; one written whole and vouched for is so.
        checked: options?.checkedWhole === true || base.checked,
        closes,
        inserts
      })
      yield* apply(kase, basedOn, [...statements, ...digestStatements(kase.id, revision.number, options)], options)
      return { revision: revisionInfo(kase, row), ...counts }
    })

  /** Whether a stored version says what `given` says; the stored body is checked first (it throws when damaged). */
  const equivalent = (kase: CaseRow, options: WriteOptions | undefined, stored: VersionRow, given: unknown) =>
    options?.equivalent?.(stored.kind, readBody(kase, stored), given) === true

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
      const inserts: Array<NewVersion> = []
      for (const [index, item] of items.entries()) {
        inserts.push({
          kind: item.kind,
          id: item.id,
          ordinal: index + 1,
          body: yield* encodeBody(caseName, item)
        })
      }
      const revision: NewRevision = {
        number: 1,
        parent: null,
        author: meta.author,
        at,
        reason: meta.reason,
        undoes: null
      }
      // The next free id, taken inside the write: another case created meanwhile may have taken
      // it, in which case the write is refused whole and tried again with the next one.
      let row: RevisionRow | undefined
      let createdId = 0
      for (let attempt = 1; ; attempt++) {
        const ids = yield* query("read its cases")(
          sql<{ next: number }>`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM cases`
        )
        const caseId = Number(ids[0]?.next ?? 1)
        // The rules passed the whole new case: it was checked whole.
        const revisionWritten = writeStatements({
          caseId,
          revision,
          baseSum: 0,
          checked: true,
          closes: [],
          inserts
        })
        const statements = [
          sql`INSERT INTO cases (id, name, created_at, checksum)
            VALUES (${caseId}, ${caseName}, ${at}, ${caseChecksum({ id: caseId, name: caseName, createdAt: at })})`,
          ...revisionWritten.statements,
          ...digestStatements(caseId, 1, options)
        ]
        const written = yield* Effect.result(backend.atomically(statements, options))
        if (written._tag === "Success") {
          row = revisionWritten.row
          createdId = caseId
          break
        }
        const byName = yield* query("read the case")(sql`SELECT id FROM cases WHERE name = ${caseName}`)
        if (byName.length > 0) return yield* storeError(new CaseExists({ caseName }))
        const byId = yield* query("read the case")(sql`SELECT id FROM cases WHERE id = ${caseId}`)
        if (byId.length === 0 || attempt === 5) return yield* fail("save the new case")(written.failure)
      }
      const created: CaseRow = { id: createdId, name: caseName, created_at: at }
      return { revision: revisionInfo(created, row!), added: items.length, changed: 0, removed: 0 }
    })

  /**
   * The rows one write closes and inserts, and what it changes, gathered item by item: a new item
   * takes the next ordinal, a changed one keeps its place, an unchanged one (same bytes, or equal by
   * the caller's `equivalent`) is left alone.
   */
  const stage = (kase: CaseRow, firstOrdinal: number, options: WriteOptions | undefined) => {
    let ordinal = firstOrdinal
    const closes: Array<{ kind: string; id: string; checksum: number | null }> = []
    const inserts: Array<NewVersion> = []
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
        } else if (before.body !== body && !equivalent(kase, options, before, item.body)) {
          closes.push({ kind: item.kind, id: item.id, checksum: before.checksum })
          inserts.push({ kind: item.kind, id: item.id, ordinal: Number(before.ordinal), body })
          effective.push(item)
          counts.changed++
        }
      },
      remove: (kind: string, id: string, checksum: number | null) => {
        closes.push({ kind, id, checksum })
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
      if (staged.closes.length === 0 && staged.inserts.length === 0) {
        // Nothing to save, whatever the base; but a base the case never had is the caller's mistake.
        if (!Number.isSafeInteger(write.basedOn) || write.basedOn < 1 || write.basedOn > head.number)
          return yield* storeError(
            new RevisionNotFound({ caseName: kase.name, head: head.number, revision: write.basedOn })
          )
        return unchanged(head)
      }
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
      const staged = stage(kase, yield* nextOrdinal(kase.id), options)
      for (const change of changes) {
        const before = current.get(keyOf(change.kind, change.id))
        if (change.body === null || change.body === undefined) {
          if (before === undefined)
            problems.push(`${describeItem(change.kind, change.id)} cannot be removed: it is not in the case`)
          else staged.remove(change.kind, change.id, before.checksum)
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
    }).pipe(bodiesChecked)

  const replaceAll: StoreShape["replaceAll"] = (caseName, basedOn, items, meta, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const problems = duplicates(items)
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      const head = yield* headOf(kase)
      const current = yield* currentVersions(kase.id)
      const staged = stage(kase, yield* nextOrdinal(kase.id), options)
      const kept = new Set<string>()
      for (const item of items) {
        const key = keyOf(item.kind, item.id)
        kept.add(key)
        staged.put(item, current.get(key), yield* encodeBody(caseName, item))
      }
      for (const [key, row] of current) if (!kept.has(key)) staged.remove(row.kind, row.id, row.checksum)
      return yield* saveStaged(
        kase,
        head,
        { caseName, basedOn, changes: staged.effective, whole: items },
        meta,
        staged,
        options
      )
    }).pipe(bodiesChecked)

  return { createCase, commit, replaceAll, writeRevision, currentVersionsOf, checkWrite }
}

export type Writes = ReturnType<typeof makeWrites>

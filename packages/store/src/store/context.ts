/**
 * What every part of the store shares: the connection and its backend, how a database
 * error becomes a message an analyst can act on, finding a case and its head, and reading
 * a stored body.
 */
import { Clock, Effect } from "effect"
import type { SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import type { StoreBackendShape } from "../backend.ts"
import { changeMemo } from "../change-memo.ts"
import { caseChecksum, revisionChecksum, versionChecksum } from "../checksums.ts"
import { CaseNotFound, Corrupt, StoreError, storeError, Unavailable } from "../errors.ts"
import type { RevisionInfo, WriteMeta } from "../store.ts"

export interface CaseRow {
  readonly id: number
  readonly name: string
  readonly created_at: string
}

/** A revision as its table holds it: what a reader is told of it, its seal, and its own checksum. */
export interface RevisionRow extends Omit<RevisionInfo, "caseName"> {
  /** The sum of the checksums of the item versions the case holds at this revision. */
  readonly items_sum: number | null
  /** 1 when the case at this revision was checked whole when it was written (see `writes.ts`), else 0. */
  readonly checked: number | null
  readonly checksum: number | null
}

/** The columns of a revision row, in every query that reads one. */
export const revisionColumns = "number, parent, author, at, reason, undoes, items_sum, checked, checksum"

/** An item version as a write closes or keeps it. */
export interface VersionRow {
  readonly kind: string
  readonly id: string
  readonly ordinal: number
  /** The revision that wrote it. */
  readonly since: number
  readonly body: string
  readonly checksum: number | null
}

export const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`

export const describeItem = (kind: string, id: string) => `${kind} "${id}"`

/** An integer from a row, or `undefined` when the row does not hold one where it must. */
const integerOf = (value: unknown): number | undefined => {
  const number = typeof value === "bigint" ? Number(value) : value
  return typeof number === "number" && Number.isSafeInteger(number) ? number : undefined
}

/** Whether a row's text is an instant as the store writes one (`2015-01-09T12:00:00.000Z`). */
export const isStoredInstant = (text: unknown): text is string => {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text)) return false
  const time = Date.parse(text)
  return !Number.isNaN(time) && new Date(time).toISOString() === text
}

/** What a revision row must hold; the first thing wrong with it, or `undefined`. */
const revisionProblem = (caseId: number, row: RevisionRow): string | undefined => {
  const number = integerOf(row.number)
  if (number === undefined || number < 1) return "its number is not a whole number from 1"
  const parent = row.parent === null ? null : integerOf(row.parent)
  if (parent === undefined || (number === 1 ? parent !== null : parent !== number - 1))
    return "its parent is not the revision before it"
  const undoes = row.undoes === null ? null : integerOf(row.undoes)
  if (undoes === undefined) return "the revision it undoes is not a number"
  if (typeof row.author !== "string" || typeof row.reason !== "string")
    return "its author or reason is not text"
  if (!isStoredInstant(row.at)) return `the time it was saved, ${JSON.stringify(row.at)}, is not an instant`
  const itemsSum = integerOf(row.items_sum)
  const checked = integerOf(row.checked)
  const checksum = integerOf(row.checksum)
  if (itemsSum === undefined || checked === undefined || checksum === undefined) return "it has no checksum"
  const expected = revisionChecksum({
    caseId,
    number,
    parent,
    author: row.author,
    at: row.at,
    reason: row.reason,
    undoes,
    itemsSum,
    checked
  })
  return expected === checksum ? undefined : "it does not match its checksum"
}

const sqliteCode = (error: SqlError): number | undefined => {
  const cause = error.reason.cause as { errcode?: unknown; errno?: unknown; message?: unknown } | undefined
  const code = cause?.errcode ?? cause?.errno
  return typeof code === "number" ? code & 0xff : undefined
}

const sqlDetails = (error: SqlError): string => {
  const cause = error.reason.cause as { message?: unknown } | undefined
  return typeof cause?.message === "string" ? cause.message : error.message
}

/** The shared part of one store, over its connection and backend. */
export const makeContext = (sql: SqlClient.SqlClient, backend: StoreBackendShape) => {
  const location = backend.location

  /** A store whose rows are not what Allegiance wrote: the error, naming what is wrong where. */
  const damaged = (details: string) => storeError(new Corrupt({ location, details }))

  /** What a reader is told of a revision, once its row is checked: its fields, its values, its checksum. */
  const revisionInfo = (kase: CaseRow, row: RevisionRow): RevisionInfo => {
    const problem = revisionProblem(kase.id, row)
    if (problem !== undefined)
      throw damaged(`revision ${String(row.number)} of case "${kase.name}" is damaged: ${problem}`)
    return {
      caseName: kase.name,
      number: Number(row.number),
      parent: row.parent === null ? null : Number(row.parent),
      author: row.author,
      at: row.at,
      reason: row.reason,
      undoes: row.undoes === null ? null : Number(row.undoes)
    }
  }

  /** A revision's seal: the sum of its items' checksums, and whether the case was checked whole then. */
  const sealOf = (row: RevisionRow) => ({
    itemsSum: Number(row.items_sum),
    checked: Number(row.checked) === 1
  })

  /**
   * A stored body, parsed, once its checksum says it is the body the store wrote, where it wrote it.
   * Throws the store's error (see `bodiesChecked`) for a body that is not JSON or not what was written.
   */
  const readBody = (
    kase: CaseRow,
    row: {
      readonly kind: string
      readonly id: string
      readonly ordinal: number
      readonly since: number
      readonly body: string
      readonly checksum: number | null
    }
  ): unknown => {
    const item = `${describeItem(row.kind, row.id)} in case "${kase.name}"`
    let parsed: unknown
    try {
      parsed = JSON.parse(row.body) as unknown
    } catch {
      throw damaged(`${item} is not valid JSON`)
    }
    const checksum = integerOf(row.checksum)
    if (
      checksum === undefined ||
      checksum !== versionChecksum(row.kind, row.id, Number(row.ordinal), Number(row.since), row.body)
    )
      throw damaged(
        `${item} (as revision ${row.since} wrote it) does not match its checksum: it was changed outside Allegiance`
      )
    return parsed
  }

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

  /** A case row, once checked: its id a whole number, its creation an instant, its checksum right. */
  const caseOf = (
    row: CaseRow & { readonly checksum: number | null }
  ): Effect.Effect<CaseRow, StoreError> => {
    const id = integerOf(row.id)
    if (id === undefined || typeof row.name !== "string" || !isStoredInstant(row.created_at))
      return damaged(`the row of case ${JSON.stringify(row.name)} is damaged`)
    const checksum = integerOf(row.checksum)
    if (
      checksum === undefined ||
      checksum !== caseChecksum({ id, name: row.name, createdAt: row.created_at })
    )
      return damaged(
        `the row of case "${row.name}" does not match its checksum: it was changed outside Allegiance`
      )
    return Effect.succeed({ id, name: row.name, created_at: row.created_at })
  }

  // Every read and write starts by finding its case: kept, once checked, while the database does not change.
  const caseRows = changeMemo<string, CaseRow>(backend.changeMark)
  const headRows = changeMemo<number, { readonly info: RevisionInfo; readonly row: RevisionRow }>(
    backend.changeMark
  )

  const findCase = (caseName: string) => caseRows.through(caseName, findCaseRow(caseName))

  const findCaseRow = (caseName: string) =>
    Effect.gen(function* () {
      const rows = yield* query("read the case")(
        sql<
          CaseRow & { checksum: number | null }
        >`SELECT id, name, created_at, checksum FROM cases WHERE name = ${caseName}`
      )
      const row = rows[0]
      if (row !== undefined) return yield* caseOf(row)
      const known = yield* caseNames
      return yield* storeError(new CaseNotFound({ caseName, known: known.map((r) => r.name) }))
    })

  const headRow = (caseId: number) =>
    Effect.map(
      query("read the case's latest revision")(
        sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
          WHERE case_id = ${caseId} ORDER BY number DESC LIMIT 1`
      ),
      (rows) => rows[0]
    )

  /** The head revision's row, checked. */
  const headRowOf = (kase: CaseRow) =>
    headRows.through(
      kase.id,
      Effect.flatMap(headRow(kase.id), (row) =>
        row === undefined
          ? damaged(`case "${kase.name}" has no revisions`)
          : Effect.try({
              try: () => ({ info: revisionInfo(kase, row), row }),
              catch: (error) => error as StoreError
            })
      )
    )

  const headOf = (kase: CaseRow) => Effect.map(headRowOf(kase), ({ info }) => info)

  /** How many rows fit in one statement that also binds `fixed` other parameters. */
  const rowsPerStatement = (paramsPerRow: number, fixed = 0) =>
    Math.max(1, Math.min(500, Math.floor((backend.maxParameters - fixed) / paramsPerRow)))

  // `readBody` and `revisionInfo` throw a StoreError from inside synchronous loops; this turns it back into a failure.
  const bodiesChecked = <A, R>(effect: Effect.Effect<A, StoreError, R>) =>
    Effect.catchDefect(effect, (defect) =>
      defect instanceof StoreError ? Effect.fail(defect) : Effect.die(defect)
    )

  return {
    sql,
    backend,
    location,
    fail,
    query,
    now,
    findCase,
    caseOf,
    headRow,
    headRowOf,
    headOf,
    revisionInfo,
    sealOf,
    damaged,
    rowsPerStatement,
    readBody,
    bodiesChecked
  }
}

export type StoreContext = ReturnType<typeof makeContext>

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
import { CaseNotFound, Corrupt, StoreError, storeError, Unavailable } from "../errors.ts"
import type { RevisionInfo, WriteMeta } from "../store.ts"

export interface CaseRow {
  readonly id: number
  readonly name: string
  readonly created_at: string
}

/** A revision as its table holds it: what a reader is told of it, less the case it belongs to. */
export type RevisionRow = Omit<RevisionInfo, "caseName">

export interface VersionRow {
  readonly kind: string
  readonly id: string
  readonly ordinal: number
  readonly body: string
}

export const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`

export const revisionInfo = (caseName: string, row: RevisionRow): RevisionInfo => ({
  caseName,
  number: Number(row.number),
  parent: row.parent === null ? null : Number(row.parent),
  author: row.author,
  at: row.at,
  reason: row.reason,
  undoes: row.undoes === null ? null : Number(row.undoes)
})

export const describeItem = (kind: string, id: string) => `${kind} "${id}"`

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

  // Every read and write starts by finding its case: kept while the database does not change.
  const caseRows = changeMemo<string, CaseRow>(backend.changeMark)
  const heads = changeMemo<number, RevisionInfo>(backend.changeMark)

  const findCase = (caseName: string) => caseRows.through(caseName, findCaseRow(caseName))

  const findCaseRow = (caseName: string) =>
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
    heads.through(
      kase.id,
      Effect.flatMap(headRow(kase.id), (row) =>
        row === undefined
          ? storeError(new Corrupt({ location, details: `case "${kase.name}" has no revisions` }))
          : Effect.succeed(revisionInfo(kase.name, row))
      )
    )

  /** How many rows fit in one statement that also binds `fixed` other parameters. */
  const rowsPerStatement = (paramsPerRow: number, fixed = 0) =>
    Math.max(1, Math.min(500, Math.floor((backend.maxParameters - fixed) / paramsPerRow)))

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

  return {
    sql,
    backend,
    location,
    fail,
    query,
    now,
    findCase,
    headRow,
    headOf,
    rowsPerStatement,
    parseBody,
    bodiesChecked
  }
}

export type StoreContext = ReturnType<typeof makeContext>

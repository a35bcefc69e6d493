/**
 * An `effect/sql` client over Node 24's built-in `node:sqlite` (`DatabaseSync`).
 *
 * The registry's `@effect/sql-sqlite-node` for Effect 4 still imports the removed
 * `effect/unstable/*` paths, so this package carries its own small driver. It follows
 * the shape of `@effect/sql-d1`: one connection, prepared statements cached by SQL
 * text, and `SqlClient.makeSqliteAcquirers` to serialise access so that a transaction
 * (and its nested savepoints) owns the connection until it ends.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite"
import { Context, Effect, Layer, Scope, Semaphore, Stream } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import { classifySqliteError, SqlError } from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"

export const TypeId = "~@allegiance/store/SqliteNodeClient"

export interface SqliteNodeClientConfig {
  /** A file path, or ":memory:". */
  readonly filename: string
  readonly readonly?: boolean | undefined
  /** Milliseconds a statement waits for another connection's lock before failing. */
  readonly busyTimeout?: number | undefined
  /** Statement that opens a top-level transaction; "BEGIN IMMEDIATE" takes the write lock up front. */
  readonly beginTransaction?: string | undefined
  readonly prepareCacheSize?: number | undefined
  readonly spanAttributes?: Record<string, unknown> | undefined
  readonly transformResultNames?: ((str: string) => string) | undefined
  readonly transformQueryNames?: ((str: string) => string) | undefined
}

export interface SqliteNodeClient extends Client.SqlClient {
  readonly [TypeId]: typeof TypeId
  readonly config: SqliteNodeClientConfig
  /** The underlying handle, for work outside SQL such as `db.isTransaction` checks in tests. */
  readonly database: DatabaseSync
}

export const SqliteNodeClient = Context.Service<SqliteNodeClient>("@allegiance/store/SqliteNodeClient")

const sqlError = (cause: unknown, message: string, operation: string) => {
  // node:sqlite reports the SQLite result code as `errcode`; the shared classifier reads `errno`.
  if (typeof cause === "object" && cause !== null && "errcode" in cause && !("errno" in cause)) {
    Object.assign(cause, { errno: (cause as { errcode: unknown }).errcode })
  }
  return new SqlError({ reason: classifySqliteError(cause, { message, operation }) })
}

// node:sqlite binds only null, numbers, bigints, strings and bytes.
const toInput = (value: unknown): SQLInputValue => {
  if (value === undefined || value === null) return null
  if (typeof value === "boolean") return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  if (
    typeof value === "number" ||
    typeof value === "bigint" ||
    typeof value === "string" ||
    value instanceof Uint8Array
  ) {
    return value
  }
  return JSON.stringify(value)
}

const toInputs = (params: ReadonlyArray<unknown>): Array<SQLInputValue> => params.map(toInput)

/** A least-recently-used cache of prepared statements, keyed by SQL text and row shape. */
const makePrepareCache = (db: DatabaseSync, capacity: number) => {
  const entries = new Map<string, StatementSync>()
  return (sql: string, arrays: boolean): StatementSync => {
    const key = (arrays ? "a:" : "o:") + sql
    const hit = entries.get(key)
    if (hit !== undefined) {
      entries.delete(key)
      entries.set(key, hit)
      return hit
    }
    const prepared = db.prepare(sql)
    if (arrays) prepared.setReturnArrays(true)
    entries.set(key, prepared)
    if (entries.size > capacity) {
      const oldest = entries.keys().next()
      if (!oldest.done) entries.delete(oldest.value)
    }
    return prepared
  }
}

export const make = Effect.fnUntraced(function* (options: SqliteNodeClientConfig) {
  const compiler = Statement.makeCompilerSqlite(options.transformQueryNames)
  const transformRows = options.transformResultNames
    ? Statement.defaultTransforms(options.transformResultNames).array
    : undefined
  const spanAttributes: ReadonlyArray<readonly [string, unknown]> = [
    ...(options.spanAttributes ? Object.entries(options.spanAttributes) : []),
    ["db.system.name", "sqlite"]
  ]

  const db = yield* Effect.try({
    try: () =>
      new DatabaseSync(options.filename, {
        readOnly: options.readonly ?? false,
        timeout: options.busyTimeout ?? 5_000
      }),
    catch: (cause) => sqlError(cause, `Failed to open the database file ${options.filename}`, "connect")
  })
  yield* Scope.addFinalizer(
    yield* Effect.scope,
    Effect.sync(() => {
      if (db.isOpen) db.close()
    })
  )

  const prepared = makePrepareCache(db, options.prepareCacheSize ?? 200)

  const withSafeIntegers = <A>(statement: StatementSync, f: (s: StatementSync) => A) =>
    Effect.withFiber<A, SqlError>((fiber) => {
      const safe = fiber.getRef(Client.SafeIntegers)
      try {
        statement.setReadBigInts(safe)
        return Effect.succeed(f(statement))
      } catch (cause) {
        return Effect.fail(sqlError(cause, "Failed to execute statement", "execute"))
      }
    })

  const prepare = (sql: string, cached: boolean, arrays: boolean) =>
    Effect.try({
      try: () => {
        if (cached) return prepared(sql, arrays)
        const statement = db.prepare(sql)
        if (arrays) statement.setReturnArrays(true)
        return statement
      },
      catch: (cause) => sqlError(cause, "Failed to prepare statement", "prepare")
    })

  const runRows = (sql: string, params: ReadonlyArray<unknown>, cached: boolean) =>
    Effect.flatMap(prepare(sql, cached, false), (statement) =>
      withSafeIntegers(statement, (s) => s.all(...toInputs(params)) as ReadonlyArray<Record<string, unknown>>)
    )

  const runValues = (sql: string, params: ReadonlyArray<unknown>, cached: boolean) =>
    Effect.flatMap(prepare(sql, cached, true), (statement) =>
      withSafeIntegers(
        statement,
        (s) => s.all(...toInputs(params)) as unknown as ReadonlyArray<ReadonlyArray<unknown>>
      )
    )

  const connection: Connection = {
    execute(sql, params, transform) {
      const rows = runRows(sql, params, true)
      return transform ? Effect.map(rows, transform) : rows
    },
    executeRaw(sql, params) {
      return Effect.flatMap(prepare(sql, true, false), (statement) =>
        withSafeIntegers(statement, (s) => s.run(...toInputs(params)))
      )
    },
    executeValues(sql, params) {
      return runValues(sql, params, true)
    },
    executeValuesUnprepared(sql, params) {
      return runValues(sql, params, false)
    },
    executeUnprepared(sql, params, transform) {
      const rows = runRows(sql, params, false)
      return transform ? Effect.map(rows, transform) : rows
    },
    executeStream(sql, params, transform) {
      // A dedicated statement: iterating a cached one would be reset by the next query using it.
      return Stream.unwrap(
        Effect.map(prepare(sql, false, false), (statement) => {
          const iterator = statement.iterate(...toInputs(params)) as IterableIterator<Record<string, unknown>>
          const rows = Stream.fromIteratorSucceed(iterator, 256)
          return transform ? Stream.mapArray(rows, (chunk) => transform(chunk) as typeof chunk) : rows
        })
      )
    }
  }

  const semaphore = yield* Semaphore.make(1)
  const acquirers = Client.makeSqliteAcquirers({
    connection: Effect.succeed(connection),
    semaphore,
    isTransaction: () => db.isTransaction
  })

  const client = yield* Client.make({
    ...acquirers,
    compiler,
    driver: "sqlite",
    spanAttributes,
    transformRows,
    beginTransaction: options.beginTransaction
  })

  return Object.assign(client, {
    [TypeId]: TypeId as typeof TypeId,
    config: options,
    database: db
  }) as SqliteNodeClient
})

/** Provides both this client and the generic `SqlClient`. */
export const layer = (
  config: SqliteNodeClientConfig
): Layer.Layer<SqliteNodeClient | Client.SqlClient, SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) =>
      Context.make(SqliteNodeClient, client).pipe(Context.add(Client.SqlClient, client))
    )
  ).pipe(Layer.provide(Reactivity.layer))

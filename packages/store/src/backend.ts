/**
 * What differs between the databases the store runs on. Everything else (schema,
 * queries, history, conflicts) is shared: see `store.ts`.
 */
import { Context, Effect, type Layer } from "effect"
import { SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import type { Statement } from "effect/sql/Statement"

export interface AtomicOptions {
  /** Called between statements with how many have run; used to report progress of long imports. */
  readonly onProgress?: ((done: number, total: number) => Effect.Effect<void>) | undefined
  /**
   * Digests of the case as the write leaves it (see `store/digests.ts`), kept in the same transaction
   * as the new revision.
   */
  readonly digests?: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }> | undefined
}

export interface StoreBackendShape {
  /** Where the store lives, as an analyst would recognise it (a file path, "D1 database X"). */
  readonly location: string
  /** Most bound parameters one statement may carry. */
  readonly maxParameters: number
  /** Runs the statements so that either all of them take effect or none does. */
  readonly atomically: (
    statements: ReadonlyArray<Statement<unknown>>,
    options?: AtomicOptions
  ) => Effect.Effect<void, SqlError>
  /** Connection settings that must hold before the store is used (journal mode, foreign keys). */
  readonly configure: Effect.Effect<void, SqlError>
  /** A client for the migrator, which wraps its work in `withTransaction`. */
  readonly migrationClient: SqlClient.SqlClient
  /**
   * A mark that changes whenever the database may have changed, through this connection or any
   * other: while it stays the same, what was read stays true, and lookups made on every request (a
   * case's head, a token) can be answered from memory. Read synchronously, outside any query queue.
   * Absent where the database cannot tell cheaply (D1): there every lookup is a query.
   */
  readonly changeMark?: (() => string) | undefined
}

export class StoreBackend extends Context.Service<StoreBackend, StoreBackendShape>()(
  "@allegiance/store/StoreBackend"
) {}

/**
 * The backend for a SQLite connection that supports real transactions: atomic work is
 * one `withTransaction` (a savepoint when nested).
 */
export const transactionalBackend = (options: {
  readonly location: string
  readonly maxParameters: number
  readonly configure: Effect.Effect<void, SqlError>
  readonly changeMark?: (() => string) | undefined
}): Effect.Effect<StoreBackendShape, never, SqlClient.SqlClient> =>
  Effect.map(
    Effect.gen(function* () {
      return yield* SqlClient.SqlClient
    }),
    (sql): StoreBackendShape => ({
      location: options.location,
      maxParameters: options.maxParameters,
      configure: options.configure,
      migrationClient: sql,
      changeMark: options.changeMark,
      atomically: (statements, atomic) =>
        sql.withTransaction(
          Effect.gen(function* () {
            let done = 0
            for (const statement of statements) {
              yield* statement.raw
              done++
              if (atomic?.onProgress) yield* atomic.onProgress(done, statements.length)
            }
          })
        )
    })
  )

export type StoreBackendLayer<E, R> = Layer.Layer<StoreBackend | SqlClient.SqlClient, E, R>

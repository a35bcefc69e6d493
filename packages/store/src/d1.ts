/**
 * The store on Cloudflare D1, for the edge API. Same schema, same queries as the
 * SQLite file; what differs is how a write is made atomic. D1 refuses BEGIN and
 * SAVEPOINT, and instead runs a batch of statements as one transaction that rolls back
 * entirely when any statement fails, so each write is sent as one batch.
 */
import type { CaseDigestMaker } from "./case-digests.ts"
import * as D1Client from "@effect/sql-d1/D1Client"
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { Effect, Layer } from "effect"
import type { SqlClient } from "effect/sql"
import { StoreBackend } from "./backend.ts"
import type { StoreError } from "./errors.ts"
import { openedStore } from "./open.ts"
import type { ItemRulesShape, Store } from "./store.ts"

/** The D1 binding a Worker receives in its `env`. */
export type D1Database = D1Client.D1ClientConfig["db"]

export interface D1StoreOptions {
  readonly db: D1Database
  /** How messages name this database, e.g. "D1 database allegiance". */
  readonly location?: string | undefined
  readonly checkIntegrity?: boolean | undefined
  readonly onCreate?: Effect.Effect<void, StoreError, Store> | undefined
  /** What every write must keep true; by default the rules of an Allegiance case. */
  readonly rules?: ItemRulesShape | undefined
  /** The kinds of claim the store's cases hold: the built-in ones unless given (see `CaseKinds`). */
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
  /** How the digests kept with a case written whole are made (see `CaseDigests`); none unless given. */
  readonly digests?: ReadonlyArray<CaseDigestMaker> | undefined
}

// D1 accepts at most 100 bound parameters in one statement.
const d1MaxParameters = 100

/**
 * The migrator wraps its work in `withTransaction`, which D1 cannot do. Each migration
 * is idempotent DDL (`IF NOT EXISTS`), so on D1 it runs statement by statement.
 */
const withoutTransactions = (client: SqlClient.SqlClient): SqlClient.SqlClient => {
  const call = (...args: Array<unknown>) =>
    (client as unknown as (...args: Array<unknown>) => unknown)(...args)
  const wrapped = Object.assign(call, client, {
    withTransaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => effect
  }) as unknown as SqlClient.SqlClient
  return Object.assign(wrapped, { safe: wrapped })
}

/** D1 as a store backend: needs the `D1Client` (and `SqlClient`) from `@effect/sql-d1`. */
export const backendLayer = (location: string): Layer.Layer<StoreBackend, never, D1Client.D1Client> =>
  Layer.effect(
    StoreBackend,
    Effect.gen(function* () {
      const d1 = yield* D1Client.D1Client
      return StoreBackend.of({
        location,
        maxParameters: d1MaxParameters,
        // D1 keeps its own journal and enforces foreign keys; this only states the expectation.
        configure: Effect.asVoid(d1`PRAGMA foreign_keys = ON`),
        migrationClient: withoutTransactions(d1),
        atomically: (statements, options) =>
          Effect.gen(function* () {
            if (statements.length === 0) return
            yield* d1.batch(statements)
            if (options?.onProgress) yield* options.onProgress(statements.length, statements.length)
          })
      })
    })
  )

/** A store over the D1 database bound as `db`, migrated when needed. */
export const layer = (options: D1StoreOptions): Layer.Layer<Store, StoreError> => {
  const client = D1Client.layer({ db: options.db }).pipe(Layer.orDie)
  const base = backendLayer(options.location ?? "the D1 database").pipe(Layer.provideMerge(client))
  return openedStore({
    checkIntegrity: options.checkIntegrity,
    onCreate: options.onCreate,
    rules: options.rules,
    kinds: options.kinds,
    digests: options.digests
  }).pipe(Layer.provide(base))
}

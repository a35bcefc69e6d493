/**
 * The store in a single SQLite file, for the terminal UI, the CLI and local tools.
 * The file (and its folder) is created on first use and migrated; `onCreate` then
 * runs once, which is where the bundled seed case is loaded.
 */
import type { CaseDigestMaker } from "./case-digests.ts"
import { mkdirSync } from "node:fs"
import type { DatabaseSync, StatementSync } from "node:sqlite"
import { dirname, resolve } from "node:path"
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { Effect, Layer } from "effect"
import * as Reactivity from "effect/reactivity/Reactivity"
import { SqlClient } from "effect/sql"
import { StoreBackend, transactionalBackend } from "./backend.ts"
import { Corrupt, type StoreError, storeError, Unavailable } from "./errors.ts"
import { openedStore } from "./open.ts"
import * as SqliteNode from "./sqlite-node/client.ts"
import type { ItemRulesShape, Store } from "./store.ts"

export interface FileStoreOptions {
  readonly filename: string
  /** Run `PRAGMA quick_check` when opening (default true). */
  readonly checkIntegrity?: boolean | undefined
  /** Runs once, right after the store file was created. */
  readonly onCreate?: Effect.Effect<void, StoreError, Store> | undefined
  /** What every write must keep true; by default the rules of an Allegiance case. */
  readonly rules?: ItemRulesShape | undefined
  /** The kinds of claim the store's cases hold: the built-in ones unless given (see `CaseKinds`). */
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
  /** How the digests kept with a case written whole are made (see `CaseDigests`); none unless given. */
  readonly digests?: ReadonlyArray<CaseDigestMaker> | undefined
}

// SQLite's default limit on bound parameters per statement since 3.32.
const sqliteMaxParameters = 32_766

const configure = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // WAL keeps readers and one writer out of each other's way and survives a killed process.
  yield* sql`PRAGMA journal_mode = WAL`
  yield* sql`PRAGMA foreign_keys = ON`
  yield* sql`PRAGMA synchronous = FULL`
  // A large import grows the WAL; once checkpointed, give the space back beyond 64 MB.
  yield* sql`PRAGMA journal_size_limit = 67108864`
})

/**
 * What this connection changed (`total_changes()`, rows written through it, rolled back or not) and
 * whether another connection committed since (`data_version`, which moves only for those): together
 * they move whenever what this connection reads may have changed. Prepared when first asked, once the
 * store has found the file to be a database. Every request of the edge API reads it, so it is two
 * statements that return bare arrays: `PRAGMA data_version` costs a few microseconds, anything built
 * around it (a subquery, a row as an object) costs as much again.
 */
const changeMarkOf = (database: DatabaseSync) => {
  let own: StatementSync | undefined
  let others: StatementSync | undefined
  return () => {
    if (own === undefined || others === undefined) {
      own = database.prepare("SELECT total_changes()")
      own.setReturnArrays(true)
      others = database.prepare("PRAGMA data_version")
      others.setReturnArrays(true)
    }
    const changed = own.get() as unknown as [number]
    const committed = others.get() as unknown as [number]
    return `${changed[0]}:${committed[0]}`
  }
}

const backendLayer = (location: string) =>
  Layer.effect(
    StoreBackend,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      return yield* transactionalBackend({
        location,
        maxParameters: sqliteMaxParameters,
        configure: Effect.provideService(configure, SqlClient.SqlClient, sql),
        changeMark: changeMarkOf((sql as SqliteNode.SqliteNodeClient).database)
      })
    })
  )

/** The connection and backend for the SQLite file `filename` (its folder is created when missing). */
export const backend = (filename: string): Layer.Layer<SqlClient.SqlClient | StoreBackend, StoreError> => {
  const location = resolve(filename)
  const client = Layer.effect(
    SqlClient.SqlClient,
    SqliteNode.make({
      filename: location,
      // Take the write lock when a transaction starts, so two writers queue instead of deadlocking.
      beginTransaction: "BEGIN IMMEDIATE"
    }).pipe(
      Effect.mapError((error) => {
        const details = error.message
        return /not a database/i.test(details)
          ? storeError(new Corrupt({ location, details }))
          : storeError(new Unavailable({ location, operation: "be opened", details }))
      })
    )
  ).pipe(Layer.provide(Reactivity.layer))
  const folder = Layer.effectDiscard(
    Effect.try({
      try: () => mkdirSync(dirname(location), { recursive: true }),
      catch: (cause) =>
        storeError(new Unavailable({ location, operation: "get a folder", details: String(cause) }))
    })
  )
  return backendLayer(location).pipe(Layer.provideMerge(client), Layer.provide(folder))
}

/** A store over the SQLite file `filename`, created and migrated when needed. */
export const layer = (options: FileStoreOptions): Layer.Layer<Store, StoreError> =>
  openedStore({
    checkIntegrity: options.checkIntegrity,
    onCreate: options.onCreate,
    rules: options.rules,
    kinds: options.kinds,
    digests: options.digests
  }).pipe(Layer.provide(backend(options.filename)))

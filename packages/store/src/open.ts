/**
 * Getting a database ready to be a store: an integrity check, refusing a file that is
 * damaged, not a store, or written by a newer Allegiance (all before anything is written,
 * connection settings included), then the connection settings and the migrations that a
 * new or older store still needs.
 */
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import * as Migrator from "effect/sql/Migrator"
import type { SqlError } from "effect/sql/SqlError"
import { StoreBackend } from "./backend.ts"
import { Corrupt, NewerStore, type StoreError, storeError, Unavailable } from "./errors.ts"
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { builtInKinds } from "@allegiance/domain/claims/index"
import { type CaseDigestMaker, CaseDigests } from "./case-digests.ts"
import { CaseKinds } from "./case-kinds.ts"
import { caseRulesFor } from "./case-rules.ts"
import { ItemRules, type ItemRulesShape, layer as storeLayer, type Store } from "./store.ts"
import { latestSchemaVersion, migrations, migrationsTable } from "./schema/migrations.ts"

export interface PrepareOptions {
  /** Run `PRAGMA quick_check` first (default true). */
  readonly checkIntegrity?: boolean | undefined
}

export interface Prepared {
  /** True when this call created the store's tables: the store was new. */
  readonly created: boolean
}

// Tables a database may hold that are not ours to judge (SQLite's own, D1's bookkeeping).
const foreignTable = /^(sqlite_|_cf_|d1_)/

const describe = (error: SqlError) => {
  const cause = error.reason.cause as { message?: unknown } | undefined
  return typeof cause?.message === "string" ? cause.message : error.message
}

export const prepareStore = (
  options: PrepareOptions = {}
): Effect.Effect<Prepared, StoreError, SqlClient.SqlClient | StoreBackend> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const backend = yield* StoreBackend
    const location = backend.location
    const sqlFailure = (operation: string) => (error: SqlError) => {
      const details = describe(error)
      return /not a database|malformed|file is encrypted/i.test(details)
        ? storeError(new Corrupt({ location, details }))
        : storeError(new Unavailable({ location, operation, details }))
    }

    // Everything up to the migrations only reads: a file that is damaged, newer, or not a store at all
    // is refused before the connection settings (WAL among them) change anything in it.
    if (options.checkIntegrity ?? true) {
      const rows = yield* Effect.mapError(
        sql<{ quick_check: string }>`PRAGMA quick_check`,
        sqlFailure("be checked for damage")
      )
      const problems = rows.map((row) => String(Object.values(row)[0])).filter((line) => line !== "ok")
      if (problems.length > 0) {
        return yield* storeError(
          new Corrupt({ location, details: `integrity check: ${problems.slice(0, 5).join("; ")}` })
        )
      }
    }

    const tables = yield* Effect.mapError(
      sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`,
      sqlFailure("be read")
    )
    const names = tables.map((row) => row.name).filter((name) => !foreignTable.test(name))
    if (names.includes(migrationsTable)) {
      const versions = yield* Effect.mapError(
        sql<{ version: number | null }>`SELECT MAX(migration_id) AS version FROM ${sql(migrationsTable)}`,
        sqlFailure("be read")
      )
      const storeVersion = Number(versions[0]?.version ?? 0)
      if (storeVersion > latestSchemaVersion) {
        return yield* storeError(
          new NewerStore({ location, storeVersion, supportedVersion: latestSchemaVersion })
        )
      }
    } else if (names.length > 0) {
      return yield* storeError(
        new Corrupt({ location, details: `it holds other tables (${names.slice(0, 5).join(", ")})` })
      )
    }

    yield* Effect.mapError(backend.configure, sqlFailure("be opened"))

    const completed = yield* Migrator.make({})({
      loader: Migrator.fromRecord(migrations),
      table: migrationsTable
    }).pipe(
      Effect.provideService(SqlClient.SqlClient, backend.migrationClient),
      Effect.mapError((error) =>
        error._tag === "MigrationError"
          ? storeError(new Unavailable({ location, operation: "prepare its tables", details: error.message }))
          : sqlFailure("prepare its tables")(error)
      )
    )
    return { created: completed.some(([id]) => id === 1) }
  })

export interface OpenedStoreOptions extends PrepareOptions {
  /** Runs once, right after the store's tables were created: where a new store gets its seed case. */
  readonly onCreate?: Effect.Effect<void, StoreError, Store> | undefined
  /** What every write must keep true; by default the rules of an Allegiance case of `kinds`. */
  readonly rules?: ItemRulesShape | undefined
  /**
   * The kinds of claim the store's cases hold: the built-in ones unless given. What runs in the
   * layer (importing, loading, exporting its cases) reads them as `CaseKinds`.
   */
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
  /** How the digests kept with a case written whole are made (see `CaseDigests`); none unless given. */
  readonly digests?: ReadonlyArray<CaseDigestMaker> | undefined
}

/** The store over a backend, prepared (checked, migrated, seeded when new) before first use. */
export const openedStore = (
  options: OpenedStoreOptions = {}
): Layer.Layer<Store, StoreError, SqlClient.SqlClient | StoreBackend> => {
  const kinds = options.kinds ?? builtInKinds
  return Layer.effectDiscard(
    Effect.gen(function* () {
      const { created } = yield* prepareStore(options)
      if (created && options.onCreate !== undefined) yield* options.onCreate
    })
  ).pipe(
    Layer.provideMerge(storeLayer),
    Layer.provide(Layer.succeed(ItemRules, options.rules ?? caseRulesFor(kinds))),
    Layer.provideMerge(Layer.succeed(CaseKinds, kinds)),
    Layer.provideMerge(Layer.succeed(CaseDigests, options.digests ?? []))
  )
}

/**
 * The store's layout, as `effect/sql` migrations. Each entry runs once, in id
 * order; the highest id is the layout version that a store records and that
 * `open` compares against to refuse stores written by a newer Allegiance.
 *
 * The same statements run on SQLite files and on Cloudflare D1, so they keep to
 * what both accept (no PRAGMAs, no triggers that D1 would reject).
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { checksumsMigration } from "./checksums-migration.ts"
import { edgeApiTables } from "./edge-api.ts"

/** Name of the bookkeeping table the migrator keeps. */
export const migrationsTable = "allegiance_migrations"

const initial = [
  // A case is a named, independent body of evidence. `id` is internal and never reused.
  `CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  )`,
  // Every change to a case is a revision. Numbers are dense per case (parent = number - 1),
  // so inserting revision n + 1 succeeds only while n is the head: this primary key is
  // the guard that turns a stale concurrent write into a refused one.
  `CREATE TABLE IF NOT EXISTS revisions (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    parent INTEGER,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    undoes INTEGER,
    PRIMARY KEY (case_id, number),
    FOREIGN KEY (case_id, parent) REFERENCES revisions (case_id, number),
    CHECK ((number = 1 AND parent IS NULL) OR parent = number - 1)
  )`,
  // Temporal table of item versions: a version is valid from the revision that wrote it
  // until the revision that replaced or removed it (NULL while current). Rows are only
  // ever inserted and closed, never rewritten, so every earlier revision stays readable.
  `CREATE TABLE IF NOT EXISTS item_versions (
    case_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    body TEXT NOT NULL,
    valid_from INTEGER NOT NULL,
    valid_until INTEGER,
    PRIMARY KEY (case_id, kind, item_id, valid_from),
    FOREIGN KEY (case_id, valid_from) REFERENCES revisions (case_id, number),
    FOREIGN KEY (case_id, valid_until) REFERENCES revisions (case_id, number),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
  )`,
  // At most one current version per item; also the path for loading a case at its head
  // and for closing the versions a write replaces.
  `CREATE UNIQUE INDEX IF NOT EXISTS item_versions_current
    ON item_versions (case_id, kind, item_id) WHERE valid_until IS NULL`,
  `CREATE INDEX IF NOT EXISTS revisions_at ON revisions (case_id, at)`
]

const headInOrder = [
  // The current versions of a case in the order its items entered it, with their keys: loading
  // a case's head reads this index alone when the bodies are already known, and needs no sort.
  `CREATE INDEX IF NOT EXISTS item_versions_head_order
    ON item_versions (case_id, ordinal, kind, item_id, valid_from) WHERE valid_until IS NULL`
]

const digests = [
  // What a reader worked out from a case's items at a revision, kept under a name (see
  // `store/digests.ts`): the latest per case and name, with a checksum of its text.
  `CREATE TABLE IF NOT EXISTS case_digests (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    name TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body BLOB NOT NULL,
    checksum INTEGER NOT NULL,
    PRIMARY KEY (case_id, name),
    FOREIGN KEY (case_id, revision) REFERENCES revisions (case_id, number)
  )`,
  // The versions revisions closed, by the revision that closed them: what a digest's reader needs to
  // find the items removed since the digest's revision without reading every version of the case.
  `CREATE INDEX IF NOT EXISTS item_versions_closed
    ON item_versions (case_id, valid_until) WHERE valid_until IS NOT NULL`
]

const run = (statements: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    for (const statement of statements) yield* sql.unsafe(statement)
  })

export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "1_initial": run(initial),
  "2_head_in_order": run(headInOrder),
  "3_edge_api": run(edgeApiTables),
  "4_checksums": checksumsMigration,
  "5_digests": run(digests)
}

/** The newest layout this version of Allegiance reads and writes. */
export const latestSchemaVersion = 5

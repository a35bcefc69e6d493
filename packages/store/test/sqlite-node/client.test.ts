import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Array as Arr, Effect, Exit, Fiber, Layer, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll } from "vitest"
import * as SqliteNode from "../../src/sqlite-node/client.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-sqlite-node-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

let counter = 0
const freshFile = () => join(directory, `db-${++counter}.sqlite`)

const withClient = <A, E>(
  filename: string,
  body: (
    sql: SqlClient.SqlClient,
    client: SqliteNode.SqliteNodeClient
  ) => Effect.Effect<A, E, SqlClient.SqlClient>
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const client = yield* SqliteNode.SqliteNodeClient
    return yield* body(sql, client)
  }).pipe(Effect.provide(SqliteNode.layer({ filename })))

const setup = (sql: SqlClient.SqlClient) =>
  sql`CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, flag INTEGER, at TEXT)`

describe("node:sqlite SqlClient", () => {
  it.effect("runs parameterised queries and inserts many rows in one statement", () =>
    withClient(freshFile(), (sql) =>
      Effect.gen(function* () {
        yield* setup(sql)
        yield* sql`INSERT INTO items ${sql.insert([
          { id: 1, name: "one", flag: true, at: new Date("2015-01-08T00:00:00Z") },
          { id: 2, name: "two", flag: false, at: null }
        ])}`
        const rows = yield* sql<{ id: number; name: string; flag: number; at: string | null }>`
          SELECT id, name, flag, at FROM items WHERE id IN ${sql.in([1, 2])} ORDER BY id`
        assert.deepStrictEqual(
          rows.map((row) => ({ ...row })),
          [
            { id: 1, name: "one", flag: 1, at: "2015-01-08T00:00:00.000Z" },
            { id: 2, name: "two", flag: 0, at: null }
          ]
        )
        const values = yield* sql`SELECT name FROM items ORDER BY id`.values
        assert.deepStrictEqual(values, [["one"], ["two"]])
        const raw = (yield* sql`UPDATE items SET flag = 1`.raw) as { changes: number }
        assert.strictEqual(Number(raw.changes), 2)
      })
    )
  )

  it.effect("streams rows", () =>
    withClient(freshFile(), (sql) =>
      Effect.gen(function* () {
        yield* setup(sql)
        const many = Arr.makeBy(1000, (i) => ({ id: i + 1, name: `n${i}` }))
        yield* sql`INSERT INTO items ${sql.insert(many)}`
        const streamed = yield* sql<{ id: number }>`SELECT id FROM items ORDER BY id`.stream.pipe(
          Stream.runCollect
        )
        assert.strictEqual(streamed.length, 1000)
        assert.strictEqual(streamed[999]?.id, 1000)
      })
    )
  )

  it.effect("classifies a duplicate key as a unique violation", () =>
    withClient(freshFile(), (sql) =>
      Effect.gen(function* () {
        yield* setup(sql)
        yield* sql`INSERT INTO items (id, name) VALUES (1, 'a')`
        const error = yield* Effect.flip(sql`INSERT INTO items (id, name) VALUES (2, 'a')`)
        assert.strictEqual(error.reason._tag, "UniqueViolation")
      })
    )
  )

  it.effect("commits a transaction and rolls back a failed one", () =>
    withClient(freshFile(), (sql, client) =>
      Effect.gen(function* () {
        yield* setup(sql)
        yield* sql.withTransaction(sql`INSERT INTO items (id, name) VALUES (1, 'kept')`)
        const failed = yield* Effect.exit(
          sql.withTransaction(
            Effect.gen(function* () {
              yield* sql`INSERT INTO items (id, name) VALUES (2, 'dropped')`
              assert.isTrue(client.database.isTransaction)
              return yield* Effect.fail("boom")
            })
          )
        )
        assert.isTrue(Exit.isFailure(failed))
        assert.isFalse(client.database.isTransaction)
        const names = yield* sql<{ name: string }>`SELECT name FROM items ORDER BY id`
        assert.deepStrictEqual(
          names.map((r) => r.name),
          ["kept"]
        )
      })
    )
  )

  it.effect("nested transactions become savepoints: an inner failure undoes only the inner work", () =>
    withClient(freshFile(), (sql) =>
      Effect.gen(function* () {
        yield* setup(sql)
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* sql`INSERT INTO items (id, name) VALUES (1, 'outer')`
            yield* Effect.exit(
              sql.withTransaction(
                Effect.andThen(sql`INSERT INTO items (id, name) VALUES (2, 'inner')`, Effect.fail("inner"))
              )
            )
            yield* sql.withTransaction(sql`INSERT INTO items (id, name) VALUES (3, 'inner kept')`)
          })
        )
        const names = yield* sql<{ name: string }>`SELECT name FROM items ORDER BY id`
        assert.deepStrictEqual(
          names.map((r) => r.name),
          ["outer", "inner kept"]
        )
      })
    )
  )

  it.effect("an interrupted transaction is rolled back", () =>
    withClient(freshFile(), (sql, client) =>
      Effect.gen(function* () {
        yield* setup(sql)
        const fiber = yield* Effect.forkChild(
          sql.withTransaction(
            Effect.andThen(sql`INSERT INTO items (id, name) VALUES (1, 'never')`, Effect.never)
          )
        )
        yield* Effect.yieldNow
        yield* Effect.yieldNow
        yield* Fiber.interrupt(fiber)
        assert.isFalse(client.database.isTransaction)
        const count = yield* sql<{ n: number }>`SELECT count(*) AS n FROM items`
        assert.strictEqual(count[0]?.n, 0)
      })
    )
  )

  it.effect("reads integers as bigints when asked for safe integers", () =>
    withClient(freshFile(), (sql) =>
      Effect.gen(function* () {
        const big = yield* sql<{ v: bigint }>`SELECT 9007199254740993 AS v`.pipe(
          Effect.provideService(SqlClient.SafeIntegers, true)
        )
        assert.strictEqual(big[0]?.v, 9007199254740993n)
        const plain = yield* sql<{ v: number }>`SELECT 42 AS v`
        assert.strictEqual(plain[0]?.v, 42)
      })
    )
  )

  it.effect("keeps data in the file across connections", () => {
    const file = freshFile()
    return Effect.gen(function* () {
      yield* withClient(file, (sql) =>
        Effect.andThen(setup(sql), sql`INSERT INTO items (id, name) VALUES (1, 'durable')`)
      )
      const rows = yield* withClient(file, (sql) => sql<{ name: string }>`SELECT name FROM items`)
      assert.deepStrictEqual(
        rows.map((r) => r.name),
        ["durable"]
      )
    })
  })

  it.effect("fails with a connection error when the file cannot be opened", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(
        Layer.build(SqliteNode.layer({ filename: join(directory, "missing", "dir", "x.db") })).pipe(
          Effect.scoped
        )
      )
      assert.isTrue(Exit.isFailure(exit))
    })
  )
})

/** What a store file is like on disk, and how damage is met when opening it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { bundledCaseText } from "@allegiance/case-file"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { exportCaseText, importCaseText } from "../../src/case-file.ts"
import type { StoreError } from "../../src/errors.ts"
import * as FileStore from "../../src/node.ts"
import { latestSchemaVersion } from "../../src/schema/migrations.ts"
import { Store } from "../../src/store.ts"
import { smallCaseItems } from "../support/small-case.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-durability-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const open = (filename: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      return yield* (yield* Store).listCases
    }).pipe(Effect.provide(FileStore.layer({ filename })))
  )

const openError = (filename: string) =>
  Effect.runPromise(
    Effect.flip(
      Effect.gen(function* () {
        return yield* (yield* Store).listCases
      }).pipe(Effect.provide(FileStore.layer({ filename })))
    )
  ) as Promise<StoreError>

const items = smallCaseItems("big", 3000, (index) => `Group ${index} ${"x".repeat(200)}`)

describe("the store file", () => {
  it("is created with its folder, in WAL mode, with foreign keys enforced", async () => {
    const file = join(directory, "new", "nested", "allegiance.db")
    expect(await open(file)).toEqual([])
    const db = new DatabaseSync(file)
    expect(db.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" })
    expect(db.prepare("SELECT MAX(migration_id) AS v FROM allegiance_migrations").get()).toEqual({
      v: latestSchemaVersion
    })
    db.close()
  })

  it("refuses a file that is not a database, leaving it as it was", async () => {
    const file = join(directory, "notes.db")
    writeFileSync(file, "These are my notes, not a database.\n".repeat(200))
    const before = readFileSync(file)
    const error = await openError(file)
    expect(error.reason._tag).toBe("Corrupt")
    expect(error.message).toContain("is damaged or is not an Allegiance store")
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it("refuses a database of another program without changing a byte of it, its journal mode included", async () => {
    const file = join(directory, "other-program.db")
    const other = new DatabaseSync(file)
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone')")
    other.close()
    const before = readFileSync(file)
    const error = await openError(file)
    expect(error.reason._tag).toBe("Corrupt")
    expect(error.message).toContain("it holds other tables (contacts)")
    expect(readFileSync(file).equals(before)).toBe(true)
    const reopened = new DatabaseSync(file)
    expect(reopened.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "delete" })
    reopened.close()
  })

  it("refuses a store whose pages were damaged, found by the check at open", async () => {
    const file = join(directory, "damaged.db")
    await Effect.runPromise(
      Effect.gen(function* () {
        yield* (yield* Store).createCase("big", items, { author: "a", reason: "r" })
      }).pipe(Effect.provide(FileStore.layer({ filename: file })))
    )
    // Fold the WAL into the file, then overwrite the middle of it with garbage.
    const db = new DatabaseSync(file)
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    const bytes = readFileSync(file)
    const pageSize = 4096
    const middle = Math.floor(bytes.length / pageSize / 2) * pageSize
    bytes.fill(0x5a, middle + 8, middle + pageSize)
    writeFileSync(file, bytes)
    const error = await openError(file)
    expect(error.reason._tag).toBe("Corrupt")
    expect(error.message).toContain(file)
  })
  it("gives a store written before checksums its checksums when opened, and reads it as before", async () => {
    const file = join(directory, "before-checksums.db")
    const exportIt = Effect.map(exportCaseText("jai-syria-allegiance-2015"), (result) => result.text)
    const before = await Effect.runPromise(
      Effect.gen(function* () {
        yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
        return yield* exportIt
      }).pipe(Effect.provide(FileStore.layer({ filename: file })))
    )
    // The layout before checksums: their columns gone (and the digests, which came later), and the
    // store recorded at layout 3.
    const db = new DatabaseSync(file)
    db.exec("DROP TABLE case_digests")
    db.exec("DROP INDEX item_versions_closed")
    for (const [table, column] of [
      ["item_versions", "checksum"],
      ["revisions", "items_sum"],
      ["revisions", "checked"],
      ["revisions", "checksum"],
      ["cases", "checksum"]
    ])
      db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`)
    db.exec("DELETE FROM allegiance_migrations WHERE migration_id >= 4")
    db.close()
    const after = await Effect.runPromise(exportIt.pipe(Effect.provide(FileStore.layer({ filename: file }))))
    expect(after).toBe(before)
    const upgraded = new DatabaseSync(file)
    expect(upgraded.prepare("SELECT COUNT(*) AS n FROM item_versions WHERE checksum IS NULL").get()).toEqual({
      n: 0
    })
    // Its revisions were checked item by item only, when written: loading them checks the case whole.
    expect(upgraded.prepare("SELECT DISTINCT checked FROM revisions").all()).toEqual([{ checked: 0 }])
    upgraded.close()
  })

  it("takes a store written before digests as it is: no digest until a reader keeps one", async () => {
    const file = join(directory, "before-digests.db")
    const caseName = "jai-syria-allegiance-2015"
    const exportIt = Effect.map(exportCaseText(caseName), (result) => result.text)
    const before = await Effect.runPromise(
      Effect.gen(function* () {
        yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
        return yield* exportIt
      }).pipe(Effect.provide(FileStore.layer({ filename: file })))
    )
    // The layout before digests: their table and index gone, and the store recorded at layout 4.
    const db = new DatabaseSync(file)
    db.exec("DROP TABLE case_digests")
    db.exec("DROP INDEX item_versions_closed")
    db.exec("DELETE FROM allegiance_migrations WHERE migration_id = 5")
    db.close()
    const read = await Effect.runPromise(
      Effect.gen(function* () {
        const store = yield* Store
        const none = yield* store.digest(caseName, "lists", 10)
        yield* store.keepDigest(caseName, "lists", 1, Uint8Array.from([7]))
        const kept = yield* store.digest(caseName, "lists", 10)
        return { none, kept, text: yield* exportIt }
      }).pipe(Effect.provide(FileStore.layer({ filename: file })))
    )
    expect(read.text).toBe(before)
    expect(read.none._tag).toBe("None")
    expect(
      read.kept._tag === "Some" && [read.kept.value.revision, Array.from(read.kept.value.bytes)]
    ).toEqual([1, [7]])
    const upgraded = new DatabaseSync(file)
    expect(
      upgraded.prepare("SELECT name FROM sqlite_master WHERE name = 'item_versions_closed'").all()
    ).toEqual([{ name: "item_versions_closed" }])
    upgraded.close()
  })
})

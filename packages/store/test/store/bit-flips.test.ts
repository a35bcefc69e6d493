/**
 * A store file in which one bit has flipped (a failing disk, a bad copy) either reads as it did, or is
 * refused with a message for the analyst: never an export that differs without a word. SQLite's check at
 * open finds damage to its pages' structure; the store's checksums find damage to what the rows say.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { bundledCaseText } from "@allegiance/case-file"
import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportCaseText, importCaseText, loadCaseFile } from "../../src/case-file.ts"
import { StoreError } from "../../src/errors.ts"
import * as FileStore from "../../src/node.ts"
import { Store } from "../../src/store.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-bit-flips-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
const seedName = "jai-syria-allegiance-2015"
const pristine = join(directory, "pristine.db")
let exported = ""
let bytes: Buffer = Buffer.alloc(0)

const exportOf = (file: string) =>
  Effect.runPromiseExit(
    Effect.map(exportCaseText(seedName), (result) => result.text).pipe(
      Effect.provide(FileStore.layer({ filename: file }))
    )
  )

beforeAll(async () => {
  await Effect.runPromise(
    Effect.gen(function* () {
      yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
      // Two more revisions, so that the file holds closed versions and several revisions' seals.
      const { caseFile, revision } = yield* loadCaseFile(seedName)
      const store = yield* Store
      const first = caseFile.statements[0]!
      const stored = yield* store.getItem(seedName, "statements", first.id)
      if (stored._tag === "None") throw new Error("the seed case should hold its first statement")
      const edited = yield* store.commit(
        seedName,
        revision.number,
        [
          {
            kind: "statements",
            id: first.id,
            body: { ...(stored.value.body as object), excerpt: "edited once" }
          }
        ],
        { author: "a", reason: "first edit" }
      )
      yield* store.commit(
        seedName,
        edited.revision.number,
        [
          {
            kind: "statements",
            id: first.id,
            body: { ...(stored.value.body as object), excerpt: "edited twice" }
          }
        ],
        { author: "b", reason: "second edit" }
      )
    }).pipe(Effect.provide(FileStore.layer({ filename: pristine })))
  )
  // Everything in the main file, nothing left in the write-ahead log, so that a copy of it is the store.
  const db = new DatabaseSync(pristine)
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
  db.close()
  bytes = readFileSync(pristine)
  const baseline = await exportOf(pristine)
  if (Exit.isFailure(baseline)) throw new Error(Cause.pretty(baseline.cause))
  exported = baseline.value
})

let counter = 0
/** Export from a copy of the store with one bit flipped: the same text, or the store's own refusal. */
const flipped = async (bit: number) => {
  const file = join(directory, `flipped-${++counter}.db`)
  const copy = Buffer.from(bytes)
  copy[bit >> 3]! ^= 1 << (bit & 7)
  writeFileSync(file, copy)
  const exit = await exportOf(file)
  rmSync(file, { force: true })
  rmSync(`${file}-wal`, { force: true })
  rmSync(`${file}-shm`, { force: true })
  if (Exit.isSuccess(exit)) {
    expect(exit.value, `bit ${bit} changed the export without a word`).toBe(exported)
    return "same"
  }
  const failure = Cause.squash(exit.cause)
  expect(failure, `bit ${bit}: ${Cause.pretty(exit.cause)}`).toBeInstanceOf(StoreError)
  const message = (failure as StoreError).message
  expect(message).toMatch(/The store at .* (is damaged|could not)/)
  expect(message).not.toMatch(/SyntaxError|TypeError|SchemaError|\bat .*\.(ts|js):\d+/)
  return "refused"
}

/**
 * Where a text is in the store file: in the row that holds it, and wherever SQLite left a copy of it
 * (a page freed by a later write keeps its old bytes).
 */
const placesOf = (text: string): ReadonlyArray<number> => {
  const needle = Buffer.from(text, "utf8")
  const places: Array<number> = []
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) places.push(at)
  if (places.length === 0) throw new Error(`"${text}" is not in the store file`)
  return places
}

describe("a store file with one bit flipped", () => {
  it("exports the same text or is refused in words, for flips anywhere in the file", async () => {
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), async (bit) => {
        seen.add(await flipped(bit))
      }),
      { numRuns: 40, seed: 7 }
    )
    // Flips land in rows as well as in free space: both outcomes are met.
    expect([...seen].sort()).toEqual(["refused", "same"])
  })

  it("is refused for any flip inside an item's text or a revision's reason, where the export reads it", async () => {
    for (const text of ["following the example of their brothers", "edited twice", "second edit"])
      for (let bit = 0; bit < 8; bit++) {
        // The copy the export reads is refused; a stale copy on a freed page changes nothing.
        const results = []
        for (const place of placesOf(text)) results.push(await flipped((place + 3) * 8 + bit))
        expect(results, `${text}, bit ${bit}`).toContain("refused")
      }
  })
})

/**
 * Loading for evaluation reads the store's own bodies without Schema's checks; what it builds
 * must be exactly what decoding the same stored JSON builds.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { generateCaseInput } from "@allegiance/case-generator"
import { PrintedDate } from "@allegiance/domain/calendar/printed-date"
import { CaseFile, Claim, itemSections } from "@allegiance/domain/model/index"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import { afterAll, expect } from "vitest"
import { importCaseText, loadCaseFile } from "../../src/case-file.ts"
import { caseFileFromItems } from "../../src/case-items.ts"
import * as FileStore from "../../src/node.ts"
import { type StoredItem, Store } from "../../src/store.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-trusted-items-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
let counter = 0
const freshStore = () => FileStore.layer({ filename: join(directory, `store-${++counter}`, "allegiance.db") })

/** The stored bodies of a case as one case file's JSON, decoded by Schema: the reference. */
const decodedFromBodies = (items: ReadonlyArray<StoredItem>): CaseFile => {
  const json: Record<string, unknown> = Object.fromEntries(itemSections.map((section) => [section, []]))
  for (const item of items) {
    if (item.kind === "case") json.case = item.body
    else (json[item.kind] as Array<unknown>).push(item.body)
  }
  return Schema.decodeUnknownSync(CaseFile)(json)
}

/**
 * A value as a tree that says each object's class and its fields in order, so that two
 * values compare equal only when they are built alike, not merely when they hold the same.
 */
const shape = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shape)
  if (typeof value !== "object" || value === null) return value
  return {
    class: (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name,
    fields: Object.entries(value).map(([key, field]) => [key, shape(field)])
  }
}

/** The case as the store loads it for evaluation, and as decoding its stored JSON reads it. */
const bothReadings = (caseName: string) =>
  Effect.gen(function* () {
    const store = yield* Store
    const stored = yield* store.load(caseName)
    const loaded = (yield* loadCaseFile(caseName)).caseFile
    return { loaded, decoded: decodedFromBodies(stored.items), stored }
  })

const assertBuiltAlike = (loaded: CaseFile, decoded: CaseFile) => {
  assert.instanceOf(loaded, CaseFile)
  expect(loaded).toStrictEqual(decoded)
  expect(shape(loaded)).toEqual(shape(decoded))
}

const allClaimKinds = Claim.members.map(
  (member) => (member.fields.kind as unknown as { literal: string }).literal
)

describe("loading a case for evaluation without checking it again", () => {
  it.effect("builds the bundled seed case exactly as decoding its stored JSON does", () =>
    Effect.gen(function* () {
      const imported = yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
      const { loaded, decoded } = yield* bothReadings(imported.caseName)
      assert.isAbove(loaded.statements.length, 3)
      assert.isAbove(loaded.claims.length, 3)
      assertBuiltAlike(loaded, decoded)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("builds a generated case with every kind of claim exactly as decoding does, dates included", () =>
    Effect.gen(function* () {
      const input = generateCaseInput({ statements: 2_000, seed: 11 })
      yield* importCaseText({ text: JSON.stringify(input), fileName: "g.json", author: "a", caseName: "g" })
      const { loaded, decoded } = yield* bothReadings("g")
      assert.deepStrictEqual(
        new Set(loaded.claims.map((claim) => claim.kind)),
        new Set(allClaimKinds),
        "the case should hold claims of every kind"
      )
      const observed = loaded.statements.map((statement) => statement.observed)
      assert.isTrue(observed.every((date) => date instanceof PrintedDate))
      assert.isAbove(new Set(observed.map((date) => date.precision)).size, 1)
      assertBuiltAlike(loaded, decoded)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("builds items saved in the longer forms a writer may use, defaults left out, alike", () =>
    Effect.gen(function* () {
      const store = yield* Store
      const input = generateCaseInput({ statements: 20, seed: 4 })
      yield* importCaseText({ text: JSON.stringify(input), fileName: "g.json", author: "a", caseName: "g" })
      const head = yield* store.head("g")
      const statement = input.statements![0]!
      const { printedDates: _dates, media: _media, ...bare } = statement as Record<string, unknown>
      const claimed = input.claims!.find((claim) => claim.madeBy && "statement" in claim.madeBy)!
      yield* store.commit(
        "g",
        head.number,
        [
          // A bare year, as YAML reads `2015`, and a date the analyst dated by hand, with a note.
          { kind: "statements", id: statement.id, body: { ...bare, observed: 2015 } },
          {
            kind: "claims",
            id: "cl-disowned",
            body: {
              id: "cl-disowned",
              kind: "disowning",
              scope: claimed.scope,
              madeBy: claimed.madeBy,
              since: {
                text: "by the end of August 2014",
                start: "2014-08-20",
                end: "2014-08-31",
                precision: "approximate",
                note: "the statement says only 'by the end of August'"
              },
              cites: [{ paragraph: 2 }]
            }
          }
        ],
        { author: "a", reason: "longer forms" }
      )
      const { loaded, decoded } = yield* bothReadings("g")
      const disowning = loaded.claims.find((claim) => claim.id === "cl-disowned")
      assert.strictEqual(disowning?.kind === "disowning" && disowning.otherChannels, false)
      assert.strictEqual(loaded.statements.find((s) => s.id === statement.id)?.observed.precision, "year")
      assertBuiltAlike(loaded, decoded)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("a body lacking what its kind requires is decoded to say what is wrong", () =>
    Effect.gen(function* () {
      const store = yield* Store
      yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a", caseName: "s" })
      const { items } = yield* store.load("s")
      const damaged = items.map((item) => {
        if (item.kind !== "statements") return item
        const { observed: _observed, ...rest } = item.body as Record<string, unknown>
        return { ...item, body: rest }
      })
      const read = caseFileFromItems(damaged)
      assert.isTrue(Result.isFailure(read))
      if (Result.isFailure(read)) assert.match(read.failure[0]!, /^statements "[^"]+": observed: Missing key/)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("the comparison itself tells a plain object from a model class", () =>
    Effect.gen(function* () {
      const imported = yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
      const { loaded, decoded } = yield* bothReadings(imported.caseName)
      const first = loaded.statements[0]!
      const plain = { ...loaded, statements: [{ ...first }, ...loaded.statements.slice(1)] }
      assert.notDeepEqual(shape(plain), shape(decoded))
    }).pipe(Effect.provide(freshStore()))
  )
})

/**
 * Loading for evaluation reads the store's bodies with the decoders compiled from the model, not with
 * Schema; what it builds must be exactly what decoding the same stored JSON builds, and whatever a
 * stored row brings (days, numbers, identifiers, kinds, references) is checked as it enters.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { bundledCaseText } from "@allegiance/case-file"
import { generateCaseInput } from "@allegiance/case-generator"
import { PrintedDate } from "@allegiance/domain/calendar/printed-date"
import { CaseFile, Claim, itemSections } from "@allegiance/domain/model/index"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { afterAll, expect } from "vitest"
import { exportCaseText, importCaseText, loadCaseFile } from "../../src/case-file.ts"
import { caseFileFromItems } from "../../src/case-items.ts"
import type { StoreError } from "../../src/errors.ts"
import * as FileStore from "../../src/node.ts"
import { type StoredItem, Store } from "../../src/store.ts"
import { removeStoredItem, rewriteStoredItem } from "../support/tamper.ts"

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

describe("loading a case for evaluation with the model's compiled decoders", () => {
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
      if (Result.isFailure(read))
        assert.match(read.failure[0]!, /^statement "[^"]+": observed: This field is required but missing$/)
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

/** A store file holding the seed case, made once, copied for each test that damages it. */
const pristine = join(directory, "pristine", "allegiance.db")
const seedName = "jai-syria-allegiance-2015"
const pristineReady = Effect.runPromise(
  Effect.gen(function* () {
    yield* importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "a" })
    return (yield* exportCaseText(seedName)).text
  }).pipe(Effect.provide(FileStore.layer({ filename: pristine })))
)
const damagedCopy = () => {
  const file = join(directory, `damaged-${++counter}.db`)
  copyFileSync(pristine, file)
  return file
}
/** What the store says, loading and exporting the case: its error, or what it gave. */
const readsOf = (file: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const load = yield* Effect.result(loadCaseFile(seedName))
      const exported = yield* Effect.result(exportCaseText(seedName))
      return { load, exported }
    }).pipe(Effect.provide(FileStore.layer({ filename: file })))
  )
const failureOf = (result: Result.Result<unknown, StoreError>): StoreError => {
  if (Result.isSuccess(result)) throw new Error("expected the store to refuse the damaged case")
  return result.failure
}
/** What no message for an analyst holds: a JavaScript error's name, a stack frame, a Schema internal. */
const internals = /SyntaxError|TypeError|SchemaError|Error:|\bat .*\.(ts|js):\d+|undefined|Expected \{/

describe("what a stored row brings is checked where it enters", () => {
  /** Ways a stored item can hold what the model refuses, each with the field the store must name. */
  const spoils: ReadonlyArray<{
    readonly kind: string
    readonly field: string
    readonly spoil: (body: Record<string, unknown>, value: unknown) => unknown
    readonly values: fc.Arbitrary<unknown>
  }> = [
    {
      kind: "statements",
      field: "observed",
      spoil: (body, day) => ({
        ...body,
        observed: { text: "by the end of the month", start: day, end: "2099-12-31", precision: "approximate" }
      }),
      values: fc.constantFrom("2015-13-45", "2015-02-29", "2015-04-31", "2015-00-10", "1999-1-1", 20150101)
    },
    {
      kind: "actors",
      field: "cites",
      spoil: (body, paragraph) => ({ ...body, cites: [{ paragraph }] }),
      values: fc.constantFrom(0, -3, 1.5, 2 ** 60 + 0.5, "7", null)
    },
    {
      kind: "claims",
      field: "kind",
      spoil: (body, kind) => ({ ...body, kind }),
      values: fc.constantFrom("pledg", "", 7, null)
    },
    {
      kind: "channels",
      field: "speaksFor",
      spoil: (body, id) => ({ ...body, speaksFor: id }),
      values: fc.constantFrom("Not An Id", "", 12)
    },
    {
      kind: "observations",
      field: "credibility",
      spoil: (body, credibility) => ({ ...body, credibility }),
      values: fc.constantFrom(0, 6, 2.5, "certain")
    }
  ]

  it("refuses, naming the item and the field, a stored value the model does not allow, and leaves the file as it was", async () => {
    await pristineReady
    const stored = await Effect.runPromise(
      Effect.gen(function* () {
        return (yield* (yield* Store).load(seedName)).items
      }).pipe(Effect.provide(FileStore.layer({ filename: pristine })))
    )
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...spoils)
          .chain((spoil) =>
            fc.tuple(
              fc.constant(spoil),
              spoil.values,
              fc.constantFrom(...stored.filter((item) => item.kind === spoil.kind))
            )
          ),
        async ([spoil, value, item]) => {
          const file = damagedCopy()
          rewriteStoredItem(file, spoil.kind, item.id, (body) => spoil.spoil(body, value))
          const before = readFileSync(file)
          const { load, exported } = await readsOf(file)
          for (const error of [failureOf(load), failureOf(exported)]) {
            expect(error.reason._tag).toBe("Corrupt")
            expect(error.message).toContain(`${spoil.kind.replace(/s$/, "")} "${item.id}": ${spoil.field}`)
            expect(error.message).not.toMatch(internals)
          }
          expect(readFileSync(file).equals(before), "the store file is byte for byte as it was").toBe(true)
        }
      ),
      { numRuns: 20, seed: 12 }
    )
  })

  it("reports a stored item whose reference names nothing, in a case not checked whole when it was written", async () => {
    await pristineReady
    const file = damagedCopy()
    // The case's parent actor is gone; the items that name it remain, as in a store written before checks.
    removeStoredItem(file, "actors", "jai-iraq", { checked: 0 })
    const { load, exported } = await readsOf(file)
    for (const error of [failureOf(load), failureOf(exported)]) {
      expect(error.reason._tag).toBe("Corrupt")
      expect(error.message).toMatch(/statement "[^"]+": issuer\.actor: "jai-iraq" names nothing in this case/)
      expect(error.message).not.toMatch(internals)
    }
  })

  it("reports an item changed or removed outside Allegiance, whatever the case was checked as", async () => {
    const original = await pristineReady
    for (const tamper of [
      (file: string) => {
        const db = new DatabaseSync(file)
        db.prepare("DELETE FROM item_versions WHERE kind = 'actors' AND item_id = 'jai-iraq'").run()
        db.close()
      },
      (file: string) => {
        const db = new DatabaseSync(file)
        db.prepare(
          "UPDATE item_versions SET body = replace(body, 'JAI Iraq', 'JAI Irak') WHERE kind = 'actors' AND item_id = 'jai-iraq'"
        ).run()
        db.close()
      }
    ]) {
      const file = damagedCopy()
      tamper(file)
      const { load, exported } = await readsOf(file)
      for (const error of [failureOf(load), failureOf(exported)]) {
        expect(error.reason._tag).toBe("Corrupt")
        expect(error.message).toMatch(/outside Allegiance/)
      }
    }
    expect(original).toContain("jai-iraq")
  })
})

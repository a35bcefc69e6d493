/** Case files in and out of a store file: import, export, re-import, the seed case. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText, readCaseText, writeCaseYaml } from "@allegiance/case-file"
import { exportHeader } from "@allegiance/case-file/export-header"
import { generateCaseInput } from "@allegiance/case-generator"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import { afterAll } from "vitest"
import {
  exportCaseText,
  importCaseText,
  loadCaseFile,
  parseCaseFile,
  seedBundledCase
} from "../../src/case-file.ts"
import type { StoreError } from "../../src/errors.ts"
import * as FileStore from "../../src/node.ts"
import { Store } from "../../src/store.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-case-file-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
let counter = 0
const freshStore = () => FileStore.layer({ filename: join(directory, `store-${++counter}`, "allegiance.db") })

const seedText = bundledCaseText()
const seedId = "jai-syria-allegiance-2015"

const reasonOf = (effect: Effect.Effect<unknown, StoreError, Store>) =>
  Effect.map(Effect.flip(effect), (error) => error)

describe("case files in the store", () => {
  it.effect("export, import into another store, export again: the same bytes", () =>
    Effect.gen(function* () {
      const first = yield* Effect.gen(function* () {
        yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "analyst" })
        return (yield* exportCaseText(seedId)).text
      }).pipe(Effect.provide(freshStore()))
      const second = yield* Effect.gen(function* () {
        yield* importCaseText({ text: first, fileName: "exported.yaml", author: "analyst" })
        return (yield* exportCaseText(seedId)).text
      }).pipe(Effect.provide(freshStore()))
      assert.strictEqual(second, first)
      assert.include(first, "id: jai-syria-allegiance-2015")
    })
  )

  it.effect("a generated case written as JSON round-trips the same way", () =>
    Effect.gen(function* () {
      const json = JSON.stringify(generateCaseInput({ statements: 300, seed: 7 }))
      const first = yield* Effect.gen(function* () {
        const imported = yield* importCaseText({
          text: json,
          fileName: "generated.json",
          author: "a",
          caseName: "gen"
        })
        assert.isTrue(imported.created)
        return (yield* exportCaseText("gen")).text
      }).pipe(Effect.provide(freshStore()))
      const second = yield* Effect.gen(function* () {
        yield* importCaseText({ text: first, fileName: "gen.yaml", author: "a" })
        return (yield* exportCaseText("gen")).text
      }).pipe(Effect.provide(freshStore()))
      assert.strictEqual(second, first)
    })
  )

  it.effect("a large JSON file is stored as the case it reads to, and a problem in one is located", () =>
    Effect.gen(function* () {
      const input = generateCaseInput({ statements: 2_000, seed: 5 })
      const text = JSON.stringify(input)
      assert.isAbove(text.length, 1_000_000)
      const read = readCaseText(text, "large.json")
      if (Result.isFailure(read)) throw new Error("the generated case should be valid")
      const imported = yield* importCaseText({ text, fileName: "large.json", author: "a" })
      const exported = yield* exportCaseText(imported.caseName)
      assert.strictEqual(
        exported.text,
        exportHeader({ caseName: imported.caseName, revision: 1 }) + writeCaseYaml(read.success)
      )
      const actors = input.actors ?? []
      const broken = JSON.stringify({
        ...input,
        actors: [{ ...actors[0], parent: "ghost" }, ...actors.slice(1)]
      })
      const error = yield* Effect.flip(parseCaseFile(broken, "large.json"))
      assert.strictEqual(error.reason._tag, "InvalidCaseFile")
      assert.match(error.message, /large\.json:\d+:\d+: actors\[0\]\.parent: "ghost" names nothing/)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("an invalid file is refused whole, with located problems, and changes nothing", () =>
    Effect.gen(function* () {
      const store = yield* Store
      yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "analyst" })
      const before = yield* store.revisions(seedId)
      const broken = seedText.replace("parent: jai\n", "parent: jai-typo\n")
      const error = yield* reasonOf(
        importCaseText({ text: broken, fileName: "edited.yaml", author: "analyst" })
      )
      assert.strictEqual(error.reason._tag, "InvalidCaseFile")
      assert.match(error.message, /edited\.yaml:\d+:\d+: actors\[\d+\]\.parent: "jai-typo" names nothing/)
      assert.include(error.message, "nothing was imported")
      assert.deepStrictEqual(yield* store.revisions(seedId), before)
      const notYaml = yield* reasonOf(
        importCaseText({ text: "case: [unclosed", fileName: "x.yaml", author: "a" })
      )
      assert.strictEqual(notYaml.reason._tag, "InvalidCaseFile")
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("--case stores the case under another name, and export says so", () =>
    Effect.gen(function* () {
      const store = yield* Store
      yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "a" })
      const copy = yield* importCaseText({
        text: seedText,
        fileName: "seed.yaml",
        author: "a",
        caseName: "jai-copy"
      })
      assert.strictEqual(copy.caseName, "jai-copy")
      assert.deepStrictEqual(
        (yield* store.listCases).map((c) => c.name),
        ["jai-copy", seedId]
      )
      assert.include((yield* exportCaseText("jai-copy")).text, "id: jai-copy\n")
      const bad = yield* reasonOf(
        importCaseText({ text: seedText, fileName: "s.yaml", author: "a", caseName: "Bad Name" })
      )
      assert.include(bad.message, '"Bad Name" cannot name a case')
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("re-importing an edited file records a revision with only what changed", () =>
    Effect.gen(function* () {
      const store = yield* Store
      yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "a" })
      const exported = (yield* exportCaseText(seedId)).text
      const same = yield* importCaseText({ text: exported, fileName: "same.yaml", author: "b" })
      assert.strictEqual(same.result.revision.number, 1)
      assert.isFalse(same.created)
      const edited = exported.replace(
        "description: A jihadi group that originated in Iraq",
        "description: A Salafi jihadi group that originated in Iraq"
      )
      assert.notStrictEqual(edited, exported)
      const result = yield* importCaseText({
        text: edited,
        fileName: "edited.yaml",
        author: "b",
        reason: "wording"
      })
      assert.deepStrictEqual(
        [result.result.revision.number, result.result.added, result.result.changed, result.result.removed],
        [2, 0, 1, 0]
      )
      const changes = yield* store.changes(seedId, 2)
      assert.deepStrictEqual(
        changes.map((c) => `${c.kind}/${c.id}`),
        ["actors/jai"]
      )
      const stale = yield* reasonOf(
        importCaseText({ text: exported, fileName: "old.yaml", author: "c", basedOn: 1 })
      )
      assert.strictEqual(stale.reason._tag, "Conflict")
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect(
    "an exported file is saved on the revision it was exported from: a stale one is refused, not lost",
    () =>
      Effect.gen(function* () {
        const store = yield* Store
        yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "a" })
        const exported = (yield* exportCaseText(seedId)).text
        assert.match(
          exported,
          /^# Exported from case "jai-syria-allegiance-2015" at revision 1 of the store\./
        )
        // Two analysts edit the same export; neither says which revision it was edited on.
        const retitled = exported.replace(/^ {2}title: .*$/m, "  title: First analyst's title")
        const summarised = exported.replace(/^ {2}title: .*$/m, "  title: Second analyst's title")
        const first = yield* importCaseText({ text: retitled, fileName: "first.yaml", author: "first" })
        assert.deepStrictEqual(first.basedOn, { revision: 1, from: "file" })
        assert.strictEqual(first.result.revision.number, 2)
        const second = yield* Effect.flip(
          importCaseText({ text: summarised, fileName: "second.yaml", author: "second" })
        )
        assert.strictEqual(second.reason._tag, "Conflict")
        assert.include(second.message, "based on revision 1")
        assert.include(second.message, "saved by first")
        assert.strictEqual((yield* store.head(seedId)).number, 2)
        assert.strictEqual((yield* loadCaseFile(seedId)).caseFile.case.title, "First analyst's title")
        // Told which revision to replace, the second edit is saved on it.
        const replaced = yield* importCaseText({
          text: summarised,
          fileName: "second.yaml",
          author: "second",
          basedOn: 2
        })
        assert.deepStrictEqual(replaced.basedOn, { revision: 2, from: "given" })
        // Export, import, export gives the same bytes, header and all.
        const again = (yield* exportCaseText(seedId)).text
        const reimported = yield* importCaseText({ text: again, fileName: "again.yaml", author: "a" })
        assert.strictEqual(reimported.result.revision.number, 3)
        assert.strictEqual((yield* exportCaseText(seedId)).text, again)
      }).pipe(Effect.provide(freshStore()))
  )

  it.effect("a base the case never had is said to be one, not taken for a change since", () =>
    Effect.gen(function* () {
      yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "a" })
      for (const basedOn of [0, 2, 99]) {
        const error = yield* Effect.flip(
          importCaseText({ text: seedText, fileName: "seed.yaml", author: "a", basedOn })
        )
        assert.strictEqual(error.reason._tag, "RevisionNotFound")
        assert.include(error.message, `has no revision ${basedOn}: its revisions run from 1 to 1`)
        assert.notInclude(error.message, "changed since")
      }
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("an item written in a longer but equivalent form is not a change", () =>
    Effect.gen(function* () {
      const input = generateCaseInput({ statements: 50, seed: 3 })
      const json = JSON.stringify(input)
      yield* importCaseText({ text: json, fileName: "g.json", author: "a", caseName: "g" })
      // The canonical export writes dates in their shortest form; the generator spells them out.
      const exported = (yield* exportCaseText("g")).text
      const again = yield* importCaseText({ text: exported, fileName: "g.yaml", author: "a" })
      assert.strictEqual(again.result.revision.number, 1)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("loads the case for evaluation as the store holds it, at a revision, or at a moment", () =>
    Effect.gen(function* () {
      yield* importCaseText({
        text: seedText,
        fileName: "seed.yaml",
        author: "a",
        at: new Date("2015-01-09T10:00:00Z")
      })
      const head = yield* loadCaseFile(seedId)
      assert.strictEqual(head.caseFile.case.id, seedId)
      assert.isAbove(head.caseFile.statements.length, 3)
      assert.strictEqual(yield* loadCaseFile(seedId), head, "unchanged head comes from the cache")
      const retitled = seedText.replace(/^ {2}title: .*$/m, "  title: Retitled")
      yield* importCaseText({
        text: retitled,
        fileName: "retitled.yaml",
        author: "a",
        at: new Date("2015-02-01T10:00:00Z")
      })
      const after = yield* loadCaseFile(seedId)
      assert.strictEqual(after.revision.number, 2)
      assert.strictEqual(after.caseFile.case.title, "Retitled")
      const first = yield* loadCaseFile(seedId, { revision: 1 })
      assert.strictEqual(first.revision.number, 1)
      assert.strictEqual(first.caseFile.case.title, head.caseFile.case.title)
      // A moment picks the latest revision saved at or before it.
      const between = yield* loadCaseFile(seedId, { asOf: new Date("2015-01-20T00:00:00Z") })
      assert.strictEqual(between.revision.number, 1)
      const exactly = yield* loadCaseFile(seedId, { asOf: new Date("2015-02-01T10:00:00Z") })
      assert.strictEqual(exactly.revision.number, 2)
      const justBefore = yield* loadCaseFile(seedId, { asOf: new Date("2015-02-01T09:59:59.999Z") })
      assert.strictEqual(justBefore.revision.number, 1)
      // Loading an earlier revision leaves what the head holds as it was.
      assert.strictEqual((yield* loadCaseFile(seedId)).caseFile.case.title, "Retitled")

      const missing = yield* Effect.flip(loadCaseFile(seedId, { revision: 3 }))
      assert.strictEqual(missing.reason._tag, "RevisionNotFound")
      assert.include(missing.message, "has no revision 3: its revisions run from 1 to 2")
      const tooEarly = yield* Effect.flip(loadCaseFile(seedId, { asOf: new Date("2015-01-09T09:00:00Z") }))
      assert.strictEqual(tooEarly.reason._tag, "RevisionNotFound")
      assert.include(tooEarly.message, "was not in the store yet at 2015-01-09T09:00:00.000Z")
      assert.include(tooEarly.message, "first revision was saved at 2015-01-09T10:00:00.000Z")
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("a store file holds changes made through its API to the model, as import does", () =>
    Effect.gen(function* () {
      const store = yield* Store
      yield* importCaseText({ text: seedText, fileName: "seed.yaml", author: "a" })
      const head = yield* loadCaseFile(seedId)
      // The first actor is the parent of others, or named by a channel or statement: removing it strands them.
      const parent = head.caseFile.actors.find((actor) =>
        head.caseFile.actors.some((other) => other.parent === actor.id)
      )!
      const error = yield* Effect.flip(
        store.commit(seedId, 1, [{ kind: "actors", id: parent.id, body: null }], {
          author: "a",
          reason: "drop"
        })
      )
      assert.strictEqual(error.reason._tag, "InvalidChange")
      assert.match(error.message, new RegExp(`actor "[^"]+": parent: "${parent.id}" names nothing`))
      assert.include(error.message, "nothing was saved")
      assert.strictEqual((yield* store.head(seedId)).number, 1)
      assert.strictEqual(yield* loadCaseFile(seedId), head)
    }).pipe(Effect.provide(freshStore()))
  )

  it.effect("a new store gets the bundled seed case once", () =>
    Effect.gen(function* () {
      const filename = join(directory, "seeded", "allegiance.db")
      const seeded = FileStore.layer({ filename, onCreate: seedBundledCase })
      const names = yield* Effect.gen(function* () {
        return (yield* (yield* Store).listCases).map((c) => c.name)
      }).pipe(Effect.provide(seeded))
      assert.deepStrictEqual(names, [seedId])
      const revisions = yield* Effect.gen(function* () {
        return yield* (yield* Store).revisions(seedId)
      }).pipe(Effect.provide(Layer.fresh(seeded)))
      assert.strictEqual(revisions.length, 1)
      assert.strictEqual(revisions[0]?.author, "allegiance")
    })
  )
})

/**
 * A store whose stored items were damaged outside Allegiance (a body cut short, not JSON, a character
 * changed, replaced by another value): `export`, `import` and `evaluate` each refuse it in a sentence
 * that names the item, fail, print no JavaScript error or Schema internal, and leave the file byte for
 * byte as it was. The command runs in this process (`support/in-process.ts`), then once end to end.
 * The store's own tests (`packages/store/test/store/stored-items.test.ts`, `bit-flips.test.ts`) spoil
 * stored values field by field and flip bits anywhere in the file.
 */
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"
import { internals, runInProcess } from "./support/in-process.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-damaged-store-"))
const pristine = join(directory, "pristine.db")
const exported = join(directory, "seed.yaml")
afterAll(() => rmSync(directory, { recursive: true, force: true }))

let items: ReadonlyArray<{ readonly kind: string; readonly item_id: string; readonly body: string }> = []
beforeAll(async () => {
  const { failed, text } = await runInProcess([
    "export",
    "jai-syria-allegiance-2015",
    "-o",
    exported,
    "--db",
    pristine
  ])
  if (failed) throw new Error(text)
  const db = new DatabaseSync(pristine, { readOnly: true })
  items = db.prepare("SELECT kind, item_id, body FROM item_versions").all() as unknown as typeof items
  db.close()
})

/** Ways a body can be damaged on disk. */
const damage = fc.oneof(
  fc.nat().map((cut) => (body: string) => body.slice(0, cut % Math.max(1, body.length - 1))),
  fc.constantFrom(
    (body: string) => `${body}}`,
    (body: string) => body.replace(/"/, "'"),
    () => "null",
    () => "[]",
    () => "42",
    () => "{}",
    (body: string) => body.replace(/[a-z]/, "\u0000")
  ),
  fc.nat().map((at) => (body: string) => {
    const where = at % body.length
    return body.slice(0, where) + String.fromCharCode(body.charCodeAt(where) ^ 1) + body.slice(where + 1)
  })
)

const damagedCopy = (name: string, kind: string, id: string, spoil: (body: string) => string) => {
  const file = join(directory, name)
  copyFileSync(pristine, file)
  const db = new DatabaseSync(file)
  const row = db.prepare("SELECT body FROM item_versions WHERE kind = ? AND item_id = ?").get(kind, id) as {
    body: string
  }
  db.prepare("UPDATE item_versions SET body = ? WHERE kind = ? AND item_id = ?").run(
    spoil(row.body),
    kind,
    id
  )
  db.close()
  return file
}

const commands = (db: string) => ({
  export: ["export", "jai-syria-allegiance-2015", "--db", db],
  import: ["import", exported, "--db", db],
  evaluate: ["evaluate", "jai-syria-allegiance-2015", "--as-of", "2015-01-09", "--db", db]
})

describe("a store with a damaged item", () => {
  it("is refused by export, import and evaluate, naming the item, and left byte for byte as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        damage,
        fc.constantFrom("export", "import", "evaluate"),
        async (pick, spoil, command) => {
          const item = items[pick % items.length]!
          // A damage that leaves the body as it was is no damage.
          if (spoil(item.body) === item.body) return
          const file = damagedCopy("damaged.db", item.kind, item.item_id, spoil)
          const before = readFileSync(file)
          const { failed, text } = await runInProcess(commands(file)[command])
          expect(failed, `${command} of a store with ${item.kind} "${item.item_id}" damaged`).toBe(true)
          expect(text).toContain(`"${item.item_id}"`)
          expect(text).not.toMatch(internals)
          expect(text).not.toMatch(/\bcase:\n/)
          expect(readFileSync(file).equals(before), "the store is byte for byte as it was").toBe(true)
        }
      ),
      { numRuns: 15, seed: 5 }
    )
  })

  it("is refused the same way by the installed command, with nothing on standard output", () => {
    const item = items.find((row) => row.kind === "statements")!
    const file = damagedCopy("end-to-end.db", item.kind, item.item_id, (body) => body.slice(0, 20))
    const before = readFileSync(file)
    for (const args of Object.values(commands(file))) {
      const result = spawnSync(process.execPath, [allegianceBin, ...args], { encoding: "utf8" })
      expect(result.status, result.stderr).toBe(1)
      expect(result.stdout).toBe("")
      expect(result.stderr).toContain(`"${item.item_id}"`)
      expect(result.stderr).not.toMatch(internals)
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

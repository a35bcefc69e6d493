/**
 * Case files spoilt in generated ways (a day the calendar lacks, a reference to nothing, a value of the
 * wrong type, a misspelt field, bytes that are not UTF-8, a second YAML document, nesting thousands deep)
 * are refused by `import` and `validate` with problems located at file:line:column, in words, with no
 * stack trace or internal name, and the store is byte for byte as it was. The command runs in this
 * process (`support/in-process.ts`); `case-commands.test.ts` and `import-export.test.ts` start it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { internals, runInProcess } from "./support/in-process.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-case-file-values-"))
const db = join(directory, "allegiance.db")
const seedFile = join(directory, "seed.yaml")
afterAll(() => rmSync(directory, { recursive: true, force: true }))

let seed = ""
beforeAll(async () => {
  const { failed, text } = await runInProcess([
    "export",
    "jai-syria-allegiance-2015",
    "-o",
    seedFile,
    "--db",
    db
  ])
  if (failed) throw new Error(text)
  seed = readFileSync(seedFile, "utf8")
})

/** `text` with the `pick`-th match of `pattern` (counted round) replaced by `by`. */
const replaceNth = (text: string, pattern: RegExp, pick: number, by: (match: string) => string): string => {
  const matches = [...text.matchAll(new RegExp(pattern.source, "g"))]
  const match = matches[pick % matches.length]!
  return text.slice(0, match.index) + by(match[0]) + text.slice(match.index + match[0].length)
}

/** A spoilt copy of the seed case's text, as bytes, and what kind of spoiling it was. */
type Spoil = (text: string) => Buffer

const spoils: ReadonlyArray<fc.Arbitrary<readonly [string, Spoil]>> = [
  fc
    .tuple(fc.nat(), fc.constantFrom("2015-13-45", "2015-02-29", "2015-04-31", "2015-00-01", "1437-06-31"))
    .map(([pick, day]) => [
      "impossible day",
      (text) => Buffer.from(replaceNth(text, /(?<=\b(start|end): )\d{4}-\d{2}-\d{2}\b/, pick, () => day))
    ]),
  fc
    .tuple(fc.nat(), fc.stringMatching(/^[a-z][a-z0-9-]{2,12}$/))
    .map(([pick, id]) => [
      "reference to nothing",
      (text) =>
        Buffer.from(
          replaceNth(
            text,
            /(?<=\b(actor|speaksFor|parent|channel|statement): )[a-z0-9-]+/,
            pick,
            () => `no-${id}`
          )
        )
    ]),
  fc
    .tuple(fc.nat(), fc.constantFrom("0", "-2", "1.5", "'7'", "[1]", "{}", "null", "9007199254740993"))
    .map(([pick, value]) => [
      "wrong value",
      (text) => Buffer.from(replaceNth(text, /(?<=paragraph: )\d+/, pick, () => value))
    ]),
  fc
    .tuple(fc.nat(), fc.stringMatching(/^[a-z]{3,10}$/))
    .map(([pick, field]) => [
      "misspelt field",
      (text) => Buffer.from(replaceNth(text, /\n {4}id: /, pick, (match) => `\n    ${field}Z: x${match}`))
    ]),
  fc
    .tuple(fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]))
    .map(([pick, bytes]) => [
      "bytes that are not UTF-8",
      (text) => {
        const at = replaceNth(text, /\n {6}primary: /, pick, (match) => `${match}\u0000`).indexOf("\u0000")
        const bytes_ = Buffer.from(text)
        const cut = Buffer.byteLength(text.slice(0, at))
        return Buffer.concat([bytes_.subarray(0, cut), Buffer.from(bytes), bytes_.subarray(cut)])
      }
    ]),
  fc.constantFrom<readonly [string, Spoil]>(
    ["a second document", (text) => Buffer.from(`${text}---\ncase: { id: other, title: Other }\n`)],
    ["a key written twice", (text) => Buffer.from(text.replace("\ncase:\n", "\ncase:\n  id: twice\n"))],
    [
      "nesting thousands deep",
      (text) =>
        Buffer.from(
          text.replace(/\n {2}title: .*\n/, `\n  title: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`)
        )
    ],
    ["a tab for indentation", (text) => Buffer.from(text.replace("\n  title: ", "\n\ttitle: "))]
  )
]

describe("a spoilt case file", () => {
  it("is refused with located problems in words, and the store is byte for byte as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...spoils),
        fc.constantFrom("import", "validate"),
        async ([what, spoil], command) => {
          const file = join(directory, "case.yaml")
          writeFileSync(file, spoil(seed))
          const before = readFileSync(db)
          const { failed, text } = await runInProcess(
            command === "import" ? [command, file, "--db", db] : [command, file]
          )
          expect(failed, `${command} of a file with ${what} must fail`).toBe(true)
          expect(text, what).toMatch(
            new RegExp(`${file.replaceAll(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: `)
          )
          expect(text, what).not.toMatch(internals)
          expect(text, what).toMatch(/nothing was (changed|saved|imported|read)/i)
          expect(readFileSync(db).equals(before), "the store is byte for byte as it was").toBe(true)
        }
      ),
      { numRuns: 40, seed: 3 }
    )
  })
})

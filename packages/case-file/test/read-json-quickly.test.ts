import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { readCaseYaml } from "../src/read-case.ts"
import { quickJsonFrom, readJsonQuickly } from "../src/read-json-quickly.ts"
import { bundledCaseText, readCaseText } from "../src/index.ts"

type Raw = Record<string, unknown> & { actors: Array<Record<string, unknown>> }

/** The seed case as an analyst might have written it in JSON: the file's own content, not a decoded case. */
const seedContent = (): Raw => parse(bundledCaseText()) as Raw

/** Trailing spaces make any JSON text large enough for the quick way, and move no line or column. */
const large = (json: string) => json + " ".repeat(quickJsonFrom)

const read = (text: string) => readCaseText(text, "case.json")
const readByYaml = (text: string) => readCaseYaml(text, "case.json")

/** Ways to spoil a valid case file, each refused by the YAML reader with located problems. */
const spoilers: ReadonlyArray<readonly [string, (json: string, raw: Raw) => string]> = [
  [
    "a reference to nothing",
    (_, raw) =>
      JSON.stringify({ ...raw, actors: [{ ...raw.actors[0], parent: "ghost" }, ...raw.actors.slice(1)] })
  ],
  [
    "a field of the wrong type",
    (_, raw) => JSON.stringify({ ...raw, actors: [{ ...raw.actors[0], name: 7 }] })
  ],
  ["a misspelt field", (_, raw) => JSON.stringify({ ...raw, actors: [{ ...raw.actors[0], nmae: "x" }] })],
  ["a misspelt section", (_, raw) => JSON.stringify({ ...raw, actorz: [] })],
  ["a section that is null", (_, raw) => JSON.stringify({ ...raw, claims: null })],
  ["no case section", (_, raw) => JSON.stringify({ ...raw, case: undefined })],
  ["a list where the file must be a mapping", (json) => `[${json}]`],
  // JSON.parse would keep the second of two equal keys; the reader refuses the file.
  ["a key written twice in an item", (json) => json.replace('"id":', '"id":"first-id","id":')],
  ["a section written twice", (json) => json.replace('"actors":', '"actors":[],"actors":')],
  ["text that is not JSON", (json) => json.slice(0, json.length / 2)]
]

describe("the quick way through a large JSON case file", () => {
  it("reads the seed case, written as JSON, to the very case the YAML reader gives", () => {
    for (const json of [JSON.stringify(seedContent()), JSON.stringify(seedContent(), null, 2)]) {
      const byYaml = readByYaml(json)
      if (Result.isFailure(byYaml)) throw new Error(byYaml.failure.map((p) => p.message).join("\n"))
      expect(readJsonQuickly(json)).toEqual(byYaml.success)
      expect(read(large(json))).toEqual(byYaml)
    }
  })

  it.each(spoilers)("gives way to the YAML reader, and its located problems, for %s", (_, spoil) => {
    const json = spoil(JSON.stringify(seedContent()), seedContent())
    expect(readJsonQuickly(json)).toBeUndefined()
    const byYaml = readByYaml(large(json))
    expect(Result.isFailure(byYaml)).toBe(true)
    expect(read(large(json))).toEqual(byYaml)
  })

  it("counts keys rightly whatever the text holds: quotes, backslashes, colons and braces inside strings", () => {
    const tricky = fc.array(
      fc.constantFrom('"', "\\", ":", "{", "}", "[", ",", "a", " ", "é", "\n", '\\"', '":'),
      {
        maxLength: 12
      }
    )
    fc.assert(
      fc.property(tricky, tricky, (summary, title) => {
        const raw = seedContent()
        const json = JSON.stringify({
          ...raw,
          case: { ...(raw.case as object), summary: summary.join(""), title: `T${title.join("")}` }
        })
        const byYaml = readByYaml(json)
        expect(Result.isSuccess(byYaml)).toBe(true)
        expect(readJsonQuickly(json)).toEqual(Result.getOrUndefined(byYaml))
        // The same text with a key written twice is refused, as the reader refuses it.
        const twice = json.replace('"title":', '"title":"T","title":')
        expect(readJsonQuickly(twice)).toBeUndefined()
        expect(Result.isFailure(readByYaml(twice))).toBe(true)
      }),
      { numRuns: 40 }
    )
  })
})

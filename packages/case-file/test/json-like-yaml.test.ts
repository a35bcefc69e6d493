/**
 * A case file written as JSON is read by JSON.parse and located by a scan of its text, not by the YAML
 * parser; it must come out exactly as the YAML parser would read it: the same case, and the same
 * problems at the same lines and columns.
 */
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { bundledCaseText, readCaseText } from "../src/index.ts"
import { readCaseYaml } from "../src/read-case.ts"

type Raw = Record<string, unknown> & { actors: Array<Record<string, unknown>> }

const seedAsParsed = parse(bundledCaseText()) as Raw

/** The seed case as an analyst might have written it in JSON: the file's own content, not a decoded case. */
const seedContent = (): Raw => structuredClone(seedAsParsed)

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
  [
    "mistakes of every sort in several items at once",
    (_, raw) => {
      const statements = raw.statements as Array<Record<string, unknown>>
      const claims = raw.claims as Array<Record<string, unknown>>
      return JSON.stringify(
        {
          ...raw,
          statements: [
            {
              ...statements[0],
              observed: "31 February 2015",
              issuer: { nameAsPrinted: "X", actor: "nobody" }
            },
            { ...statements[1], titel: "misspelt" },
            ...statements.slice(2)
          ],
          claims: [{ ...claims[0], kind: "pledg" }, { ...claims[1], cites: [] }, ...claims.slice(2)]
        },
        null,
        2
      )
    }
  ],
  [
    // The JSON reader makes the parsed objects the case's own, in place: an item that fails in its last
    // fields, after its issuer, dates and citations have read, must be explained as it was written.
    "a wrong field after fields that read, in items whose other parts read",
    (_, raw) => {
      const statements = raw.statements as Array<Record<string, unknown>>
      const claims = raw.claims as Array<Record<string, unknown>>
      const actors = raw.actors as Array<Record<string, unknown>>
      return JSON.stringify({
        ...raw,
        actors: [{ ...actors[0], cites: [{ paragraph: "one" }] }, ...actors.slice(1)],
        statements: [
          ...statements.slice(0, 2),
          { ...statements[2], media: 3 },
          { ...statements[3], cites: [...(statements[3]!.cites as Array<unknown>), { paragraph: 0 }] },
          ...statements.slice(4)
        ],
        claims: [...claims.slice(0, 2), { ...claims[2], cites: [{ paragraph: -1 }] }, ...claims.slice(3)]
      })
    }
  ]
]

describe("a case file written as JSON", () => {
  it("reads to the very case the YAML reader gives, minified or indented", () => {
    for (const json of [JSON.stringify(seedContent()), JSON.stringify(seedContent(), null, 2)]) {
      const byYaml = readByYaml(json)
      if (Result.isFailure(byYaml)) throw new Error(byYaml.failure.map((p) => p.message).join("\n"))
      expect(read(json)).toEqual(byYaml)
    }
  })

  it.each(spoilers)("reports %s with the problems the YAML reader gives, where it gives them", (_, spoil) => {
    const json = spoil(JSON.stringify(seedContent()), seedContent())
    const byYaml = readByYaml(json)
    expect(Result.isFailure(byYaml)).toBe(true)
    expect(read(json)).toEqual(byYaml)
  })

  it("refuses a key written twice in one object, at the second writing, as the YAML reader does", () => {
    const json = JSON.stringify(seedContent(), null, 2)
    for (const twice of [
      json.replace('"id":', '"id": "first-id",\n    "id":'),
      json.replace('"actors":', '"actors": [],\n  "actors":')
    ]) {
      const byYaml = readByYaml(twice)
      const byJson = read(twice)
      if (Result.isSuccess(byYaml) || Result.isSuccess(byJson))
        throw new Error("a repeated key must be refused")
      const first = byJson.failure[0]!
      expect(first.message).toContain("written a second time")
      expect([first.line, first.column]).toEqual([byYaml.failure[0]!.line, byYaml.failure[0]!.column])
    }
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
        expect(read(json)).toEqual(byYaml)
        // The same text with a key written twice is refused, as the reader refuses it.
        const twice = json.replace('"title":', '"title":"T","title":')
        const refused = read(twice)
        expect(Result.isFailure(refused) && refused.failure.map((p) => p.field)).toEqual(["case.title"])
        expect(Result.isFailure(readByYaml(twice))).toBe(true)
      }),
      { numRuns: 40 }
    )
  })
})

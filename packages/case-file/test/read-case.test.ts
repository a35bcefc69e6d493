import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { bundledCaseText, type LocatedProblem, readCaseText, writeCaseYaml } from "../src/index.ts"

const problemsOf = (text: string): ReadonlyArray<LocatedProblem> => {
  const read = readCaseText(text, "broken.yaml")
  if (Result.isSuccess(read)) throw new Error("expected problems, the file was read as valid")
  return read.failure
}

const minimal = (body: string) => `case:
  id: t
  title: T
actors:
  - id: org
    kind: group
    name: { primary: Org }
    cites: [{ paragraph: 1 }]
  - id: branch
    kind: branch
    parent: org
    name: { primary: Branch }
    cites: [{ paragraph: 1 }]
${body}`

describe("reading a case file", () => {
  it("reads the bundled case, and writing it back gives the same bytes twice over", () => {
    const first = readCaseText(bundledCaseText(), "seed.yaml")
    expect(Result.isSuccess(first)).toBe(true)
    if (Result.isFailure(first)) return
    const written = writeCaseYaml(first.success)
    const again = readCaseText(written, "written.yaml")
    if (Result.isFailure(again)) throw new Error(again.failure.map((p) => p.message).join("\n"))
    expect(again.success).toEqual(first.success)
    expect(writeCaseYaml(again.success)).toBe(written)
  })

  it("accepts JSON as well", () => {
    const first = readCaseText(bundledCaseText(), "seed.yaml")
    if (Result.isFailure(first)) throw new Error("seed unreadable")
    const json = JSON.stringify(Object.fromEntries(Object.entries(first.success)))
    expect(Result.isSuccess(readCaseText(json, "seed.json"))).toBe(true)
  })

  it("reports every problem at once, each with line, column and field", () => {
    const problems = problemsOf(
      minimal(`channels:
  - id: org
    kind: social-media-account
    handle: "@x"
    speaksFor: nobody
    cites: [{ paragraph: 1 }]
statements:
  - id: st
    issuer: { nameAsPrinted: X, actor: org }
    observed: 30 Rabi al-Awal 1436
    cites: [{ paragraph: 1 }]
`)
    )
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]))
    expect(byField["statements[0].observed"]?.message).toContain("29 days")
    expect(byField["statements[0].observed"]?.line).toBe(23)
    expect(problems.length).toBeGreaterThanOrEqual(1)
  })

  it("reports unknown and duplicate ids, a wrong kind of reference and a claim whose scope names nothing", () => {
    const problems = problemsOf(
      minimal(`channels:
  - id: org
    kind: social-media-account
    handle: "@x"
    speaksFor: nobody
    cites: [{ paragraph: 1 }]
statements:
  - id: st
    channel: branch
    issuer: { nameAsPrinted: X, actor: org }
    observed: 8 January 2015
    cites: [{ paragraph: 1 }]
claims:
  - id: cl
    kind: dissolution
    scope: ghost
    actor: org
    madeBy: { statement: st }
    cites: [{ paragraph: 1 }]
`)
    )
    const fields = problems.map((p) => p.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        "channels[0].id",
        "channels[0].speaksFor",
        "statements[0].channel",
        "claims[0].scope"
      ])
    )
    const scope = problems.find((p) => p.field === "claims[0].scope")!
    expect(scope.message).toContain('"ghost" names nothing')
    expect(scope.line).toBe(29)
    expect(problems.find((p) => p.field === "statements[0].channel")?.message).toContain(
      "but this field expects a channel"
    )
  })

  it("reports a cycle in the actor tree", () => {
    const problems = problemsOf(`case: { id: t, title: T }
actors:
  - { id: a, kind: group, parent: b, name: { primary: A }, cites: [{ paragraph: 1 }] }
  - { id: b, kind: branch, parent: a, name: { primary: B }, cites: [{ paragraph: 1 }] }
`)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toContain("cycle")
  })

  it("reports a relationship that ends before it starts", () => {
    const problems = problemsOf(
      minimal(`relationships:
  - id: rel
    kind: branch-of
    from: branch
    to: org
    since: 2015
    until: 2012
    cites: [{ paragraph: 1 }]
`)
    )
    expect(problems.map((p) => p.field)).toEqual(["relationships[0].until"])
    expect(problems[0]!.message).toContain("ends (2012) before it starts (2015)")
  })

  it("reports YAML syntax errors and misspelt fields where they are", () => {
    expect(problemsOf("case: [unclosed\n")[0]!.message).toContain("not valid YAML")
    const misspelt = problemsOf(minimal(`sourcez: []\n`))
    expect(misspelt[0]!.message).toContain("not part of a case file")
    expect(misspelt[0]!.line).toBe(14)
  })

  it("reports a missing required field at its parent", () => {
    const problems = problemsOf(`case: { id: t }\n`)
    expect(problems[0]!.field).toBe("case.title")
    expect(problems[0]!.message).toContain("required")
  })

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((value) => JSON.stringify({ case: value, actors: [value] }))
        ),
        (text) => {
          readCaseText(text, "fuzz.yaml")
        }
      ),
      { numRuns: 500 }
    )
  })
})

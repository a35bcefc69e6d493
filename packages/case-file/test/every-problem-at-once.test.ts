/**
 * `validate` reports every problem in one pass (issue 14, point 16): a misspelt field, a wrong type, a
 * day the calendar lacks, a claim kind the case format does not know, an empty `cites` list, a
 * reference to nothing and an id used twice, planted in one file, are all reported by one reading,
 * each where it is; none hides another.
 */
import { builtInKinds } from "@allegiance/domain/claims/index"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { bundledCaseText, readCaseText } from "../src/index.ts"

/** The bundled case with one mistake of each class planted in it, each at a line of its own. */
const planted = (() => {
  let text = bundledCaseText()
  const plant = (from: string | RegExp, to: string) => {
    const next = text.replace(from, to)
    if (next === text) throw new Error(`the bundled case no longer holds ${String(from)}`)
    text = next
  }
  plant(/\n {4}kind: group\n/, "\n    kind: group\n    nmae: misspelt\n")
  plant(/\n( {4})reliability: B\n/, "\n$1reliability: 12\n")
  plant(/start: 2015-01-08/, "start: 2015-02-30")
  plant(/\n( {4})kind: pledge\n/, "\n$1kind: pledgee\n")
  plant(/cites: \[\{ paragraph: 3 \}\]/, "cites: []")
  plant(/\n( {4})parent: jai\n/, "\n$1parent: jai-nowhere\n")
  return text
})()

const lineOf = (pattern: RegExp) => planted.slice(0, planted.search(pattern)).split("\n").length

describe("every problem at once", () => {
  const read = readCaseText(planted, "case.yaml")
  const problems = Result.isFailure(read) ? read.failure : []
  const find = (field: RegExp, message: RegExp) =>
    problems.find((problem) => field.test(problem.field) && message.test(problem.message))

  it("reports six planted mistakes of six classes in one reading, each at its line", () => {
    expect(Result.isFailure(read)).toBe(true)
    const found = {
      misspelt: find(/^actors\[\d+\]\.nmae$/, /not part of a case file/),
      type: find(/\.reliability$/, /./),
      day: find(/published\.start$/, /2015-02-30 is not a day/),
      kind: find(/^claims\[\d+\]\.kind$/, /"pledgee" is not a kind of claim/),
      cites: find(/^actors\[\d+\]\.cites$/, /empty/),
      reference: find(/^actors\[\d+\]\.parent$/, /"jai-nowhere" names nothing/)
    }
    for (const [name, problem] of Object.entries(found)) expect(problem, `the ${name} mistake`).toBeDefined()
    expect(found.misspelt!.line).toBe(lineOf(/nmae: misspelt/))
    expect(found.day!.line).toBe(lineOf(/start: 2015-02-30/))
    expect(found.kind!.line).toBe(lineOf(/kind: pledgee/))
    expect(found.cites!.line).toBe(lineOf(/cites: \[\]/))
    expect(found.reference!.line).toBe(lineOf(/parent: jai-nowhere/))
  })

  it("names an unknown kind of claim in one line: the nearest kind, then every kind the registry holds", () => {
    const problem = find(/^claims\[\d+\]\.kind$/, /pledgee/)!
    expect(problem.message.split("\n")).toHaveLength(1)
    expect(problem.message).toContain('did you mean "pledge"?')
    for (const kind of builtInKinds) expect(problem.message).toContain(kind.kind)
    // One line of names, not the Schema of every kind.
    expect(problem.message.length).toBeLessThan(
      160 + builtInKinds.reduce((n, kind) => n + kind.kind.length + 2, 0)
    )
  })

  it("says an empty cites list is empty, not that its first entry is missing", () => {
    const problem = find(/^actors\[\d+\]\.cites/, /./)!
    expect(problem.field).not.toMatch(/\[0\]$/)
    expect(problem.message).not.toMatch(/required|missing/i)
  })
})

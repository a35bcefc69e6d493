import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { dateConsistency } from "../../../src/reasoning/rules/date-consistency.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

const withDates = (hijri: string, gregorian: string) =>
  buildCase({ statements: [statement("st", "ch-a", gregorian, { printedDates: [hijri, gregorian] })] })

describe("date consistency", () => {
  it("notes matching dual dates and names the calendar", () => {
    const findings = findingsOf(dateConsistency, withDates("1 Ramadan 1441", "24 April 2020"))
    expect(findings.map((f) => f.kind)).toEqual(["note"])
    expect(findings[0]!.sentence).toContain("Umm al-Qura")
  })

  it("cautions on dates days apart, without refuting the statement", () => {
    const caseFile = withDates("1 Ramadan 1441", "20 April 2020")
    expect(findingsOf(dateConsistency, caseFile).map((f) => f.kind)).toEqual(["caution"])
    const verdict = evaluateCase(caseFile, { asOf: day("2020-05-01") }).statements[0]!
    expect(verdict.status).toBe("established")
    expect(verdict.confidence.words).not.toBe("very likely")
  })

  it("stays silent on a statement with one printed date", () => {
    const caseFile = buildCase({
      statements: [statement("st", "ch-a", "24 April 2020", { printedDates: ["24 April 2020"] })]
    })
    expect(findingsOf(dateConsistency, caseFile)).toEqual([])
  })
})

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

  describe("a weekday printed with the Hijri date", () => {
    it("is checked against the Gregorian day printed beside it, the day the statement appeared", () => {
      // 20 Rabi al-Awwal 1437 is Thursday 31 December 2015 in Umm al-Qura and Friday 1 January 2016 in
      // civil reckoning; the statement printed 1 January 2016, a Friday.
      const findings = findingsOf(
        dateConsistency,
        withDates("Friday 20 Rabi al-Awwal 1437", "1 January 2016")
      )
      expect(findings.map((f) => f.kind)).toEqual(["note"])
      expect(findings[0]!.sentence).toContain("was a Friday, as printed")
    })

    it("is found wrong when it does not name the printed Gregorian day, in words that do not contradict themselves", () => {
      const findings = findingsOf(
        dateConsistency,
        withDates("Thursday 20 Rabi al-Awwal 1437", "1 January 2016")
      )
      expect(findings.map((f) => f.kind)).toEqual(["caution"])
      const sentence = findings[0]!.sentence
      expect(sentence).toContain('"Thursday" does not fit')
      expect(sentence).not.toMatch(/the two dates are consistent/)
      expect(sentence).toContain("judged inconsistent")
    })
  })

  it("reads a printed Gregorian date that carries a time of day", () => {
    const findings = findingsOf(dateConsistency, withDates("1 Ramadan 1441", "24 April 2020, 10:17 pm"))
    expect(findings.map((f) => f.kind)).toEqual(["note"])
  })
})

import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readCaseText } from "../src/index.ts"

/** A day written YYYY-MM-DD that the calendar does not have: month 00 or 13-99, or a day past the month's end. */
const impossibleDay = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.constantFrom(0, 13, 20, 45, 99),
      fc.integer({ min: 1, max: 28 })
    )
    .map(([year, month, day]) => ({ year, month, day })),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 32, max: 99 })
    )
    .map(([year, month, day]) => ({ year, month, day })),
  fc.integer({ min: 1001, max: 2999 }).map((year) => ({
    year: year % 4 === 0 ? year + 1 : year,
    month: 2,
    day: 29
  })),
  fc.constantFrom({ year: 2015, month: 4, day: 31 }, { year: 2015, month: 2, day: 0 })
)
const written = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`

const caseWith = (start: string) => `case:
  id: t
  title: T
actors:
  - id: org
    kind: group
    name: { primary: Org }
    cites: [{ paragraph: 1 }]
statements:
  - id: st
    issuer: { nameAsPrinted: Org, actor: org }
    observed:
      text: by the end of the month
      start: ${start}
      end: 2099-12-31
      precision: approximate
    cites: [{ paragraph: 1 }]
`

describe("impossible values in a case file", () => {
  it("refuses a date whose interval starts on a day the calendar does not have, saying where", () => {
    fc.assert(
      fc.property(impossibleDay, (day) => {
        const read = readCaseText(caseWith(written(day)), "case.yaml")
        expect(Result.isFailure(read)).toBe(true)
        if (Result.isSuccess(read)) return
        const problem = read.failure.find((p) => p.field === "statements[0].observed.start")
        expect(problem, JSON.stringify(read.failure)).toBeDefined()
        expect(problem!.line).toBe(14)
        expect(problem!.message).toContain(`${written(day)} is not a day`)
      }),
      { numRuns: 150, seed: 12 }
    )
  })
})

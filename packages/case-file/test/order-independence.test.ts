import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { reorderedCase, verdictStatuses } from "@allegiance/case-generator/properties"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

const statuses = (caseFile: Parameters<typeof evaluateCase>[0], asOf: string) =>
  verdictStatuses(evaluateCase(caseFile, { asOf: asOf as IsoDay }))

describe("verdicts do not depend on the order of the case file", () => {
  const seed = seedCase()
  const expected = statuses(seed, "2015-01-09")
  it("holds for any reordering of every section", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }), (keys) => {
        expect(statuses(reorderedCase(seed, keys), "2015-01-09")).toEqual(expected)
      }),
      { numRuns: 60 }
    )
  })
})

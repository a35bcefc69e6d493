import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { generateCase } from "../../src/index.ts"
import { reorderedCase, verdictStatuses } from "../../src/properties.ts"

// The generated cases hold every kind of claim and what real cases hold beyond the seed (signers, relays,
// unconfirmed statements, times of day, activity under another's banner, parts that change sides).
describe("verdicts do not depend on the order of a generated case file", () => {
  it("holds for any reordering of every section", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 30, max: 90 }),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("2013-06-30", "2016-12-31"),
        (seed, statements, keys, asOf) => {
          const caseFile = generateCase({ statements, seed })
          const statuses = (file: typeof caseFile) =>
            verdictStatuses(evaluateCase(file, { asOf: asOf as IsoDay }))
          expect(statuses(reorderedCase(caseFile, keys))).toEqual(statuses(caseFile))
        }
      ),
      { numRuns: 30 }
    )
  })
})

/**
 * The encoder compiled from the model's Schemas must give exactly what `Schema.encodeSync` gives: the
 * same plain values, fields in the same order, for every kind of item and date the cases hold.
 */
import { generateCaseInput } from "@allegiance/case-generator"
import { modelOf } from "@allegiance/domain/model/index"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compiledEncoder } from "../src/compiled-encoder.ts"
import { bundledCaseText, readCaseText } from "../src/index.ts"

const model = modelOf(undefined)
const bySchema = Schema.encodeSync(model.CaseFile)
const compiled = compiledEncoder(model.CaseFile)

const read = (text: string) => {
  const caseFile = readCaseText(text, "case.yaml")
  if (Result.isFailure(caseFile)) throw new Error(caseFile.failure.map((p) => p.message).join("\n"))
  return caseFile.success
}

/** Equal, and with every object's fields in the same order (what the written text follows). */
const expectSameEncoding = (caseFile: ReturnType<typeof read>) => {
  const expected = bySchema(caseFile)
  const actual = compiled(caseFile)
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

describe("the compiled encoder of a case", () => {
  it("encodes the bundled case as Schema does", () => {
    expectSameEncoding(read(bundledCaseText()))
  })

  it("encodes generated cases as Schema does, whatever they hold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, statements) => {
          expectSameEncoding(read(JSON.stringify(generateCaseInput({ statements, seed }))))
        }
      ),
      { numRuns: 12 }
    )
  })
})

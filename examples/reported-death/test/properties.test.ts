/**
 * The properties the domain's own kinds and rules are held to, run with the reported death and
 * posthumous attribution added: verdicts do not depend on the order of a case file (held, as the domain
 * holds it of its seed case, of this package's own case), and an evaluator brought up to date as items
 * are added to a generated case concludes what a whole evaluation concludes.
 */
import { readFileSync } from "node:fs"
import { isDeepStrictEqual } from "node:util"
import { readCaseText } from "@allegiance/case-file"
import { generateCase } from "@allegiance/case-generator"
import { growingCase, reorderedCase, verdictStatuses } from "@allegiance/case-generator/properties"
import { appendToCase, type CaseFile, Claim, evaluateCase, type IsoDay, Statement } from "@allegiance/domain"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { kinds, rules } from "../src/index.ts"
import { generatedDeaths } from "./generated-deaths.ts"

const extraKinds = [generatedDeaths]

/**
 * The same conclusions: Node's deep equality decides (strict, so whatever it accepts toEqual accepts),
 * and only when it finds a difference does toEqual run, to show the difference; toEqual's own walk over
 * evaluations of hundreds of items cost more than a tenth of these tests' time.
 */
const expectSame = (actual: unknown, expected: unknown) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected)
}

const statuses = (caseFile: CaseFile, asOf: string) =>
  verdictStatuses(evaluateCase(caseFile, { asOf: asOf as IsoDay, kinds, rules }))

const posthumousFindings = (caseFile: CaseFile, asOf: string) =>
  evaluateCase(caseFile, { asOf: asOf as IsoDay, kinds, rules }).findings.filter(
    (finding) => finding.rule === "posthumous-attribution"
  ).length

describe("verdicts do not depend on the order of a case file that holds reported deaths", () => {
  const text = readFileSync(new URL("../cases/posthumous-message.yaml", import.meta.url), "utf8")
  const read = readCaseText(text, "posthumous-message.yaml", { kinds })
  if (Result.isFailure(read)) throw new Error("the example case does not read")
  const example = read.success
  // The example with a proof of life: a later message in the commander's name saying he is alive.
  const disputed = appendToCase(
    example,
    {
      statements: [
        Schema.decodeUnknownSync(Statement)({
          id: "st-alive",
          title: "I am alive",
          issuer: { nameAsPrinted: "Abu Yahya al-Karimi", actor: "abu-yahya" },
          channel: "abu-yahya-account",
          observed: "24 March 2016",
          cites: [{ paragraph: 8 }]
        })
      ],
      claims: [
        Schema.decodeUnknownSync(Claim)({
          id: "cl-alive",
          kind: "continued-existence",
          scope: "abu-yahya",
          madeBy: { statement: "st-alive" },
          actor: "abu-yahya",
          cites: [{ paragraph: 8 }]
        })
      ]
    },
    { kinds }
  )

  it.each([
    ["the example case", example],
    ["the example case with a proof of life", disputed]
  ])("holds for %s, whatever the order of its sections", (_, caseFile) => {
    expect(posthumousFindings(caseFile, "2016-03-31")).toBeGreaterThan(0)
    const expected = statuses(caseFile, "2016-03-31")
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }), (keys) => {
        expect(statuses(reorderedCase(caseFile, keys, kinds), "2016-03-31")).toEqual(expected)
      }),
      { numRuns: 60 }
    )
  })
})

describe("verdicts do not depend on the order of a generated case file that holds reported deaths", () => {
  it("holds for any reordering of every section, the built-in kinds, the real-case kinds and this package's", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 40, max: 120 }),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("2013-06-30", "2016-12-31"),
        (seed, statements, keys, asOf) => {
          const caseFile = generateCase({ statements, seed, extraKinds })
          expect(statuses(reorderedCase(caseFile, keys, kinds), asOf)).toEqual(statuses(caseFile, asOf))
        }
      ),
      { numRuns: 15 }
    )
  })
})

describe("caseEvaluator, with reported deaths and posthumous attribution", () => {
  it("brings an evaluation up to date as items are added, concluding what a whole evaluation concludes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 150, max: 300 }),
        fc.double({ min: 0.02, max: 0.25, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom("2013-06-30", "2014-09-01", "2016-12-31"),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, statements, share, chunks, asOf, pickSeed) => {
          const steps = growingCase({
            seed,
            statements,
            share,
            chunks,
            asOf: asOf as IsoDay,
            pickSeed,
            extraKinds,
            rules
          })
          for (const step of steps) {
            expect(step.incremental).toBe(true)
            expectSame(step.updated, step.whole)
          }
        }
      ),
      // A generated case with the rule firing, then cases drawn at random (about a third of which have it fire).
      { numRuns: 15, examples: [[2, 300, 0.2, 2, "2016-12-31", 7]] }
    )
  })
})

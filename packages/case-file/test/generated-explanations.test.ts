import { generateCaseInput } from "@allegiance/case-generator"
import { allVerdicts, evaluateCase, type IsoDay } from "@allegiance/domain"
import { CaseFile as CaseFileSchema } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"

// Generated cases hold what the seed case does not: many releases of one actor on one day, several
// denials of one statement, the same silence reported twice. Their explanations still say nothing twice
// in a row.
const generated = (statements: number, seed: number) =>
  Schema.decodeUnknownSync(CaseFileSchema)(generateCaseInput({ statements, seed }))

const verdictsOf = allVerdicts

const sentencesOf = (text: string): ReadonlyArray<string> => text.split(/(?<=[.!?])\s+(?=[A-Z])/)

describe("the explanations of generated cases", () => {
  for (const [statements, seed, asOf] of [
    [400, 1, "2014-09-01"],
    [1500, 2, "2016-12-31"]
  ] as const)
    it(`never say one sentence twice in a row (${statements} statements, seed ${seed}, as of ${asOf})`, () => {
      const evaluation = evaluateCase(generated(statements, seed), { asOf: asOf as IsoDay })
      const repeated: Array<string> = []
      let attacked = 0
      for (const verdict of verdictsOf(evaluation)) {
        const said = verdict.explanation.flatMap((step) => sentencesOf(step.sentence))
        said.forEach((sentence, at) => {
          if (at > 0 && said[at - 1] === sentence) repeated.push(`${verdict.id}: ${sentence}`)
        })
        // How the attackers fare is said once for each way they fare.
        for (const fares of [/ stands?\.$/, / defeated in turn\.$/, / in dispute too\.$/]) {
          const told = said.filter(
            (sentence) => /^(?:That|Both|All \w+) /.test(sentence) && fares.test(sentence)
          )
          expect(told.length, `${verdict.id}: ${told.join(" / ")}`).toBeLessThanOrEqual(1)
          attacked += told.length
        }
      }
      expect(repeated).toEqual([])
      expect(attacked).toBeGreaterThan(0)
    })
})

import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

// Explanations are written for a writer to paste into a brief: items by the names a writer would use,
// ids only in the steps' item lists, one thing said once.
describe("the seed case's explanations, as of 9 January 2015", () => {
  const caseFile = seedCase()
  const evaluation = evaluateCase(caseFile, { asOf: "2015-01-09" as IsoDay })
  const verdicts = [
    ...evaluation.statements,
    ...evaluation.claims,
    ...evaluation.observations,
    ...evaluation.continuations,
    ...evaluation.relationships.map((relationship) => relationship.verdict),
    ...evaluation.questions.flatMap((question) => question.hypotheses.map((hypothesis) => hypothesis.verdict))
  ]
  const ids = [
    ...caseFile.statements,
    ...caseFile.claims,
    ...caseFile.observations,
    ...caseFile.sources,
    ...caseFile.relationships
  ].map((item) => item.id as string)
  const idPattern = new RegExp(
    `(?<![\\w-])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w-])`,
    "i"
  )

  it("name no item by its id in a sentence, while the steps still list the items they rest on", () => {
    const withIds: Array<string> = []
    for (const verdict of verdicts) {
      for (const sentence of [verdict.about, ...verdict.explanation.map((step) => step.sentence)])
        if (idPattern.test(sentence)) withIds.push(`${verdict.id}: ${sentence}`)
    }
    expect(withIds).toEqual([])
    expect(verdicts.some((verdict) => verdict.explanation.some((step) => step.items.length > 0))).toBe(true)
  })

  it("say nothing twice, and stack no 'which is itself' clauses", () => {
    for (const verdict of verdicts) {
      const sentences = verdict.explanation.map((step) => step.sentence)
      expect(new Set(sentences).size, verdict.id).toBe(sentences.length)
      for (const sentence of sentences) expect(sentence).not.toMatch(/which is itself/)
    }
  })

  it("keep the sentences of the key judgments' explanations under 60 words", () => {
    const key = [
      ...evaluation.questions.flatMap((question) =>
        question.hypotheses.map((hypothesis) => hypothesis.verdict)
      ),
      ...evaluation.relationships.map((relationship) => relationship.verdict)
    ]
    for (const verdict of key)
      for (const step of verdict.explanation)
        for (const sentence of step.sentence.split(/(?<=[.!?])\s+(?=[A-Z])/))
          expect(sentence.split(/\s+/).length, sentence).toBeLessThan(60)
  })
})

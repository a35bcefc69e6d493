import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

// Wording a writer would otherwise edit out of the seed case's explanations.
describe("the seed case's explanation sentences", () => {
  const evaluation = evaluateCase(seedCase(), { asOf: "2015-01-09" as IsoDay })
  const sentences = [
    ...evaluation.statements,
    ...evaluation.claims,
    ...evaluation.observations,
    ...evaluation.continuations,
    ...evaluation.relationships.map((relationship) => relationship.verdict)
  ].flatMap((verdict) => verdict.explanation.map((step) => step.sentence))

  it("never set two brackets side by side: a date joins the brackets already there", () => {
    expect(sentences.filter((sentence) => /\) \(/.test(sentence))).toEqual([])
    expect(sentences.some((sentence) => /\([^()]*; [^()]*\)/.test(sentence))).toBe(true)
  })

  it("never put a capital after a colon unless a name of the case opens what follows", () => {
    const case_ = seedCase()
    const names = new Set<string>()
    for (const actor of case_.actors)
      for (const name of [actor.name.primary, ...actor.name.aliases]) names.add(name.split(/\s+/)[0]!)
    for (const statement of case_.statements)
      if (statement.serial !== undefined) names.add(statement.serial.text.split(/\s+/)[0]!)
    const found = sentences.flatMap((sentence) =>
      [...sentence.matchAll(/: ([A-Z][A-Za-z'’-]*)/g)]
        .filter((match) => !names.has(match[1]!) && !/[A-Z]/.test(match[1]!.slice(1)))
        .map(() => sentence)
    )
    expect(found).toEqual([])
  })
})

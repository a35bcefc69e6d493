import { CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

const statuses = (caseFile: CaseFile, asOf: string) => {
  const evaluation = evaluateCase(caseFile, { asOf: asOf as IsoDay })
  const all = [
    ...evaluation.statements,
    ...evaluation.claims,
    ...evaluation.observations,
    ...evaluation.continuations,
    ...evaluation.relationships.map((r) => r.verdict),
    ...evaluation.questions.flatMap((q) => q.hypotheses.map((h) => h.verdict))
  ]
  return Object.fromEntries(all.map((v) => [v.id, `${v.status}/${v.confidence.words}`]))
}

const shuffled = <A>(items: ReadonlyArray<A>, keys: ReadonlyArray<number>): Array<A> =>
  items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)]! * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.item)

describe("verdicts do not depend on the order of the case file", () => {
  const seed = seedCase()
  const expected = statuses(seed, "2015-01-09")
  it("holds for any reordering of every section", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }), (keys) => {
        const reordered = new CaseFile({
          ...seed,
          actors: shuffled(seed.actors, keys),
          channels: shuffled(seed.channels, keys.toReversed()),
          sources: shuffled(seed.sources, keys),
          statements: shuffled(seed.statements, keys.toReversed()),
          claims: shuffled(seed.claims, keys),
          observations: shuffled(seed.observations, keys.toReversed()),
          relationships: shuffled(seed.relationships, keys),
          questions: seed.questions
        })
        expect(statuses(reordered, "2015-01-09")).toEqual(expected)
      }),
      { numRuns: 60 }
    )
  })
})

import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { dayOfIso, generateCaseInput, isoOf } from "../../src/index.ts"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { expectSame } from "./hand-built.ts"

const decode = Schema.decodeUnknownSync(CaseFile)

/**
 * The days inside the material on which a faction's dated link to a parent starts or has just ended: on
 * each, an actor has another place in the tree than the day before.
 */
const treeDays = (caseFile: CaseFile): ReadonlyArray<number> => {
  const seen = caseFile.statements.map((statement) => dayOfIso(statement.observed.end)).sort((a, b) => a - b)
  const days = new Set<number>()
  for (const actor of caseFile.actors)
    for (const link of actor.parents ?? []) {
      if (link.since !== undefined) days.add(dayOfIso(link.since.start))
      if (link.until !== undefined) days.add(dayOfIso(link.until.end) + 1)
    }
  return [...days].filter((day) => day > seen[0]! && day < seen.at(-1)!).sort((a, b) => a - b)
}

const day = (number: number) => isoOf(number) as IsoDay

// Generated cases move a few factions from one parent to another in the middle of the material. Whether
// an actor lies within another is then read differently on either side of the move, by the rules
// (disowning by scope, denials within a group, activity under another's banner) and by the questions.
describe("moving the as-of day across a change in the actor tree", () => {
  const cases = [1, 2, 3, 4, 5].map((seed) => decode(generateCaseInput({ statements: 2000, seed })))
  const crossings = cases.flatMap((caseFile) => treeDays(caseFile).map((at) => ({ caseFile, at })))

  it("is met in the generated cases", () => {
    expect(crossings.length).toBeGreaterThan(4)
  })

  it("moved forward onto the day, works the move in and concludes what a whole evaluation concludes", () => {
    for (const { caseFile, at } of crossings) {
      const moved = caseEvaluator(caseFile, { asOf: day(at - 1) }).atDay(day(at))
      expect(moved.incremental).toBe(true)
      expectSame(comparable(moved.evaluation), comparable(evaluateCase(caseFile, { asOf: day(at) })))
    }
  })

  it("moved back over the day, with items leaving, concludes what a whole evaluation concludes", () => {
    // Found by this test: the groups the leaving items did not touch were kept as read in the later tree.
    for (const { caseFile, at } of crossings) {
      const moved = caseEvaluator(caseFile, { asOf: day(at + 3) }).atDay(day(at - 1))
      expectSame(comparable(moved.evaluation), comparable(evaluateCase(caseFile, { asOf: day(at - 1) })))
    }
  })
})

import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { Additions, CaseView } from "@allegiance/domain/reasoning/case-view"
import { viewCase } from "@allegiance/domain/reasoning/case-view"
import { itemsOfActors } from "@allegiance/domain/reasoning/tree-moves"
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

/** The items an actor of `actors` takes part in, found by going through the whole view. */
const itemsGoneThrough = (view: CaseView, actors: ReadonlySet<string>): Additions => {
  const statements = view.statements.filter(
    (statement) =>
      actors.has(statement.issuer.actor) ||
      (statement.issuer.signedBy !== undefined && actors.has(statement.issuer.signedBy)) ||
      (statement.signers ?? []).some((signer) => actors.has(signer)) ||
      actors.has(view.channels.get(statement.channel ?? "")?.speaksFor ?? "")
  )
  const makers = new Set(statements.map((statement) => statement.id))
  const claims = view.claims.filter(
    (claim) =>
      ("statement" in claim.madeBy && makers.has(claim.madeBy.statement)) ||
      Object.values(claim).some((value) =>
        Array.isArray(value) ? value.some((each) => actors.has(each)) : actors.has(value)
      )
  )
  const observations = view.observations.filter(
    (observation) => actors.has(observation.actor) || actors.has(observation.under ?? "")
  )
  return { statements, claims, observations }
}

describe("the items the actors moved in the tree take part in", () => {
  it("are those a look through the whole view finds, in the view's order", () => {
    for (const seed of [1, 2, 3]) {
      const caseFile = decode(generateCaseInput({ statements: 1500, seed }))
      const view = viewCase(caseFile, "2016-06-30" as IsoDay)
      const actors = caseFile.actors.map((actor) => actor.id as string)
      // One actor, a few, and every other one: signers, banners and channels among them.
      for (const chosen of [actors.slice(0, 1), actors.slice(3, 9), actors.filter((_, at) => at % 2 === 0)]) {
        const found = itemsOfActors(view, new Set(chosen))
        const expected = itemsGoneThrough(view, new Set(chosen))
        expect(found.statements.length).toBeGreaterThan(0)
        expect(found).toEqual(expected)
      }
    }
  })
})

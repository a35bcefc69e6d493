import { appendedSince, appendToCase, CaseFile, Claim, caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { generateCaseInput } from "../src/index.ts"
import { comparableEvaluation } from "../src/properties.ts"

const decode = Schema.decodeUnknownSync(CaseFile)

describe("appendToCase", () => {
  const input = generateCaseInput({ statements: 40, seed: 5 })
  const whole = decode(input)
  const base = decode({ ...input, claims: (input.claims ?? []).slice(0, -3) })
  const added = whole.claims.slice(-3)

  it("gives the case a case file with those items would be, sharing what it already held", () => {
    const appended = appendToCase(base, { claims: added })
    expect(appended).toBeInstanceOf(CaseFile)
    expect(appended).toStrictEqual(whole)
    expect(appended.actors).toBe(base.actors)
    expect(appended.statements).toBe(base.statements)
    expect(appended.claims.slice(0, base.claims.length).every((claim, i) => claim === base.claims[i])).toBe(
      true
    )
    expect(base.claims).toHaveLength(whole.claims.length - 3)
  })

  it("refuses an item that is not a well-formed one of its kind, naming where it is", () => {
    const broken = { ...added[0]!, kind: "rumour" } as unknown as Claim
    expect(Schema.is(Claim)(broken)).toBe(false)
    expect(() => appendToCase(base, { claims: [added[1]!, broken] })).toThrow(
      `claims[1] (${added[0]!.id}) is not a well-formed claim`
    )
  })
})

describe("appendedSince", () => {
  const input = generateCaseInput({ statements: 40, seed: 8 })
  const whole = decode(input)
  const held = 4
  const base = decode({
    ...input,
    statements: (input.statements ?? []).slice(0, -held),
    claims: (input.claims ?? []).filter((claim) => {
      const maker = (claim as { madeBy: { statement?: string } }).madeBy.statement
      return !whole.statements.slice(-held).some((statement) => statement.id === maker)
    })
  })
  const laterStatements = whole.statements.slice(-held)
  const laterClaims = whole.claims.filter((claim) => !base.claims.some((kept) => kept.id === claim.id))

  it("tells what a line of appends added, in the order they were made", () => {
    const first = appendToCase(base, { statements: laterStatements.slice(0, 2) })
    const second = appendToCase(first, { statements: laterStatements.slice(2), claims: laterClaims })
    expect(laterClaims.length).toBeGreaterThan(0)
    expect(appendedSince(first, base)).toEqual({
      statements: laterStatements.slice(0, 2),
      claims: [],
      observations: []
    })
    expect(appendedSince(second, base)).toEqual({
      statements: laterStatements,
      claims: laterClaims,
      observations: []
    })
    expect(appendedSince(second, first)?.statements).toEqual(laterStatements.slice(2))
  })

  it("knows nothing of a case not made by appending to the other", () => {
    const first = appendToCase(base, { statements: laterStatements.slice(0, 1) })
    expect(appendedSince(whole, base)).toBeUndefined()
    expect(appendedSince(base, first)).toBeUndefined()
    expect(appendedSince(first, whole)).toBeUndefined()
  })

  it("leaves the evaluator to conclude what a whole evaluation concludes after two appends in one update", () => {
    const asOf = "2016-12-31" as IsoDay
    const evaluator = caseEvaluator(base, { asOf })
    const next = appendToCase(appendToCase(base, { statements: laterStatements }), { claims: laterClaims })
    const updated = evaluator.reevaluate(next)
    expect(updated.incremental).toBe(true)
    expect(comparableEvaluation(updated.evaluation)).toEqual(
      comparableEvaluation(evaluateCase(next, { asOf }))
    )
  })
})

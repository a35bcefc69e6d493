import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame } from "./hand-built.ts"

// Two statements of one channel with one serial are told apart by their place in the case: the one
// listed first keeps the bare name, the other is "(second of that name)". When the one listed first
// becomes known later, the other's name changes on that day, and so does every sentence that names it:
// its own verdict, the denial that attacks it, the claim it makes and that claim's relationship.
const statement = (id: string, channel: string, observed: string, serial?: string) =>
  cited({
    id,
    channel,
    observed,
    issuer: { nameAsPrinted: "Org A", actor: "org-a" },
    ...(serial === undefined ? {} : { serial: { text: serial, number: 5 } })
  })
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "renamed", title: "A name that changes as the day moves" },
  actors: [
    { id: "org", kind: "group", name: { primary: "Org" } },
    { id: "org-a", kind: "branch", parent: "org", name: { primary: "Org A" } },
    { id: "other", kind: "group", name: { primary: "Other" } }
  ].map(cited),
  channels: [
    { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
    { id: "ch-a2", kind: "social-media-account", handle: "@a2", speaksFor: "org-a" }
  ].map(cited),
  sources: [],
  statements: [
    statement("st-listed-first", "ch-a", "20 March 2014", "No. 5"),
    statement("st-known-first", "ch-a", "5 March 2014", "No. 5"),
    statement("st-denying", "ch-a2", "6 March 2014")
  ],
  claims: [
    {
      id: "cl-denial",
      kind: "denial",
      scope: "org-a",
      target: "st-known-first",
      madeBy: { statement: "st-denying" }
    },
    {
      id: "cl-cooperation",
      kind: "cooperation",
      scope: "org-a",
      actor: "org-a",
      with: "other",
      madeBy: { statement: "st-known-first" }
    }
  ].map(cited),
  observations: [],
  questions: []
})

describe("moving the as-of day forward past an item that comes in before another named alike", () => {
  const before = caseEvaluator(caseFile, { asOf: "2014-03-10" as IsoDay })
  const moved = before.atDay("2014-03-21" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-21" as IsoDay })

  it("words the earlier-known item's new name wherever a whole evaluation of that day does", () => {
    expect(JSON.stringify(before.evaluation)).not.toContain("second of that name")
    expect(JSON.stringify(whole)).toContain("No. 5 on @a (second of that name)")
    expectSame(comparable(moved.evaluation), comparable(whole))
  })

  it("moves the evaluator on rather than evaluating the case whole", () => {
    expect(moved.incremental).toBe(true)
  })
})

describe("moving the as-of day back past an item that stood before another named alike", () => {
  // Back from 21 March, the statement listed first leaves again, and the other takes back the bare name.
  const later = caseEvaluator(caseFile, { asOf: "2014-03-21" as IsoDay })
  const moved = later.atDay("2014-03-10" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-10" as IsoDay })

  it("words the remaining item's name wherever a whole evaluation of that day does", () => {
    expect(JSON.stringify(later.evaluation)).toContain("No. 5 on @a (second of that name)")
    expect(JSON.stringify(whole)).not.toContain("second of that name")
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame, unitJoiningOrg } from "./hand-built.ts"

// A statement in the group's name that the analyst marks unconfirmed is confirmed by a unit's statement
// before the unit is part of the group: only once it is does the confirmation come from the group, and
// the statement weigh as its own. A move of the as-of day onto the day the unit joins must weigh it again.
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "unconfirmed-over-tree-move", title: "A confirmation whose maker joins the group" },
  actors: unitJoiningOrg("10 March 2014"),
  channels: [
    { id: "ch-org", kind: "social-media-account", handle: "@org", speaksFor: "org" },
    { id: "ch-unit", kind: "social-media-account", handle: "@unit", speaksFor: "unit" }
  ].map(cited),
  sources: [],
  statements: [
    {
      id: "st-pledge",
      channel: "ch-org",
      observed: "1 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" },
      unconfirmed: "Only a screenshot of it circulates"
    },
    {
      id: "st-unit",
      channel: "ch-unit",
      observed: "3 March 2014",
      issuer: { nameAsPrinted: "The Unit", actor: "unit" }
    }
  ].map(cited),
  claims: [
    {
      id: "cl-confirms",
      kind: "confirmation",
      scope: "org",
      target: "st-pledge",
      madeBy: { statement: "st-unit" }
    }
  ].map(cited),
  observations: [],
  questions: []
})

const pledgeStatus = (evaluation: ReturnType<typeof evaluateCase>) =>
  evaluation.statements.find((verdict) => verdict.id === "st-pledge")!.status

describe("moving the as-of day onto the day the maker of a confirmation joins the group", () => {
  const before = caseEvaluator(caseFile, { asOf: "2014-03-05" as IsoDay })
  const moved = before.atDay("2014-03-10" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-10" as IsoDay })

  it("weighs the statement as confirmed by the group, as a whole evaluation of that day", () => {
    // Unconfirmed, it counts for nothing either way; confirmed by the group, it stands.
    expect(pledgeStatus(before.evaluation)).toBe("unsupported")
    expect(pledgeStatus(whole)).toBe("established")
    expect(moved.incremental).toBe(true)
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

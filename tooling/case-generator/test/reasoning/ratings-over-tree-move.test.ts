import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame, unitJoiningOrg } from "./hand-built.ts"

// Fighters of the group are seen under a unit's banner before the unit joins the group: until it does,
// the banner is another's, and the sighting shows the unit at work, not the group. Once the unit is part
// of the group, the same sighting shows the group going on, and the question whether it does rates it
// again: a move of the as-of day over the day the unit joins must not keep the earlier rating.
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "rating-over-tree-move", title: "A sighting whose banner joins the group" },
  actors: unitJoiningOrg("10 March 2014"),
  channels: [{ id: "ch-org", kind: "social-media-account", handle: "@org", speaksFor: "org" }].map(cited),
  sources: [
    { id: "src-monitor", kind: "news-report", description: "A monitoring outlet", reliability: "B" }
  ].map(cited),
  statements: [
    {
      id: "st-org",
      channel: "ch-org",
      observed: "1 February 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" }
    }
  ].map(cited),
  claims: [],
  observations: [
    {
      id: "ob-fighters",
      kind: "activity",
      actor: "org",
      under: "unit",
      source: "src-monitor",
      date: "1 March 2014",
      description: "Fighters at a checkpoint under the Unit's banner"
    }
  ].map(cited),
  questions: [
    {
      id: "q-goes-on",
      text: "Does Org go on?",
      about: "org",
      hypotheses: [
        {
          id: "h-goes-on",
          text: "Org goes on",
          expects: [{ kind: "continued-existence", actor: "org", holds: true }]
        },
        {
          id: "h-ended",
          text: "Org has ended",
          expects: [{ kind: "continued-existence", actor: "org", holds: false }]
        }
      ].map(cited)
    }
  ].map(cited)
})

const sightingRated = (evaluation: ReturnType<typeof evaluateCase>) =>
  evaluation.questions[0]!.hypotheses.some((hypothesis) =>
    hypothesis.ratings.some((rating) => rating.evidence === "ob-fighters")
  )

describe("moving the as-of day over the day a banner joins the group", () => {
  const before = caseEvaluator(caseFile, { asOf: "2014-03-05" as IsoDay })
  const moved = before.atDay("2014-03-10" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-10" as IsoDay })

  it("rates the sighting for the question anew, as a whole evaluation of that day", () => {
    expect(sightingRated(before.evaluation)).toBe(false)
    expect(sightingRated(whole)).toBe(true)
    expect(moved.incremental).toBe(true)
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

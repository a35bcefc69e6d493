import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame } from "./hand-built.ts"

// A statement in the group's name, signed by nobody, is denied by another in the group's name. Only
// later does a report say that just some commanders stood behind it: from then on it is a part speaking
// for the whole, and fighters seen at work later still are independent evidence against it. The
// evaluator, moved day by day, must find the statement among the part's when the sighting comes in,
// though it came into the case as the whole group's.
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "part-said-later", title: "A statement found later to be a part's" },
  actors: [{ id: "org", kind: "group", name: { primary: "Org" } }].map(cited),
  channels: [
    { id: "ch-leaders", kind: "social-media-account", handle: "@leaders", speaksFor: "org" },
    { id: "ch-deniers", kind: "social-media-account", handle: "@deniers", speaksFor: "org" }
  ].map(cited),
  sources: [
    {
      id: "src-reporter",
      kind: "news-report",
      description: "A reporter close to the group",
      reliability: "B"
    },
    { id: "src-monitor", kind: "news-report", description: "A monitoring outlet", reliability: "B" }
  ].map(cited),
  statements: [
    {
      id: "st-leaders",
      channel: "ch-leaders",
      observed: "1 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" }
    },
    {
      id: "st-denying",
      channel: "ch-deniers",
      observed: "2 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" }
    }
  ].map(cited),
  claims: [
    {
      id: "cl-denial",
      kind: "denial",
      scope: "org",
      target: "st-leaders",
      madeBy: { statement: "st-denying" }
    },
    {
      id: "cl-part",
      kind: "partial-involvement",
      scope: "org",
      actor: "org",
      part: "some commanders",
      about: "st-leaders",
      madeBy: { source: "src-reporter" },
      reported: "10 March 2014"
    }
  ].map(cited),
  observations: [
    {
      id: "ob-fighters",
      kind: "activity",
      actor: "org",
      source: "src-monitor",
      date: "20 March 2014",
      description: "Fighters under its banner at a checkpoint"
    }
  ].map(cited),
  questions: []
})

const sightingAgainst = (evaluation: { readonly findings: ReadonlyArray<{ readonly sentence: string }> }) =>
  evaluation.findings.some(
    (finding) =>
      finding.sentence.startsWith("Independent evidence shows Org") && finding.sentence.includes("checkpoint")
  )

describe("moving the as-of day onto a sighting after a statement was found to be a part's", () => {
  const first = caseEvaluator(caseFile, { asOf: "2014-03-05" as IsoDay })
  const partKnown = first.atDay("2014-03-12" as IsoDay)
  const moved = partKnown.atDay("2014-03-21" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-21" as IsoDay })

  it("weighs the sighting against the statement, as a whole evaluation of that day", () => {
    expect(sightingAgainst(partKnown.evaluation)).toBe(false)
    expect(sightingAgainst(whole)).toBe(true)
    expect(moved.incremental).toBe(true)
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame } from "./hand-built.ts"

// A council's statement in the group's name is denied by another statement in the group's name, on
// another channel. Fighters seen at work after it are independent evidence of the group going on as
// before, until the release that carries the sighting becomes known: a spokesman's, on the deniers'
// channel, so from then on the sighting is their words too, and no longer independent of them. (A
// person's words show only the person at work: the release is no evidence of the group of its own.)
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "carried", title: "A sighting whose carrier becomes known later" },
  actors: [
    { id: "org", kind: "group", name: { primary: "Org" } },
    { id: "council", kind: "body", parent: "org", name: { primary: "Org Council" } },
    { id: "spokesman", kind: "person", name: { primary: "A spokesman" } }
  ].map(cited),
  channels: [
    { id: "ch-council", kind: "social-media-account", handle: "@council", speaksFor: "org" },
    { id: "ch-deniers", kind: "social-media-account", handle: "@deniers", speaksFor: "org" }
  ].map(cited),
  sources: [
    { id: "src-monitor", kind: "news-report", description: "A monitoring outlet", reliability: "B" }
  ].map(cited),
  statements: [
    {
      id: "st-council",
      channel: "ch-council",
      observed: "1 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org", signedBy: "council" }
    },
    {
      id: "st-denying",
      channel: "ch-deniers",
      observed: "2 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" }
    },
    {
      id: "st-carrier",
      channel: "ch-deniers",
      observed: "20 March 2014",
      issuer: { nameAsPrinted: "A spokesman", actor: "spokesman" }
    }
  ].map(cited),
  claims: [
    {
      id: "cl-denial",
      kind: "denial",
      scope: "org",
      target: "st-council",
      madeBy: { statement: "st-denying" }
    }
  ].map(cited),
  observations: [
    {
      id: "ob-fighters",
      kind: "activity",
      actor: "org",
      source: "src-monitor",
      date: "5 March 2014",
      description: "Fighters under its banner at a checkpoint",
      carriedBy: "st-carrier"
    }
  ].map(cited),
  questions: []
})

const independent = (evaluation: { readonly findings: ReadonlyArray<{ readonly sentence: string }> }) =>
  evaluation.findings.some((finding) => finding.sentence.startsWith("Independent evidence shows Org"))

describe("moving the as-of day forward onto the day the carrier of a sighting becomes known", () => {
  const before = caseEvaluator(caseFile, { asOf: "2014-03-10" as IsoDay })
  const moved = before.atDay("2014-03-21" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-21" as IsoDay })

  it("no longer counts the sighting as independent of the deniers, as a whole evaluation of that day", () => {
    expect(independent(before.evaluation)).toBe(true)
    expect(independent(whole)).toBe(false)
    expect(moved.incremental).toBe(true)
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

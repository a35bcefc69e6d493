import { caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { comparableEvaluation as comparable } from "../../src/properties.ts"
import { cited, expectSame } from "./hand-built.ts"

// A sighting described as "Bayan leaflets handed out" reads "bayan leaflets handed out" in a sentence,
// until a statement whose serial opens with that word ("Bayan No. 5") is in the case: from then on the
// word may be a name, and is left as written. Moving the as-of day onto the day that statement becomes
// known changes the words of the sighting's support, though the sighting itself is as it was.
const caseFile = Schema.decodeUnknownSync(CaseFile)({
  case: { id: "serial-words", title: "A word that becomes a serial's" },
  actors: [{ id: "org", kind: "group", name: { primary: "Org" } }].map(cited),
  channels: [{ id: "ch-org", kind: "social-media-account", handle: "@org", speaksFor: "org" }].map(cited),
  sources: [
    { id: "src-monitor", kind: "news-report", description: "A monitoring outlet", reliability: "B" }
  ].map(cited),
  statements: [
    {
      id: "st-bayan",
      channel: "ch-org",
      observed: "20 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" },
      serial: { text: "Bayan No. 5", number: 5 }
    },
    {
      id: "st-early",
      channel: "ch-org",
      observed: "1 March 2014",
      issuer: { nameAsPrinted: "Org", actor: "org" }
    }
  ].map(cited),
  claims: [],
  observations: [
    {
      id: "ob-leaflets",
      kind: "activity",
      actor: "org",
      source: "src-monitor",
      date: "5 March 2014",
      description: "Bayan leaflets handed out in the market"
    }
  ].map(cited),
  questions: []
})

const sentences = (evaluation: { readonly findings: ReadonlyArray<{ readonly sentence: string }> }) =>
  evaluation.findings.map((finding) => finding.sentence).join("\n")

describe("moving the as-of day onto the day a statement with a serial of a new word becomes known", () => {
  const before = caseEvaluator(caseFile, { asOf: "2014-03-10" as IsoDay })
  const moved = before.atDay("2014-03-21" as IsoDay)
  const whole = evaluateCase(caseFile, { asOf: "2014-03-21" as IsoDay })

  it("words the sighting's support as a whole evaluation of that day does", () => {
    expect(sentences(before.evaluation)).toContain("bayan leaflets handed out")
    expect(sentences(whole)).toContain("Bayan leaflets handed out")
    expect(moved.incremental).toBe(true)
    expectSame(comparable(moved.evaluation), comparable(whole))
  })
})

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { caseSummary, evaluationSummary } from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success

describe("summaries", () => {
  it("shows the actor tree, statements in date order and the open questions", () => {
    const text = caseSummary(seed)
    expect(text).toContain("16 actors, 6 channels")
    expect(text).toMatch(/- Jamaat Ansar al-Islam[^\n]*\n {4}- JAI Iraq/)
    expect(text.indexOf("By the end of August 2014")).toBeLessThan(text.indexOf("Statement 449"))
    expect(text).toContain("Is this the end of JAI Syria?")
  })

  it("lists every verdict with status and confidence, and explanations on request", () => {
    const evaluation = evaluateCase(seed, { asOf: "2015-01-09" as IsoDay })
    const short = evaluationSummary(evaluation, { explain: false })
    expect(short).toMatch(/CONTESTED\s+roughly even chance\s+the attribution of Statement 449/)
    expect(short).not.toContain("Would settle it")
    const long = evaluationSummary(evaluation, { explain: true })
    expect(long).toContain("Would settle it: A recovery notice for @ansarulsham")
    expect(long).toContain("JAI Iraq ceased to exist as an actor")
  })
})

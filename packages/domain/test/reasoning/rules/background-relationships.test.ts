import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CaseFile } from "../../../src/model/case-file.ts"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day } from "../build-case.ts"

// Background relationships are the analyst's statements of links; buildCase has no section for them.
const withBackground = (relationships: ReadonlyArray<Record<string, unknown>>) => {
  const base = buildCase({
    sources: [{ id: "src-analyst", kind: "analyst", description: "The analyst", reliability: "B" }]
  })
  return Schema.decodeUnknownSync(CaseFile)({
    ...Schema.encodeSync(CaseFile)(base),
    relationships: relationships.map((relationship) => ({ cites: [{ paragraph: 1 }], ...relationship }))
  })
}

describe("background relationships", () => {
  it("are not yet known on a day before they start", () => {
    const caseFile = withBackground([
      {
        id: "rel-ally",
        kind: "cooperates-with",
        from: "org-a",
        to: "other",
        since: "1 June 2020",
        sources: ["src-analyst"]
      }
    ])
    const before = evaluateCase(caseFile, { asOf: day("2020-05-01") })
    expect(before.relationships.map((r) => r.id)).toEqual([])
    expect(before.leftOut.map((item) => item.id)).toEqual(["rel-ally"])
    const after = evaluateCase(caseFile, { asOf: day("2020-07-01") })
    expect(after.relationships.find((r) => r.id === "rel-ally")?.verdict.status).toBe("established")
  })

  it("say so when they rest on no source: the analyst's own assertion, with less confidence than a reliable source gives", () => {
    const caseFile = withBackground([
      { id: "rel-own", kind: "rival-of", from: "org-a", to: "other" },
      { id: "rel-sourced", kind: "rival-of", from: "org-b", to: "other", sources: ["src-analyst"] }
    ])
    const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
    const own = result.relationships.find((r) => r.id === "rel-own")!.verdict
    const sourced = result.relationships.find((r) => r.id === "rel-sourced")!.verdict
    expect(own.confidence.reason).toContain("analyst's own assertion")
    expect(own.explanation.map((step) => step.sentence).join(" ")).toContain("analyst's own assertion")
    expect(own.confidence.words).not.toBe(sourced.confidence.words)
  })
})

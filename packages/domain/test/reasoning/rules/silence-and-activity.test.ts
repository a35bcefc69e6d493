import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day, statement } from "../build-case.ts"

const sources = [{ id: "src-analyst", kind: "analyst", description: "The analyst", reliability: "B" }]
const dissolution = {
  id: "cl-end",
  kind: "dissolution",
  scope: "org-a",
  actor: "org-a",
  madeBy: { statement: "st-end" }
}
const photos = (date: string) => ({
  id: "ob-photos",
  kind: "activity",
  actor: "org-a",
  source: "src-analyst",
  date,
  description: "Photos of members under the banner"
})

describe("silence and activity", () => {
  it("lets new dated activity defeat a claimed dissolution and support going on", () => {
    const caseFile = buildCase({
      sources,
      statements: [statement("st-end", "ch-a", "1 June 2020")],
      claims: [dissolution],
      observations: [photos("10 June 2020")]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
    expect(result.claims.find((v) => v.id === "cl-end")?.status).toBe("refuted")
    expect(result.continuations.find((v) => v.id === "continues:org-a")?.status).toBe("established")
  })

  it("lets a dissolution dated after all activity stand", () => {
    const caseFile = buildCase({
      sources,
      statements: [statement("st-end", "ch-a", "1 June 2020")],
      claims: [dissolution],
      observations: [photos("10 May 2020")]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
    expect(result.claims.find((v) => v.id === "cl-end")?.status).toBe("established")
    expect(result.continuations.find((v) => v.id === "continues:org-a")?.status).toBe("refuted")
    expect(result.lifecycles.find((life) => life.actor === "org-a")?.state).toBe("ceased")
  })

  it("lets the deniers' silence defeat their denial, but only once the silence is known", () => {
    const caseFile = buildCase({
      sources,
      statements: [statement("st-said", "ch-a", "1 June 2020"), statement("st-deny", "ch-a2", "5 June 2020")],
      claims: [
        {
          id: "cl-denial",
          kind: "denial",
          scope: "org-a",
          target: "st-said",
          madeBy: { statement: "st-deny" }
        }
      ],
      observations: [
        {
          id: "ob-silence",
          kind: "absence",
          actor: "org-a",
          source: "src-analyst",
          date: { text: "the festival", start: "2020-07-30", end: "2020-08-02", precision: "approximate" },
          description: "No festival message",
          expected: "A message every year"
        }
      ]
    })
    const before = evaluateCase(caseFile, { asOf: day("2020-07-31") })
    expect(before.claims.find((v) => v.id === "cl-denial")?.status).toBe("established")
    expect(before.leftOut.map((item) => item.id)).toContain("ob-silence")
    const after = evaluateCase(caseFile, { asOf: day("2020-08-03") })
    expect(after.claims.find((v) => v.id === "cl-denial")?.status).toBe("refuted")
  })
})

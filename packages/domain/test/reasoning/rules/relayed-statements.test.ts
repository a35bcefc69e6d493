import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day, statement } from "../build-case.ts"

const channels = [
  { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
  { id: "ch-agency", kind: "website", handle: "The agency" }
]
const sources = [
  { id: "src-a", kind: "actor-channel", description: "The @a account", reliability: "B", channel: "ch-a" },
  { id: "src-agency", kind: "news-report", description: "The agency", reliability: "E", channel: "ch-agency" }
]

describe("a statement relayed by an agency", () => {
  it("keeps the relay's reliability apart from the author's, and is bounded by the weaker", () => {
    const caseFile = buildCase({
      channels,
      sources,
      statements: [
        statement("st-direct", "ch-a", "1 May 2020"),
        statement("st-relayed", "ch-a", "2 May 2020", { relayedBy: ["ch-agency"] })
      ]
    })
    const verdicts = evaluateCase(caseFile, { asOf: day("2020-06-01") }).statements
    const direct = verdicts.find((v) => v.id === "st-direct")!
    const relayed = verdicts.find((v) => v.id === "st-relayed")!
    expect(direct.confidence.words).toBe("very likely")
    expect(relayed.confidence.words).not.toBe("very likely")
    expect(relayed.confidence.reason).toContain("usually reliable (B)")
    expect(relayed.confidence.reason).toContain("The agency, unreliable (E) as a relay")
  })

  it("is not a statement of the relay's channel: it takes no place in the relay's numbering", () => {
    const caseFile = buildCase({
      channels,
      sources,
      statements: [
        statement("st-1", "ch-a", "1 May 2020", {
          serial: { text: "No. 5", number: 5 },
          relayedBy: ["ch-agency"]
        }),
        {
          id: "st-agency",
          channel: "ch-agency",
          observed: "3 May 2020",
          serial: { text: "No. 900", number: 900 },
          issuer: { nameAsPrinted: "The agency", actor: "other" }
        },
        statement("st-2", "ch-a", "5 May 2020", {
          serial: { text: "No. 6", number: 6 },
          relayedBy: ["ch-agency"]
        })
      ]
    })
    const findings = evaluateCase(caseFile, { asOf: day("2020-06-01") }).findings
    expect(findings.filter((f) => f.rule === "sequence")).toEqual([])
  })
})

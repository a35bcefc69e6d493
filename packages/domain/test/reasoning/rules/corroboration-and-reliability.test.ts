import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day } from "../build-case.ts"

const claim = (id: string, source: string, credibility: number) => ({
  id,
  kind: "cooperation",
  scope: "org-a",
  actor: "org-a",
  with: "other",
  madeBy: { source },
  reported: "1 March 2021",
  credibility
})
const status = (caseFile: ReturnType<typeof buildCase>, id: string) =>
  evaluateCase(caseFile, { asOf: day("2021-04-01") }).claims.find((v) => v.id === id)?.status

describe("corroboration and reliability", () => {
  it("leaves a claim from one low-reliability source unsupported", () => {
    const caseFile = buildCase({
      sources: [{ id: "src-c", kind: "field-interview", description: "A fighter", reliability: "C" }],
      claims: [claim("cl-1", "src-c", 3)]
    })
    expect(status(caseFile, "cl-1")).toBe("unsupported")
  })

  it("establishes it once an independent source corroborates it, though neither suffices alone", () => {
    const sources = [
      { id: "src-c", kind: "field-interview", description: "A fighter", reliability: "C" },
      { id: "src-d", kind: "news-report", description: "A reporter", reliability: "C" }
    ]
    expect(status(buildCase({ sources, claims: [claim("cl-2", "src-d", 2)] }), "cl-2")).toBe("unsupported")
    const both = buildCase({ sources, claims: [claim("cl-1", "src-c", 3), claim("cl-2", "src-d", 2)] })
    expect(status(both, "cl-1")).toBe("established")
    expect(status(both, "cl-2")).toBe("established")
  })

  it("does not count a source that repeats another as corroboration", () => {
    const caseFile = buildCase({
      sources: [
        { id: "src-c", kind: "field-interview", description: "A fighter", reliability: "C" },
        {
          id: "src-d",
          kind: "news-report",
          description: "A reporter quoting him",
          reliability: "C",
          dependsOn: ["src-c"]
        }
      ],
      claims: [claim("cl-1", "src-c", 3), claim("cl-2", "src-d", 3)]
    })
    expect(status(caseFile, "cl-1")).toBe("unsupported")
  })
})

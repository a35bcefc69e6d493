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

  it("does not count a source that depends on another among several it names, however far", () => {
    const caseFile = buildCase({
      sources: [
        { id: "src-c", kind: "field-interview", description: "A fighter", reliability: "C" },
        { id: "src-wire", kind: "news-report", description: "A wire service", reliability: "C" },
        {
          id: "src-d",
          kind: "news-report",
          description: "A paper citing the wire and a digest of the fighter's words",
          reliability: "C",
          dependsOn: ["src-wire", "src-digest"]
        },
        {
          id: "src-digest",
          kind: "news-report",
          description: "A digest",
          reliability: "C",
          dependsOn: ["src-c"]
        }
      ],
      claims: [claim("cl-1", "src-c", 2), claim("cl-2", "src-d", 2)]
    })
    expect(status(caseFile, "cl-1")).toBe("unsupported")
  })

  it("does not count two accounts of one channel as independent", () => {
    const caseFile = buildCase({
      sources: [
        { id: "src-c", kind: "field-interview", description: "A fighter", reliability: "C", channel: "ch-b" },
        {
          id: "src-d",
          kind: "news-report",
          description: "A reporter reading the same account",
          reliability: "C",
          channel: "ch-b"
        }
      ],
      claims: [claim("cl-1", "src-c", 3), claim("cl-2", "src-d", 2)]
    })
    expect(status(caseFile, "cl-1")).toBe("unsupported")
  })

  describe("a statement the analyst marks unconfirmed", () => {
    const statements = [
      {
        id: "st-screenshot",
        channel: "ch-a",
        observed: "1 March 2021",
        issuer: { nameAsPrinted: "Org A", actor: "org-a" },
        unconfirmed: "Seen only as a screenshot; the account shows no such post."
      },
      {
        id: "st-earlier",
        channel: "ch-a2",
        observed: "1 February 2021",
        issuer: { nameAsPrinted: "Org A", actor: "org-a" }
      }
    ]
    const denying = {
      id: "cl-denies",
      kind: "denial",
      scope: "org-a",
      target: "st-earlier",
      madeBy: { statement: "st-screenshot" }
    }

    it("is unsupported and attacks nothing, nor do its claims", () => {
      const result = evaluateCase(buildCase({ statements, claims: [denying] }), { asOf: day("2021-04-01") })
      const verdict = (id: string) => [...result.statements, ...result.claims].find((v) => v.id === id)
      expect(verdict("st-screenshot")?.status).toBe("unsupported")
      expect(verdict("st-screenshot")?.confidence.reason).toContain("unconfirmed")
      expect(verdict("cl-denies")?.status).toBe("unsupported")
      expect(verdict("st-earlier")?.status).toBe("established")
    })

    it("counts once the actor confirms it", () => {
      const result = evaluateCase(
        buildCase({
          statements: [
            ...statements,
            {
              id: "st-owned",
              channel: "ch-a2",
              observed: "5 March 2021",
              issuer: { nameAsPrinted: "Org A", actor: "org-a" }
            }
          ],
          claims: [
            denying,
            {
              id: "cl-ours",
              kind: "confirmation",
              scope: "org-a",
              target: "st-screenshot",
              madeBy: { statement: "st-owned" }
            }
          ]
        }),
        { asOf: day("2021-04-01") }
      )
      expect(result.statements.find((v) => v.id === "st-screenshot")?.status).toBe("established")
      expect(result.statements.find((v) => v.id === "st-earlier")?.status).toBe("refuted")
    })
  })
})

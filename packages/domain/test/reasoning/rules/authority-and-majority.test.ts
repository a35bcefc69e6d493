import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day, statement } from "../build-case.ts"

const actors = [
  { id: "org-a", kind: "branch", name: { primary: "Org A" } },
  { id: "council", kind: "body", parent: "org-a", name: { primary: "Council" } },
  { id: "remnant", kind: "faction", parent: "org-a", name: { primary: "Remnant" } },
  { id: "other", kind: "group", name: { primary: "Other" } }
]
const sources = [{ id: "src-analyst", kind: "analyst", description: "The analyst", reliability: "B" }]
const statements = [
  {
    ...statement("st-decision", "ch-a2", "10 August 2020"),
    issuer: { nameAsPrinted: "Council", actor: "org-a", signedBy: "council" }
  },
  {
    ...statement("st-denial", "ch-a", "20 August 2020"),
    issuer: { nameAsPrinted: "Org A", actor: "org-a", signedBy: "remnant" }
  }
]
const claims = [
  {
    id: "cl-pledge",
    kind: "pledge",
    scope: "org-a",
    pledger: "org-a",
    recipient: "other",
    madeBy: { statement: "st-decision" }
  },
  {
    id: "cl-denial",
    kind: "denial",
    scope: "org-a",
    target: "st-decision",
    madeBy: { statement: "st-denial" }
  }
]

describe("authority and majority", () => {
  it("leaves a part's decision contested while others who speak for the actor deny it", () => {
    const caseFile = buildCase({ actors, sources, statements, claims })
    const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
    expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("contested")
  })

  it("lets majority evidence defeat the denial", () => {
    const caseFile = buildCase({
      actors,
      sources,
      statements,
      claims: [
        ...claims,
        {
          id: "cl-majority",
          kind: "majority-backing",
          scope: "org-a",
          actor: "org-a",
          backs: "st-decision",
          madeBy: { source: "src-analyst" },
          reported: "25 August 2020"
        }
      ]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
    expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("established")
    expect(result.claims.find((v) => v.id === "cl-denial")?.status).toBe("refuted")
  })

  it("lets independent evidence of the actor going on defeat the decision", () => {
    const caseFile = buildCase({
      actors,
      sources,
      statements,
      claims,
      observations: [
        {
          id: "ob-photos",
          kind: "activity",
          actor: "org-a",
          source: "src-analyst",
          date: "25 August 2020",
          description: "Photos of members"
        }
      ]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
    expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("refuted")
  })

  it("does not apply to a statement signed by the actor itself", () => {
    const caseFile = buildCase({
      actors,
      sources,
      statements: [{ ...statements[0]!, issuer: { nameAsPrinted: "Org A", actor: "org-a" } }, statements[1]!],
      claims
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
    expect(result.findings.filter((f) => f.rule === "authority-and-majority")).toEqual([])
  })

  describe("independent evidence is of another origin, not merely another channel", () => {
    it("does not count the deniers' own words, written without a channel, as evidence of the actor going on", () => {
      const caseFile = buildCase({
        actors,
        sources,
        statements: [
          statements[0]!,
          {
            id: "st-denial",
            observed: "20 August 2020",
            issuer: { nameAsPrinted: "Org A", actor: "org-a", signedBy: "remnant" }
          }
        ],
        claims: [
          ...claims,
          {
            id: "cl-we-go-on",
            kind: "continued-existence",
            scope: "org-a",
            actor: "org-a",
            madeBy: { statement: "st-denial" }
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
      expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("contested")
    })

    it("does not count a report that rests, through a source it depends on, on the deniers' own account", () => {
      const caseFile = buildCase({
        actors,
        sources: [
          ...sources,
          {
            id: "src-remnant",
            kind: "actor-channel",
            description: "The remnant's account",
            reliability: "C",
            channel: "ch-a"
          },
          {
            id: "src-paper",
            kind: "news-report",
            description: "A paper",
            reliability: "B",
            dependsOn: ["src-analyst", "src-remnant"]
          }
        ],
        statements,
        claims,
        observations: [
          {
            id: "ob-reported",
            kind: "activity",
            actor: "org-a",
            source: "src-paper",
            date: "25 August 2020",
            description: "Reported at work"
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
      expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("contested")
    })
  })

  it("does not take activity under the banner the actor pledged to as the actor going on as before", () => {
    const caseFile = buildCase({
      actors,
      sources,
      statements,
      claims,
      observations: [
        {
          id: "ob-under-other",
          kind: "activity",
          actor: "org-a",
          under: "other",
          source: "src-analyst",
          date: "25 August 2020",
          description: "Its fighters seen under the banner of Other"
        }
      ]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
    expect(result.claims.find((v) => v.id === "cl-pledge")?.status).toBe("contested")
    const goesOn = result.continuations.find((v) => v.id === "continues:org-a")
    expect(goesOn?.explanation.flatMap((step) => step.items)).not.toContain("ob-under-other")
    expect(result.continuations.find((v) => v.id === "continues:other")?.status).toBe("established")
  })
})

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

  describe("a statement does not refute itself", () => {
    it("keeps a merger that the same statement says the actor survives under its own name", () => {
      const caseFile = buildCase({
        sources,
        statements: [statement("st-joined", "ch-a", "1 June 2020")],
        claims: [
          {
            id: "cl-merged",
            kind: "merger",
            scope: "org-a",
            absorbed: "org-a",
            into: "other",
            madeBy: { statement: "st-joined" }
          },
          {
            id: "cl-own-name",
            kind: "continued-existence",
            scope: "org-a",
            actor: "org-a",
            madeBy: { statement: "st-joined" }
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.claims.find((v) => v.id === "cl-merged")?.status).toBe("established")
      expect(result.claims.find((v) => v.id === "cl-own-name")?.status).toBe("established")
      expect(result.continuations.find((v) => v.id === "continues:org-a")?.status).toBe("established")
      expect(result.lifecycles.find((life) => life.actor === "org-a")?.state).toBe("active")
    })
  })

  describe("the actor's own releases are activity", () => {
    it("lets a later release in the actor's name, whose authorship stands, defeat a claimed dissolution", () => {
      const caseFile = buildCase({
        sources,
        statements: [
          statement("st-end", "ch-a", "1 June 2020"),
          statement("st-still-here", "ch-a2", "10 June 2020")
        ],
        claims: [dissolution]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.claims.find((v) => v.id === "cl-end")?.status).toBe("refuted")
      expect(result.continuations.find((v) => v.id === "continues:org-a")?.status).toBe("established")
    })

    it("counts an observed release as activity", () => {
      const caseFile = buildCase({
        sources,
        statements: [statement("st-end", "ch-a", "1 June 2020")],
        claims: [dissolution],
        observations: [
          {
            id: "ob-release",
            kind: "release",
            actor: "org-a",
            source: "src-analyst",
            date: "12 June 2020",
            description: "A video release in its name"
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.claims.find((v) => v.id === "cl-end")?.status).toBe("refuted")
    })

    it("reads the same releases on both sides: no silence after a release that came later", () => {
      const caseFile = buildCase({
        sources,
        statements: [
          statement("st-before", "ch-a", "1 May 2020"),
          statement("st-after", "ch-a", "20 August 2020")
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
      const result = evaluateCase(caseFile, { asOf: day("2020-09-01") })
      expect(result.continuations.find((v) => v.id === "continues:org-a")?.status).toBe("established")
    })

    it("does not count a release whose authorship is refuted", () => {
      const caseFile = buildCase({
        sources,
        statements: [
          statement("st-end", "ch-a", "1 June 2020"),
          statement("st-forged", "ch-a2", "10 June 2020"),
          {
            ...statement("st-not-ours", "ch-b", "12 June 2020"),
            issuer: { nameAsPrinted: "Org", actor: "org" }
          }
        ],
        claims: [
          dissolution,
          {
            id: "cl-forged",
            kind: "denial",
            scope: "org-a",
            target: "st-forged",
            madeBy: { statement: "st-not-ours" }
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.statements.find((v) => v.id === "st-forged")?.status).toBe("refuted")
      expect(result.claims.find((v) => v.id === "cl-end")?.status).not.toBe("refuted")
    })
  })

  describe("a claim of responsibility", () => {
    it("shows the actor at work on the day it was claimed", () => {
      const caseFile = buildCase({
        sources: [
          ...sources,
          { id: "src-agency", kind: "news-report", description: "An agency", reliability: "B" }
        ],
        statements: [statement("st-end", "ch-a", "1 June 2020")],
        claims: [
          dissolution,
          {
            id: "cl-attack",
            kind: "responsibility",
            scope: "org-a",
            actor: "org-a",
            event: "the attack on the checkpoint",
            place: "the northern road",
            occurred: "14 June 2020",
            madeBy: { source: "src-agency" },
            reported: "15 June 2020"
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.claims.find((v) => v.id === "cl-end")?.status).toBe("refuted")
      expect(result.claims.find((v) => v.id === "cl-attack")?.about).toContain("the attack on the checkpoint")
    })
  })

  describe("joining an umbrella while keeping one's name", () => {
    it("makes the actor a member, ends nothing, and counts against a hypothesis that it merged", () => {
      const caseFile = buildCase({
        sources,
        statements: [statement("st-joins", "ch-a", "1 June 2020")],
        claims: [
          {
            id: "cl-joins",
            kind: "joining",
            scope: "org-a",
            member: "org-a",
            umbrella: "other",
            madeBy: { statement: "st-joins" }
          }
        ],
        observations: [photos("10 June 2020")],
        questions: [
          {
            id: "q-fate",
            text: "What became of Org A?",
            hypotheses: [
              {
                id: "h-merged",
                text: "It merged into Other.",
                expects: [{ kind: "merger", absorbed: "org-a", holds: true }]
              },
              {
                id: "h-member",
                text: "It joined Other as a member.",
                expects: [{ kind: "joining", member: "org-a", holds: true }]
              }
            ]
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
      expect(result.claims.find((v) => v.id === "cl-joins")?.status).toBe("established")
      expect(result.relationships.find((r) => r.kind === "member-of")?.verdict.status).toBe("established")
      expect(result.lifecycles.find((life) => life.actor === "org-a")?.state).toBe("active")
      const question = result.questions[0]!
      expect(question.hypotheses[0]?.hypothesis).toBe("h-member")
      expect(question.hypotheses.find((h) => h.hypothesis === "h-merged")?.ratings).toContainEqual(
        expect.objectContaining({ evidence: "cl-joins", rating: "inconsistent" })
      )
    })
  })
})

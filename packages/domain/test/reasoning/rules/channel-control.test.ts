import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { channelControl } from "../../../src/reasoning/rules/channel-control.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

const compromise = (since: string) => ({
  id: "cl-lost",
  kind: "channel-compromised",
  scope: "org-a",
  channel: "ch-a",
  since,
  madeBy: { statement: "st-notice" }
})

const base = (extraClaims: ReadonlyArray<Record<string, unknown>> = []) =>
  buildCase({
    statements: [
      statement("st-before", "ch-a", "1 March 2020"),
      statement("st-after", "ch-a", "20 March 2020"),
      statement("st-notice", "ch-a2", "12 March 2020")
    ],
    claims: [compromise("10 March 2020"), ...extraClaims]
  })

describe("channel control", () => {
  it("disputes statements on the channel from the claimed time on, and only those", () => {
    const attacks = findingsOf(channelControl, base()).filter((f) => f.kind === "attack")
    expect(attacks.map((f) => f.target)).toEqual(["auth:st-after"])
    const verdicts = evaluateCase(base(), { asOf: day("2020-04-01") })
    const status = (id: string) => verdicts.statements.find((v) => v.id === id)?.status
    expect(status("st-before")).toBe("established")
    expect(status("st-after")).toBe("refuted")
  })

  it("does not fire when the claim comes through the same channel", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-after", "ch-a", "20 March 2020"),
        statement("st-notice", "ch-a", "12 March 2020")
      ],
      claims: [compromise("10 March 2020")]
    })
    expect(findingsOf(channelControl, caseFile).filter((f) => f.kind === "attack")).toEqual([])
  })

  it("does not fire when the claim speaks for another actor", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-after", "ch-a", "20 March 2020"),
        {
          ...statement("st-notice", "ch-b", "12 March 2020"),
          issuer: { nameAsPrinted: "Org B", actor: "org-b" }
        }
      ],
      claims: [compromise("10 March 2020")]
    })
    expect(findingsOf(channelControl, caseFile).filter((f) => f.kind === "attack")).toEqual([])
  })

  describe("a recovery notice", () => {
    const recovered = (
      extraStatements: ReadonlyArray<Record<string, unknown>>,
      extraClaims: ReadonlyArray<Record<string, unknown>>
    ) =>
      buildCase({
        statements: [
          statement("st-after", "ch-a", "20 March 2020"),
          statement("st-recovered", "ch-a", "1 April 2020"),
          statement("st-notice", "ch-a2", "12 March 2020"),
          statement("st-recovery", "ch-a2", "25 March 2020"),
          ...extraStatements
        ],
        claims: [
          compromise("10 March 2020"),
          {
            id: "cl-back",
            kind: "channel-recovered",
            scope: "org-a",
            channel: "ch-a",
            at: "25 March 2020",
            madeBy: { statement: "st-recovery" }
          },
          ...extraClaims
        ]
      })
    const status = (caseFile: ReturnType<typeof buildCase>, id: string) =>
      evaluateCase(caseFile, { asOf: day("2020-05-01") }).statements.find((v) => v.id === id)?.status

    it("ends the dispute for statements after it", () => {
      const caseFile = recovered([], [])
      expect(status(caseFile, "st-after")).toBe("refuted")
      expect(status(caseFile, "st-recovered")).toBe("established")
    })

    it("ends nothing when it is itself refuted", () => {
      const caseFile = recovered(
        [
          {
            ...statement("st-no-recovery", "ch-b", "28 March 2020"),
            issuer: { nameAsPrinted: "Org", actor: "org" }
          }
        ],
        [
          {
            id: "cl-not-ours",
            kind: "denial",
            scope: "org-a",
            target: "st-recovery",
            madeBy: { statement: "st-no-recovery" }
          }
        ]
      )
      expect(status(caseFile, "st-recovery")).toBe("refuted")
      expect(status(caseFile, "st-recovered")).toBe("refuted")
    })
  })

  describe("follows who speaks for whom", () => {
    it("counts a compromise notice by the parent of the actor the channel speaks for", () => {
      const caseFile = buildCase({
        statements: [
          statement("st-after", "ch-a", "20 March 2020"),
          {
            ...statement("st-notice", "ch-b", "12 March 2020"),
            issuer: { nameAsPrinted: "Org", actor: "org" }
          }
        ],
        claims: [compromise("10 March 2020")]
      })
      expect(
        findingsOf(channelControl, caseFile)
          .filter((f) => f.kind === "attack")
          .map((f) => f.target)
      ).toEqual(["auth:st-after"])
    })

    it("counts one by the actor's media office, or by one of its bodies", () => {
      const caseFile = buildCase({
        actors: [
          { id: "org-a", kind: "group", name: { primary: "Org A" } },
          { id: "org-a-media", kind: "body", parent: "org-a", name: { primary: "Org A media" } }
        ],
        channels: [
          { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
          { id: "ch-office", kind: "media-office", handle: "A media", speaksFor: "org-a-media" }
        ],
        statements: [
          statement("st-after", "ch-a", "20 March 2020"),
          {
            ...statement("st-notice", "ch-office", "12 March 2020"),
            issuer: { nameAsPrinted: "Org A media", actor: "org-a-media" }
          }
        ],
        claims: [compromise("10 March 2020")]
      })
      expect(
        findingsOf(channelControl, caseFile)
          .filter((f) => f.kind === "attack")
          .map((f) => f.target)
      ).toEqual(["auth:st-after"])
    })
  })

  describe("time of day", () => {
    it("orders a statement and a loss of the same day by their times and zones", () => {
      const caseFile = buildCase({
        statements: [
          statement("st-morning", "ch-a", "10 March 2020, 09:05 UTC+3"),
          statement("st-evening", "ch-a", "10 March 2020 18:40 UTC"),
          statement("st-notice", "ch-a2", "11 March 2020")
        ],
        claims: [compromise("10 March 2020 14:00 UTC")]
      })
      const verdicts = evaluateCase(caseFile, { asOf: day("2020-04-01") })
      const status = (id: string) => verdicts.statements.find((v) => v.id === id)?.status
      expect(status("st-morning")).toBe("established")
      expect(status("st-evening")).toBe("refuted")
    })

    it("keeps a statement of the same day without times in dispute, and says why", () => {
      const caseFile = buildCase({
        statements: [
          statement("st-that-day", "ch-a", "10 March 2020"),
          statement("st-notice", "ch-a2", "11 March 2020")
        ],
        claims: [compromise("10 March 2020")]
      })
      const verdict = evaluateCase(caseFile, { asOf: day("2020-04-01") }).statements.find(
        (v) => v.id === "st-that-day"
      )!
      expect(verdict.status).toBe("contested")
      expect(verdict.explanation.map((step) => step.sentence).join(" ")).toContain("same day")
      expect(verdict.wouldSettle.join(" ")).toContain("time")
    })

    it("counts a statement as known on the as-of day by the day it was in UTC", () => {
      const caseFile = buildCase({ statements: [statement("st-late", "ch-a", "31 March 2020, 23:30 UTC-5")] })
      expect(evaluateCase(caseFile, { asOf: day("2020-03-31") }).leftOut.map((item) => item.id)).toEqual([
        "st-late"
      ])
      expect(evaluateCase(caseFile, { asOf: day("2020-04-01") }).statements.map((v) => v.id)).toEqual([
        "st-late"
      ])
    })
  })

  describe("who a statement claims to be from", () => {
    it("does not take a statement signed by hackers on the lost channel for the owner's", () => {
      const caseFile = buildCase({
        actors: [
          { id: "org-a", kind: "group", name: { primary: "Org A" } },
          { id: "hackers", kind: "group", name: { primary: "The hackers" } }
        ],
        statements: [
          { ...statement("st-defaced", "ch-a", "20 March 2020"), signers: ["hackers"] },
          statement("st-earlier", "ch-a2", "1 March 2020"),
          statement("st-notice", "ch-a2", "12 March 2020")
        ],
        claims: [
          compromise("10 March 2020"),
          {
            id: "cl-mock",
            kind: "denial",
            scope: "org-a",
            target: "st-earlier",
            madeBy: { statement: "st-defaced" }
          }
        ]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-04-01") })
      const verdict = (id: string) => [...result.statements, ...result.claims].find((v) => v.id === id)
      // Its denial is the hackers' word, not the owner's: the owner's earlier statement stands.
      expect(verdict("st-earlier")?.status).toBe("established")
      // Its authorship is the hackers', which the owner's compromise notice does not dispute.
      expect(verdict("st-defaced")?.status).toBe("established")
      expect(verdict("st-defaced")?.about).toContain("The hackers")
    })
  })
})

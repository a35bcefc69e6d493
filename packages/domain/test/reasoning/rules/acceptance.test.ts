import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { buildCase, day, statement } from "../build-case.ts"

const channels = [
  { id: "ch-a", kind: "social-media-account", handle: "@a", speaksFor: "org-a" },
  { id: "ch-other", kind: "media-office", handle: "Other media", speaksFor: "other" }
]
const pledge = {
  id: "cl-pledge",
  kind: "pledge",
  scope: "org-a",
  pledger: "org-a",
  recipient: "other",
  madeBy: { statement: "st-pledge" }
}

describe("acceptance", () => {
  it("says a pledge is announced only while its recipient has not acknowledged it", () => {
    const caseFile = buildCase({
      channels,
      statements: [statement("st-pledge", "ch-a", "1 May 2020")],
      claims: [pledge]
    })
    const relationship = evaluateCase(caseFile, { asOf: day("2020-06-01") }).relationships.find(
      (r) => r.kind === "pledged-to"
    )
    expect(relationship?.accepted).toBe(false)
  })

  it("counts the recipient's own acknowledgement as acceptance", () => {
    const caseFile = buildCase({
      channels,
      statements: [
        statement("st-pledge", "ch-a", "1 May 2020"),
        {
          ...statement("st-accept", "ch-other", "5 May 2020"),
          issuer: { nameAsPrinted: "Other", actor: "other" }
        }
      ],
      claims: [
        pledge,
        {
          id: "cl-accept",
          kind: "acceptance",
          scope: "org-a",
          pledger: "org-a",
          recipient: "other",
          madeBy: { statement: "st-accept" }
        }
      ]
    })
    const relationship = evaluateCase(caseFile, { asOf: day("2020-06-01") }).relationships.find(
      (r) => r.kind === "pledged-to"
    )
    expect(relationship?.accepted).toBe(true)
  })

  it("does not count an acceptance announced by the pledger itself", () => {
    const caseFile = buildCase({
      channels,
      statements: [
        statement("st-pledge", "ch-a", "1 May 2020"),
        statement("st-says-accepted", "ch-a", "5 May 2020")
      ],
      claims: [
        pledge,
        {
          id: "cl-accept",
          kind: "acceptance",
          scope: "org-a",
          pledger: "org-a",
          recipient: "other",
          madeBy: { statement: "st-says-accepted" }
        }
      ]
    })
    const relationship = evaluateCase(caseFile, { asOf: day("2020-06-01") }).relationships.find(
      (r) => r.kind === "pledged-to"
    )
    expect(relationship?.accepted).toBe(false)
  })

  it("lets every view of one pledge agree: the pledger's own word that it was accepted makes no accepted-by link", () => {
    const caseFile = buildCase({
      channels,
      statements: [
        statement("st-pledge", "ch-a", "1 May 2020"),
        statement("st-says-accepted", "ch-a", "5 May 2020")
      ],
      claims: [
        pledge,
        {
          id: "cl-accept",
          kind: "acceptance",
          scope: "org-a",
          pledger: "org-a",
          recipient: "other",
          madeBy: { statement: "st-says-accepted" }
        }
      ]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-06-01") })
    const pledged = result.relationships.find((r) => r.kind === "pledged-to")
    const accepted = result.relationships.find((r) => r.kind === "accepted-by")
    expect(pledged?.accepted).toBe(false)
    expect(accepted?.verdict.status).not.toBe("established")
    expect(result.claims.find((v) => v.id === "cl-accept")?.explanation.map((step) => step.rule)).toContain(
      "acceptance"
    )
  })

  describe("a reaffirmation", () => {
    const reaffirming = {
      id: "cl-again",
      kind: "reaffirmation",
      scope: "org-a",
      pledger: "org-a",
      recipient: "other",
      madeBy: { statement: "st-again" }
    }

    it("renews an allegiance already held: it is not a new pledge announced and not accepted", () => {
      const caseFile = buildCase({
        channels,
        statements: [statement("st-again", "ch-a", "1 May 2020")],
        claims: [reaffirming]
      })
      const result = evaluateCase(caseFile, { asOf: day("2020-06-01") })
      const pledged = result.relationships.find((r) => r.kind === "pledged-to")
      expect(pledged?.verdict.status).toBe("established")
      expect(pledged?.accepted).toBeUndefined()
      const note = result.claims
        .find((v) => v.id === "cl-again")
        ?.explanation.find((step) => step.rule === "acceptance")
      expect(note?.sentence).not.toContain("announced only")
    })

    it("belongs to the allegiance it renews, and keeps its acceptance", () => {
      const caseFile = buildCase({
        channels,
        statements: [
          statement("st-pledge", "ch-a", "1 May 2019"),
          {
            ...statement("st-accept", "ch-other", "5 May 2019"),
            issuer: { nameAsPrinted: "Other", actor: "other" }
          },
          statement("st-again", "ch-a", "1 May 2020")
        ],
        claims: [
          pledge,
          {
            id: "cl-accept",
            kind: "acceptance",
            scope: "org-a",
            pledger: "org-a",
            recipient: "other",
            madeBy: { statement: "st-accept" }
          },
          reaffirming
        ]
      })
      const pledged = evaluateCase(caseFile, { asOf: day("2020-06-01") }).relationships.filter(
        (r) => r.kind === "pledged-to"
      )
      expect(pledged).toHaveLength(1)
      expect(pledged[0]?.claims).toEqual(["cl-pledge", "cl-again"])
      expect(pledged[0]?.accepted).toBe(true)
    })
  })

  describe("the recipient naming the pledger its province", () => {
    const naming = {
      id: "cl-province",
      kind: "designation",
      scope: "org-a",
      pledger: "org-a",
      recipient: "other",
      as: "Province of the North",
      madeBy: { statement: "st-province" }
    }
    const evaluated = () =>
      evaluateCase(
        buildCase({
          channels,
          statements: [
            statement("st-pledge", "ch-a", "1 May 2020"),
            {
              ...statement("st-province", "ch-other", "9 May 2020"),
              issuer: { nameAsPrinted: "Other", actor: "other" }
            }
          ],
          claims: [pledge, naming]
        }),
        { asOf: day("2020-06-01") }
      )

    it("accepts the pledge", () => {
      const result = evaluated()
      expect(result.relationships.find((r) => r.kind === "pledged-to")?.accepted).toBe(true)
      expect(result.relationships.find((r) => r.kind === "accepted-by")?.verdict.status).toBe("established")
      expect(result.claims.find((v) => v.id === "cl-province")?.about).toContain("Province of the North")
    })

    it("does not end the pledger", () => {
      const result = evaluated()
      expect(result.lifecycles.find((life) => life.actor === "org-a")?.state).not.toBe("ceased")
    })
  })
})

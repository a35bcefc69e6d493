import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { denial } from "../../../src/reasoning/rules/denial.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

const statements = [
  statement("st-said", "ch-a", "1 June 2020"),
  statement("st-denied", "ch-a2", "5 June 2020"),
  statement("st-audio", "ch-a2", "20 June 2020"),
  { ...statement("st-outsider", "ch-b", "20 June 2020"), issuer: { nameAsPrinted: "Org B", actor: "org-b" } }
]
const denialClaim = {
  id: "cl-denial",
  kind: "denial",
  scope: "org-a",
  target: "st-said",
  madeBy: { statement: "st-denied" }
}

describe("denial", () => {
  it("attacks the denied statement", () => {
    const caseFile = buildCase({ statements, claims: [denialClaim] })
    expect(findingsOf(denial, caseFile).map((f) => f.target)).toEqual(["auth:st-said"])
    expect(
      evaluateCase(caseFile, { asOf: day("2020-07-01") }).statements.find((v) => v.id === "st-said")?.status
    ).toBe("refuted")
  })

  it("is defeated by a later confirmation from the same actor", () => {
    const caseFile = buildCase({
      statements,
      claims: [
        denialClaim,
        {
          id: "cl-confirm",
          kind: "confirmation",
          scope: "org-a",
          target: "st-said",
          madeBy: { statement: "st-audio" }
        }
      ]
    })
    const result = evaluateCase(caseFile, { asOf: day("2020-07-01") })
    expect(result.claims.find((v) => v.id === "cl-denial")?.status).toBe("refuted")
    expect(result.statements.find((v) => v.id === "st-said")?.status).toBe("established")
  })

  it("does not count a denial by an unrelated actor", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-said", "ch-a", "1 June 2020"),
        { ...statement("st-denied", "ch-b", "5 June 2020"), issuer: { nameAsPrinted: "B", actor: "org-b" } }
      ],
      claims: [denialClaim]
    })
    expect(findingsOf(denial, caseFile)).toEqual([])
  })

  describe("meets a confirmation whatever each of them names", () => {
    const pledge = {
      id: "cl-pledge",
      kind: "pledge",
      scope: "org-a",
      pledger: "org-a",
      recipient: "other",
      madeBy: { statement: "st-said" }
    }
    const confirming = (target: string, confirms?: string) => ({
      id: "cl-confirm",
      kind: "confirmation",
      scope: "org-a",
      target,
      ...(confirms === undefined ? {} : { confirms }),
      madeBy: { statement: "st-audio" }
    })
    const evaluated = (claims: ReadonlyArray<Record<string, unknown>>) => {
      const result = evaluateCase(buildCase({ statements, claims }), { asOf: day("2020-07-01") })
      const status = (id: string) =>
        [...result.statements, ...result.claims].find((verdict) => verdict.id === id)?.status
      return { result, status }
    }

    it("upholds a pledge whose content the actor later confirms, while the statement's authorship stays denied", () => {
      const { result, status } = evaluated([pledge, denialClaim, confirming("cl-pledge", "content")])
      expect(status("cl-pledge")).toBe("established")
      expect(status("st-said")).toBe("refuted")
      expect(status("cl-denial")).toBe("established")
      expect(result.relationships.find((r) => r.kind === "pledged-to")?.verdict.status).toBe("established")
    })

    it("defeats the denial of a statement with a confirmation of authorship given for one of its claims", () => {
      const { status } = evaluated([pledge, denialClaim, confirming("cl-pledge", "authorship")])
      expect(status("cl-denial")).toBe("refuted")
      expect(status("st-said")).toBe("established")
      expect(status("cl-pledge")).toBe("established")
    })

    it("defeats the denial of a claim with a confirmation of the statement that makes it", () => {
      const denyingThePledge = { ...denialClaim, target: "cl-pledge" }
      const { status } = evaluated([pledge, denyingThePledge, confirming("st-said")])
      expect(status("cl-denial")).toBe("refuted")
      expect(status("cl-pledge")).toBe("established")
    })

    it("does not let a content confirmation by another actor uphold anything", () => {
      const { status } = evaluated([
        pledge,
        denialClaim,
        { ...confirming("cl-pledge", "content"), madeBy: { statement: "st-outsider" } }
      ])
      expect(status("cl-pledge")).toBe("refuted")
    })
  })
})

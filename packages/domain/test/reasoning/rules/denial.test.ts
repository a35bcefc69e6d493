import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { denial } from "../../../src/reasoning/rules/denial.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

const statements = [
  statement("st-said", "ch-a", "1 June 2020"),
  statement("st-denied", "ch-a2", "5 June 2020"),
  statement("st-audio", "ch-a2", "20 June 2020")
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
})

import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { scope } from "../../../src/reasoning/rules/scope.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

const sources = [{ id: "src-fan", kind: "supporter-account", description: "A fan", reliability: "B" }]
const branchPledge = {
  id: "cl-branch",
  kind: "pledge",
  scope: "org-a",
  pledger: "org-a",
  recipient: "other",
  madeBy: { statement: "st-a" }
}
const wholePledge = (extra: Record<string, unknown>) => ({
  id: "cl-whole",
  kind: "pledge",
  scope: "org",
  pledger: "org",
  recipient: "other",
  madeBy: { source: "src-fan" },
  reported: "1 September 2020",
  ...extra
})

describe("scope", () => {
  it("refutes a whole-actor claim that rests only on a branch's statement", () => {
    const caseFile = buildCase({
      sources,
      statements: [statement("st-a", "ch-a", "10 August 2020")],
      claims: [branchPledge, wholePledge({ restsOn: ["st-a"] })]
    })
    expect(findingsOf(scope, caseFile).map((f) => f.target)).toEqual(["claim:cl-whole"])
    const verdict = evaluateCase(caseFile, { asOf: day("2020-10-01") }).claims.find(
      (v) => v.id === "cl-whole"
    )
    expect(verdict?.status).toBe("refuted")
    const branch = evaluateCase(caseFile, { asOf: day("2020-10-01") }).claims.find(
      (v) => v.id === "cl-branch"
    )
    expect(branch?.status).toBe("established")
  })

  it("finds what the claim rests on by the time it dates the event, when it names nothing", () => {
    const caseFile = buildCase({
      sources,
      statements: [statement("st-a", "ch-a", "10 August 2020")],
      claims: [branchPledge, wholePledge({ occurred: "August 2020" })]
    })
    expect(findingsOf(scope, caseFile).map((f) => f.target)).toEqual(["claim:cl-whole"])
  })

  it("does not fire when the evidence was about the whole actor", () => {
    const caseFile = buildCase({
      sources,
      statements: [
        { ...statement("st-a", "ch-a", "10 August 2020"), issuer: { nameAsPrinted: "Org", actor: "org" } }
      ],
      claims: [{ ...branchPledge, scope: "org", pledger: "org" }, wholePledge({ restsOn: ["st-a"] })]
    })
    expect(findingsOf(scope, caseFile)).toEqual([])
  })
})

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

  it("ends the dispute for statements after a recovery notice", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-after", "ch-a", "20 March 2020"),
        statement("st-recovered", "ch-a", "1 April 2020"),
        statement("st-notice", "ch-a2", "12 March 2020"),
        statement("st-recovery", "ch-a2", "25 March 2020")
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
        }
      ]
    })
    const attacked = findingsOf(channelControl, caseFile)
      .filter((f) => f.kind === "attack")
      .map((f) => f.target)
    expect(attacked).toEqual(["auth:st-after"])
  })
})

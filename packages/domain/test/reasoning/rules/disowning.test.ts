import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../../src/reasoning/evaluate.ts"
import { disowning } from "../../../src/reasoning/rules/disowning.ts"
import { buildCase, day, findingsOf, statement } from "../build-case.ts"

describe("disowning", () => {
  it("attacks statements after the serial and on other channels, not earlier ones", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-10", "ch-a", "1 May 2020", { serial: { text: "No. 10", number: 10 } }),
        statement("st-11", "ch-a", "3 May 2020", { serial: { text: "No. 11", number: 11 } }),
        statement("st-9", "ch-a", "20 April 2020", { serial: { text: "No. 9", number: 9 } }),
        statement("st-other", "ch-a2", "2 May 2020")
      ],
      claims: [
        {
          id: "cl-d",
          kind: "disowning",
          scope: "org-a",
          channel: "ch-a",
          afterSerial: 10,
          otherChannels: true,
          madeBy: { statement: "st-10" }
        }
      ]
    })
    const targets = findingsOf(disowning, caseFile)
      .filter((f) => f.kind === "attack")
      .map((f) => f.target)
      .sort()
    expect(targets).toEqual(["auth:st-11", "auth:st-other"])
  })

  it("leaves two channels that disown each other both contested", () => {
    const caseFile = buildCase({
      statements: [statement("st-x", "ch-a", "1 May 2020"), statement("st-y", "ch-a2", "1 May 2020")],
      claims: [
        { id: "cl-x", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-x" } },
        { id: "cl-y", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-y" } }
      ]
    })
    const verdicts = evaluateCase(caseFile, { asOf: day("2020-06-01") })
    expect(verdicts.statements.map((v) => v.status)).toEqual(["contested", "contested"])
    expect(verdicts.statements[0]!.wouldSettle.length).toBeGreaterThan(0)
  })

  it("does not reach channels of another actor", () => {
    const caseFile = buildCase({
      statements: [
        statement("st-x", "ch-a", "1 May 2020"),
        { ...statement("st-b", "ch-b", "2 May 2020"), issuer: { nameAsPrinted: "B", actor: "org-b" } }
      ],
      claims: [
        { id: "cl-x", kind: "disowning", scope: "org-a", otherChannels: true, madeBy: { statement: "st-x" } }
      ]
    })
    expect(findingsOf(disowning, caseFile).filter((f) => f.kind === "attack")).toEqual([])
  })

  it("sets rival sole-official claims against each other", () => {
    const caseFile = buildCase({
      statements: [statement("st-x", "ch-a", "1 May 2020"), statement("st-y", "ch-a2", "1 May 2020")],
      claims: [
        {
          id: "cl-x",
          kind: "sole-official-channel",
          scope: "org-a",
          channel: "ch-a",
          madeBy: { statement: "st-x" }
        },
        {
          id: "cl-y",
          kind: "sole-official-channel",
          scope: "org-a",
          channel: "ch-a2",
          madeBy: { statement: "st-y" }
        }
      ]
    })
    expect(findingsOf(disowning, caseFile).filter((f) => f.kind === "attack")).toHaveLength(2)
  })
})

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
})

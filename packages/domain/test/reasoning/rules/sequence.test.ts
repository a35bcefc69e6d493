import { describe, expect, it } from "vitest"
import { sequence } from "../../../src/reasoning/rules/sequence.ts"
import { buildCase, findingsOf, statement } from "../build-case.ts"

const numbered = (id: string, observed: string, number: number) =>
  statement(id, "ch-a", observed, { serial: { text: `No. ${number}`, number } })

describe("sequence", () => {
  it("flags a serial that runs backwards and one used twice", () => {
    const caseFile = buildCase({
      statements: [
        numbered("st-1", "1 May 2020", 10),
        numbered("st-2", "5 May 2020", 8),
        numbered("st-3", "9 May 2020", 8)
      ]
    })
    expect(
      findingsOf(sequence, caseFile)
        .map((f) => f.target)
        .sort()
    ).toEqual(["auth:st-2", "auth:st-3"])
  })

  it("flags a statement after one that declared itself the last", () => {
    const caseFile = buildCase({
      statements: [numbered("st-last", "1 May 2020", 10), numbered("st-more", "5 May 2020", 11)],
      claims: [
        {
          id: "cl-last",
          kind: "last-statement",
          scope: "org-a",
          channel: "ch-a",
          serial: 10,
          madeBy: { statement: "st-last" }
        }
      ]
    })
    expect(findingsOf(sequence, caseFile).map((f) => f.target)).toEqual(["auth:st-more"])
  })

  it("accepts serials that rise with time", () => {
    const caseFile = buildCase({
      statements: [numbered("st-1", "1 May 2020", 10), numbered("st-2", "5 May 2020", 11)]
    })
    expect(findingsOf(sequence, caseFile)).toEqual([])
  })
})

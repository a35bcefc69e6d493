import { evaluateCase, explanationText, type IsoDay, verdictHistory } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

const evaluate = (asOf: string) => evaluateCase(seedCase(), { asOf: asOf as IsoDay })
const verdictOf = (evaluation: ReturnType<typeof evaluate>, id: string) =>
  [
    ...evaluation.statements,
    ...evaluation.claims,
    ...evaluation.observations,
    ...evaluation.continuations
  ].find((v) => v.id === id)

// The analyst's conclusions listed at the end of DOMAIN.md, reached by the general rules.
describe("the seed case as of 9 January 2015", () => {
  const evaluation = evaluate("2015-01-09")

  it("establishes the August 2014 statement and defeats its denial through the remnant's silence", () => {
    expect(verdictOf(evaluation, "st-jai-iraq-shura-2014-08")?.status).toBe("established")
    const denial = verdictOf(evaluation, "cl-jai-iraq-denial")!
    expect(denial.status).toBe("refuted")
    expect(denial.explanation.map((step) => step.rule)).toContain("silence-and-activity")
    const life = evaluation.lifecycles.find((l) => l.actor === "jai-iraq")
    expect(life?.state).toBe("ceased")
    expect(life?.since?.startsWith("2014-08")).toBe(true)
  })

  it("refutes the supporter account's whole-of-JAI pledge by scope", () => {
    const verdict = verdictOf(evaluation, "cl-ansaruna-whole-jai-pledge")!
    expect(verdict.status).toBe("refuted")
    expect(verdict.explanation.some((step) => step.rule === "scope")).toBe(true)
  })

  it("leaves Statement 449 contested, with consistent dates, and says what would settle it", () => {
    const verdict = verdictOf(evaluation, "st-449")!
    expect(verdict.status).toBe("contested")
    expect(verdict.explanation.map((step) => step.rule)).toEqual(
      expect.arrayContaining(["channel-control", "disowning", "date-consistency"])
    )
    expect(explanationText(verdict)).toContain("consistent")
    expect(verdict.wouldSettle.length).toBeGreaterThan(0)
  })

  it("flags the graduation photos' dates as 4 days apart and still counts them as activity", () => {
    const statement = verdictOf(evaluation, "st-ansarulislam-sh-graduation")!
    expect(explanationText(statement)).toMatch(/4 days earlier.*inconsistent/)
    expect(verdictOf(evaluation, "ob-jai-syria-graduation")?.status).toBe("established")
  })

  it("does not establish that JAI Syria dissolved, and establishes that it goes on", () => {
    expect(verdictOf(evaluation, "cl-449-dissolution")?.status).not.toBe("established")
    const continues = verdictOf(evaluation, "continues:jai-syria")!
    expect(continues.status).toBe("established")
    const evidence = continues.explanation.flatMap((step) => step.items)
    expect(evidence).toEqual(
      expect.arrayContaining(["ob-jai-syria-graduation", "cl-jn-cooperation", "cl-abu-obeida-partial"])
    )
  })

  it("ranks 'a faction defected and JAI Syria continues' first", () => {
    const question = evaluation.questions.find((q) => q.question === "q-end-of-jai-syria")!
    expect(question.hypotheses[0]?.hypothesis).toBe("h-faction-defected")
    expect(question.hypotheses[0]!.inconsistencies).toBeLessThan(question.hypotheses[1]!.inconsistencies)
  })

  it("derives the relationships of January 2015", () => {
    const status = (kind: string, from: string, to: string) =>
      evaluation.relationships.find((r) => r.kind === kind && r.from === from && r.to === to)?.verdict.status
    expect(status("cooperates-with", "jai-syria", "jabhat-al-nusra")).toBe("established")
    expect(status("protected-by", "jai-syria", "jabhat-al-nusra")).toBe("unsupported")
    expect(status("partial-allegiance", "jai-syria", "jabhat-al-nusra")).toBe("established")
    expect(status("rival-of", "jai-syria", "islamic-state")).toBe("established")
    expect(status("merged-into", "jai-iraq", "islamic-state")).toBe("established")
    const syriaPledge = evaluation.relationships.find(
      (r) => r.kind === "pledged-to" && r.from === "jai-syria"
    )
    expect(syriaPledge?.accepted).toBe(false)
  })
})

describe("the seed case at earlier dates", () => {
  it("shows no JAI Syria pledge at all as of 6 January 2015", () => {
    const evaluation = evaluate("2015-01-06")
    expect(evaluation.claims.filter((v) => v.id.startsWith("cl-449"))).toEqual([])
    expect(evaluation.relationships.some((r) => r.kind === "pledged-to" && r.from === "jai-syria")).toBe(
      false
    )
  })

  it("shows the Iraq branch's pledge contested as of 1 October 2014, before Eid al-Adha passed in silence", () => {
    const evaluation = evaluate("2014-10-01")
    expect(verdictOf(evaluation, "cl-jai-iraq-pledge")?.status).toBe("contested")
    const leftOut = evaluation.leftOut.find((item) => item.id === "ob-jai-iraq-no-eid-message")
    expect(leftOut?.reason).toContain("after 2014-10-01")
  })
})

describe("the history of a verdict", () => {
  it("shows the Iraq pledge established, contested once the denial is known, and established after the silence", () => {
    const changes = verdictHistory(seedCase(), "2015-01-09" as IsoDay, "cl-jai-iraq-pledge")
    expect(changes.map((change) => [change.day, change.to])).toEqual([
      ["2014-08-31", "established"],
      ["2014-09-30", "contested"],
      ["2014-10-07", "established"]
    ])
  })
})

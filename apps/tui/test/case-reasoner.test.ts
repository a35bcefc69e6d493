import { readCaseText } from "@allegiance/case-file"
import { generateCaseInput } from "@allegiance/case-generator"
import type { CaseFile, IsoDay } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { Result } from "effect"
import type { ItemEdit } from "../src/access/case-access.ts"
import { CaseReasoner } from "../src/reasoning/case-reasoner.ts"
import { seedCase } from "./support/memory-access.ts"

const generated = (statements: number, seed: number): CaseFile => {
  const read = readCaseText(JSON.stringify(generateCaseInput({ statements, seed })), "generated.json")
  if (Result.isFailure(read)) throw new Error("the generated case does not read")
  return read.success
}

/** Works out ahead all there is, as the worker does a part per pause. */
const workAheadWhole = (reasoner: CaseReasoner) => {
  let parts = 0
  while (reasoner.workAhead()) parts++
  return parts
}

const statement = (id: string, observed: string): ItemEdit => ({
  section: "statements",
  id,
  body: {
    id,
    issuer: { nameAsPrinted: "General Command of JAI", actor: "jai-syria" },
    channel: "ansarulislam-sh",
    observed,
    cites: [{ paragraph: 12 }]
  }
})

describe("working the next day out ahead", () => {
  it("shows the next day as a step to it shows it, Statement 449 coming in as contested", () => {
    const ahead = new CaseReasoner(seedCase())
    const stepped = new CaseReasoner(seedCase())
    const day = "2015-01-07" as IsoDay
    const next = "2015-01-08" as IsoDay
    ahead.view(day)
    stepped.view(day)
    expect(workAheadWhole(ahead)).toBeGreaterThan(0)
    const seen = ahead.view(next)
    expect(seen).toEqual(stepped.view(next))
    expect(ahead.detail("st-449", day)?.verdict).toBeUndefined()
    expect(ahead.detail("st-449", next)?.verdict?.status).toBe("contested")
    expect(ahead.detail("st-449", next)).toEqual(stepped.detail("st-449", next))
    // And on from there, as the analyst goes on stepping.
    workAheadWhole(ahead)
    expect(ahead.view("2015-01-09" as IsoDay)).toEqual(stepped.view("2015-01-09" as IsoDay))
  })

  it("keeps the day shown ready for a save: brought up to date in place, as without working ahead", () => {
    for (const seed of [3, 11, 29]) {
      const caseFile = generated(60, seed)
      const day = "2014-03-01" as IsoDay
      const ahead = new CaseReasoner(caseFile)
      ahead.view(day)
      workAheadWhole(ahead)
      const edit = statement(`st-added-${seed}`, "1 March 2014")
      ahead.applyEdit(edit, day)
      expect(ahead.evaluationAsOf(day).evaluator.incremental).toBe(true)
      const fresh = new CaseReasoner(ahead.caseFile)
      expect(ahead.view(day)).toEqual(fresh.view(day))
    }
  })

  it("works out nothing where the day after the one shown is kept already, or every item is known", () => {
    const reasoner = new CaseReasoner(seedCase())
    reasoner.view("2015-01-08" as IsoDay)
    reasoner.view("2015-01-07" as IsoDay)
    expect(reasoner.workAhead()).toBe(false)
    reasoner.view("2026-01-01" as IsoDay)
    expect(reasoner.workAhead()).toBe(false)
    reasoner.view("2014-12-01" as IsoDay)
    expect(reasoner.workAhead()).toBe(true)
  })
})

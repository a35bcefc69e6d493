import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { briefContent, clausesOf, whatWouldSettle } from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const content = briefContent(seed, evaluateCase(seed, { asOf: "2015-01-09" as IsoDay }))

/** What an item's verdict rests on: each explanation step's rule and items, apart from the opening and the judgment. */
const restsOn = (item: (typeof content.disputed)[number]) =>
  JSON.stringify([
    item.dateCheck?.failed ?? false,
    ...item.explanation
      .filter((step) => step.rule !== undefined)
      .map((step) => `${step.rule}:${[...step.items].sort().join(",")}`)
      .sort()
  ])

describe("what would settle each dispute", () => {
  it("is said for each disputed item in its own words: no line stands under every dispute", () => {
    expect(content.disputed.length).toBeGreaterThan(2)
    for (const item of content.disputed) expect(item.wouldSettle.length, item.id).toBeGreaterThan(0)
    const lines = content.disputed.flatMap((item) => item.wouldSettle)
    for (const line of new Set(lines))
      expect(
        content.disputed.every((item) => item.wouldSettle.includes(line)),
        line
      ).toBe(false)
  })

  it("differs between two disputes that rest on different things", () => {
    for (const a of content.disputed)
      for (const b of content.disputed)
        if (a.id < b.id && restsOn(a) !== restsOn(b))
          expect(a.wouldSettle, `${a.id} / ${b.id}`).not.toEqual(b.wouldSettle)
  })

  it("names what a disowning leaves open: the group, and the channels each side speaks through", () => {
    const disowned = content.disputed.filter((item) =>
      item.explanation.some((step) => step.rule === "disowning")
    )
    expect(disowned.length).toBeGreaterThan(0)
    for (const item of disowned) {
      const line = item.wouldSettle.find((words) => words.includes("speaks for it"))
      expect(line, item.id).toBeDefined()
      expect(line).toContain(item.issued!.actor.name)
      expect(line).toContain(item.issued!.channel!.handle)
    }
  })

  it("asks first, for a statement whose printed dates disagree, for a copy that says which is right", () => {
    const failed = content.disputed.filter((item) => item.dateCheck?.failed === true)
    expect(failed.length).toBeGreaterThan(0)
    for (const item of failed) {
      const statement = seed.statements.find((candidate) => candidate.id === item.id)!
      const first = item.wouldSettle[0]!
      for (const date of statement.printedDates) expect(first).toContain(date.text)
    }
    for (const item of content.disputed.filter((candidate) => candidate.dateCheck?.failed !== true))
      expect(item.wouldSettle.join(" ")).not.toContain("printed dates is right")
  })

  it("says each line once, the rules' own lines after the date check", () => {
    const lines = whatWouldSettle(
      { wouldSettle: ["A recovery notice would settle it.", "A recovery notice would settle it."] },
      {
        check: { verdict: "inconsistent", gapDays: 4, explanation: "", failed: true },
        printed: [
          { calendar: "hijri", text: "17 Rabi al-Awal 1436" },
          { calendar: "gregorian", text: "4 January 2015" }
        ]
      }
    )
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain("“17 Rabi al-Awal 1436” or “4 January 2015”")
    expect(lines[1]).toBe("A recovery notice would settle it.")
  })
})

describe("a sentence set after a lead-in and a colon", () => {
  const clause = clausesOf(seed)

  it("loses the capital of a common first word", () => {
    expect(clause("After its last sign of activity, the group fell silent.")).toBe(
      "after its last sign of activity, the group fell silent."
    )
    expect(clause("The dissolution claim dates the end.")).toBe("the dissolution claim dates the end.")
  })

  it("keeps the capital of a name the case prints so, a month, an acronym or a handle", () => {
    const actor = seed.actors.find((candidate) => /^[A-Z][a-z]+ /.test(candidate.name.primary))!
    expect(clause(`${actor.name.primary} denies it.`)).toBe(`${actor.name.primary} denies it.`)
    const serial = seed.statements.find((statement) => statement.serial !== undefined)!.serial!.text
    expect(clause(`${serial} says so.`)).toBe(`${serial} says so.`)
    expect(clause("August 2014 saw the pledge.")).toBe("August 2014 saw the pledge.")
    expect(clause("JAI Iraq fell silent.")).toBe("JAI Iraq fell silent.")
    expect(clause("@group_media says so.")).toBe("@group_media says so.")
  })

  it("is what the key judgments give for each reason that defeats or was defeated", () => {
    const reasons = content.judgments.judgments.flatMap((judgment) => [
      ...judgment.defeatedBy,
      ...judgment.withstood.flatMap((attack) => [attack, ...attack.defeatedBy])
    ])
    expect(reasons.length).toBeGreaterThan(0)
    for (const reason of reasons) expect(reason.clause).toBe(clause(reason.sentence))
  })
})

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  briefContent,
  caseLabels,
  chronologyRows,
  dateCheckOf,
  disputedItems,
  indexVerdicts,
  sourceLookup
} from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const labels = caseLabels(seed)
const sources = sourceLookup(seed)
const asOf = (day: string) => {
  const evaluation = evaluateCase(seed, { asOf: day as IsoDay })
  return { evaluation, verdicts: indexVerdicts(evaluation) }
}
const ninth = asOf("2015-01-09")
const content = briefContent(seed, ninth.evaluation)

describe("the sources behind items", () => {
  it("are a statement's channel sources, a claim's reporter or statement, an observation's source", () => {
    expect(sources.behind(["st-449"])).toEqual(["src-ansarulsham"])
    expect(sources.behind(["cl-449-pledge"])).toEqual(["src-ansarulsham"])
    expect(sources.behind(["cl-jn-cooperation"])).toEqual(["src-jn-member"])
    // Each source once, in the order first met; items without a source add none.
    expect(sources.behind(["cl-jn-cooperation", "st-jai-iraq-shura-2014-08", "cl-jn-size", "jai"])).toEqual([
      "src-jn-member"
    ])
  })
})

describe("the date check of printed dates", () => {
  it("fails for the graduation photos, by 4 days, and passes for Statement 449", () => {
    const graduation = seed.statements.find((statement) => statement.id === "st-ansarulislam-sh-graduation")!
    const check = dateCheckOf(graduation.printedDates)!
    expect(check).toMatchObject({ verdict: "inconsistent", failed: true })
    expect(Math.abs(check.gapDays)).toBe(4)
    const statement449 = seed.statements.find((statement) => statement.id === "st-449")!
    expect(dateCheckOf(statement449.printedDates)).toMatchObject({ verdict: "consistent", failed: false })
  })

  it("is absent when only one calendar is printed", () => {
    expect(dateCheckOf([{ calendar: "gregorian", text: "8 January 2015" }])).toBeUndefined()
  })
})

describe("the chronology", () => {
  it("holds only what was known on the day, with the date checks", () => {
    const seventh = asOf("2015-01-07")
    const rows = chronologyRows(seed, seventh.verdicts, labels)
    expect(rows.map((row) => row.id)).not.toContain("st-449")
    expect(rows.every((row) => row.status !== undefined)).toBe(true)
    const all = chronologyRows(seed, ninth.verdicts, labels)
    expect(all.find((row) => row.id === "st-ansarulislam-sh-graduation")?.dateCheck?.verdict).toBe(
      "inconsistent"
    )
  })
})

describe("the key judgments of a brief", () => {
  const { judgments } = content.judgments

  it("lead with each question's leading answer", () => {
    expect(judgments[0]?.answers?.question).toBe("q-end-of-jai-syria")
    expect(judgments[0]?.id).toBe("h-faction-defected")
    expect(judgments.filter((judgment) => judgment.answers !== undefined)).toHaveLength(seed.questions.length)
  })

  it("judge every claimed change of allegiance, and the disputed statements behind them", () => {
    const byId = new Map(judgments.map((judgment) => [judgment.id, judgment]))
    expect(byId.get("rel:pledged-to:jai>islamic-state")?.status).toBe("refuted")
    expect(byId.get("rel:pledged-to:jai-iraq>islamic-state")?.status).toBe("established")
    expect(byId.get("st-449")?.status).toBe("contested")
    // Background links (branches, members) are for the background, not the judgments.
    expect(judgments.some((judgment) => judgment.id.startsWith("rel-"))).toBe(false)
  })

  it("say what defeats a refuted judgment and what an established one withstood", () => {
    const whole = judgments.find((judgment) => judgment.id === "rel:pledged-to:jai>islamic-state")!
    expect(whole.defeatedBy.length).toBeGreaterThan(0)
    expect(whole.defeatedBy.flatMap((reason) => reason.items)).toContain("st-jai-iraq-shura-2014-08")
    const iraq = judgments.find((judgment) => judgment.id === "rel:pledged-to:jai-iraq>islamic-state")!
    expect(iraq.withstood.flatMap((attack) => attack.items)).toContain("cl-jai-iraq-denial")
    expect(iraq.withstood[0]?.defeatedBy.length).toBeGreaterThan(0)
  })

  it("cite the sources behind what each judgment rests on", () => {
    const continues = judgments.find((judgment) => judgment.id === "continues:jai-syria")!
    expect(continues.sources).toEqual(expect.arrayContaining(["src-jn-member", "src-abu-obeida"]))
  })

  it("keep to one question when asked", () => {
    const narrowed = briefContent(seed, ninth.evaluation, { question: "q-which-account" })
    expect(narrowed.question?.id).toBe("q-which-account")
    expect(narrowed.hypotheses.map((matrix) => matrix.question)).toEqual(["q-which-account"])
    expect(narrowed.judgments.judgments[0]?.answers?.question).toBe("q-which-account")
  })

  it("stop at the limit and say how many more there were", () => {
    const limited = briefContent(seed, ninth.evaluation, { judgmentLimit: 2 })
    expect(limited.judgments.judgments).toHaveLength(2)
    expect(limited.judgments.more).toBe(judgments.length - 2)
  })
})

describe("the disputed items", () => {
  const disputed = disputedItems(seed, ninth.evaluation, ninth.verdicts, labels, sources, ["st-449"]).items

  it("list each contested item once, a contested statement's contested claims with it", () => {
    expect(disputed[0]?.id).toBe("st-449")
    const ids = disputed.map((item) => item.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        "st-ansarulislam-sh-notice",
        "st-ansarulislam-sh-graduation",
        "st-ansarulsham-2015-01-05"
      ])
    )
    expect(ids).not.toContain("cl-449-sole")
    expect(disputed[0]?.says.map((side) => side.id)).toContain("cl-449-sole")
    expect(disputed.every((item) => item.status === "contested")).toBe(true)
  })

  it("give each side: what the item says and what the other side says against it", () => {
    const statement449 = disputed[0]!
    expect(statement449.against.map((side) => side.id)).toEqual(
      expect.arrayContaining(["cl-ansarulsham-compromised", "cl-ansarulislam-sh-disowns"])
    )
    expect(statement449.against.find((side) => side.id === "cl-ansarulsham-compromised")?.madeIn?.id).toBe(
      "st-ansarulislam-sh-notice"
    )
    // The two channels disown each other.
    const notice = disputed.find((item) => item.id === "st-ansarulislam-sh-notice")!
    expect(notice.against.map((side) => side.id)).toContain("cl-449-disowns")
  })

  it("set against an item only what stands or may: nothing unsupported or refuted is a counterweight", () => {
    // Every item whose attack bears on a disputed item, by how that attacker fares.
    const sides = disputed.flatMap((item) => item.against)
    expect(sides.length).toBeGreaterThan(0)
    for (const side of sides) expect(["established", "contested"], side.id).toContain(side.status)
    // An unsupported report of JAI Syria at work attacks Statement 449's speaking for the whole group,
    // and does not stand: it is not listed against it.
    const weak: Array<string> = []
    for (const finding of ninth.evaluation.findings)
      if (finding.kind === "attack" && finding.target === "rep:st-449") {
        const attacker = finding.attacker.slice(finding.attacker.indexOf(":") + 1)
        if (ninth.verdicts.get(attacker)?.status === "unsupported") weak.push(attacker)
      }
    expect(weak.length).toBeGreaterThan(0)
    for (const attacker of weak) expect(disputed[0]!.against.map((side) => side.id)).not.toContain(attacker)
  })

  it("are counted, not laid out, past the limit", () => {
    const limited = disputedItems(seed, ninth.evaluation, ninth.verdicts, labels, sources, ["st-449"], 1)
    expect(limited.items.map((item) => item.id)).toEqual(["st-449"])
    expect(limited.more).toBe(disputed.length - 1)
  })

  it("keep the date check apart from the other reasons, and say what would settle it", () => {
    const graduation = disputed.find((item) => item.id === "st-ansarulislam-sh-graduation")!
    expect(graduation.dateCheck?.failed).toBe(true)
    expect(graduation.explanation.some((step) => step.rule === "date-consistency")).toBe(false)
    expect(graduation.wouldSettle.length).toBeGreaterThan(0)
  })
})

describe("a brief's content", () => {
  it("keeps the key events to what the judgments and disputes rest on, in date order", () => {
    const ids = content.keyEvents.rows.map((row) => row.id)
    expect(ids).toEqual(expect.arrayContaining(["st-449", "st-jai-iraq-shura-2014-08"]))
    const days = content.keyEvents.rows.map((row) => row.date.start)
    expect([...days].sort()).toEqual(days)
    const few = briefContent(seed, ninth.evaluation, { keyEventLimit: 3 })
    expect(few.keyEvents.rows).toHaveLength(3)
    expect(few.keyEvents.more).toBe(content.keyEvents.rows.length - 3 + content.keyEvents.more)
  })

  it("keeps a case of any size to a brief: the latest and key rows, the named relationships and actors", () => {
    const small = briefContent(seed, ninth.evaluation, {
      chronologyLimit: 4,
      relationshipLimit: 3,
      actorLimit: 2
    })
    expect(small.chronology).toHaveLength(4)
    expect(small.omitted.chronology).toBe(content.chronology.length - 4)
    // The latest row before the day stays, in date order.
    expect(small.chronology.at(-1)?.id).toBe(content.chronology.at(-1)?.id)
    const days = small.chronology.map((row) => row.date.start)
    expect([...days].sort()).toEqual(days)
    expect(small.relationships).toHaveLength(3)
    expect(small.omitted.relationships).toBe(content.relationships.length - 3)
    // Every actor kept comes with the actors above it, so the tree still reads from its roots.
    const kept = new Set(small.actors.map((actor) => actor.id))
    for (const actor of small.actors)
      if (actor.parent !== undefined) expect(kept.has(actor.parent)).toBe(true)
    expect(small.omitted.actors).toBe(content.actors.length - small.actors.length)
    expect(content.omitted).toEqual({ actors: 0, relationships: 0, chronology: 0, disputed: 0 })
  })

  it("lists what was left out on an earlier day, and why", () => {
    const early = briefContent(seed, asOf("2015-01-07").evaluation)
    const statement449 = early.leftOut.find((item) => item.id === "st-449")
    expect(statement449?.kind).toBe("statement")
    expect(statement449?.reason).not.toBe("")
    expect(content.leftOut).toEqual([])
  })
})

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  actorRows,
  caseLabels,
  filterTimeline,
  hypothesesMatrix,
  indexVerdicts,
  itemDetail,
  keyJudgments,
  neighbouringEvents,
  relationshipRows,
  timelineRows,
  verdictShifts
} from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const labels = caseLabels(seed)
const asOf = (day: string) => {
  const evaluation = evaluateCase(seed, { asOf: day as IsoDay })
  return { evaluation, verdicts: indexVerdicts(evaluation) }
}
const ninth = asOf("2015-01-09")
const seventh = asOf("2015-01-07")

describe("the timeline", () => {
  const rows = timelineRows(seed, ninth.verdicts, labels)

  it("lists every statement and observation once, in date order", () => {
    expect(rows).toHaveLength(seed.statements.length + seed.observations.length)
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.date.start <= rows[i]!.date.start).toBe(true)
  })

  it("shows each row's dates as printed and as read, its channel, issuer and verdict", () => {
    const statement449 = rows.find((row) => row.label === "Statement 449")!
    expect(statement449.channel?.handle).toBe("@ansarulsham")
    expect(statement449.printed.map((date) => date.text)).toContain("17 Rabi’ al-Awal 1436")
    const hijri = statement449.printed.find((date) => date.calendar === "hijri")!
    expect(hijri.gregorian).toBe("8 January 2015")
    expect(statement449.status).toBe("contested")
    expect(statement449.badge.letter).toBe("C")
  })

  it("marks what was not yet known on the as-of day", () => {
    const earlier = timelineRows(seed, seventh.verdicts, labels)
    const statement449 = earlier.find((row) => row.label === "Statement 449")!
    expect(statement449.status).toBeUndefined()
    expect(statement449.badge.word).toBe("not yet known")
  })

  it("narrows to a channel, a status or words, and finds the next event", () => {
    const onChannel = filterTimeline(rows, { channel: "ansarulislam-sh" })
    expect(onChannel.length).toBeGreaterThan(0)
    expect(onChannel.every((row) => row.channel?.id === "ansarulislam-sh")).toBe(true)
    expect(filterTimeline(rows, { status: "contested" }).every((row) => row.status === "contested")).toBe(
      true
    )
    // Every word must be found, in any field and in any case.
    expect(filterTimeline(rows, { text: "RABI 449" }).map((row) => row.label)).toEqual(["Statement 449"])
    expect(filterTimeline(rows, { text: "449 graduation" })).toHaveLength(0)
    expect(neighbouringEvents(rows, "2015-01-07" as IsoDay).next).toBe("2015-01-08")
  })
})

describe("key judgments", () => {
  it("rank each question's hypotheses, list what is contested and what changed since an earlier day", () => {
    const judgments = keyJudgments(ninth.evaluation, ninth.verdicts, seventh.verdicts)
    const end = judgments.questions.find((question) => question.id === "q-end-of-jai-syria")!
    expect(end.ranked[0]!.id).toBe("h-faction-defected")
    expect(judgments.contested.map((item) => item.id)).toContain("st-449")
    const shift = judgments.changed.find((change) => change.id === "st-449")!
    expect(shift).toMatchObject({ from: "not yet known", to: "contested" })
    const statements = judgments.counts.find((count) => count.subject === "statement")!
    const total = Object.values(statements.counts).reduce((a, b) => a + b, 0)
    expect(total).toBe(ninth.evaluation.statements.length)
  })

  it("find no change between an evaluation and itself", () => {
    expect(verdictShifts(ninth.verdicts, ninth.verdicts)).toEqual([])
  })
})

describe("actors and relationships", () => {
  const relationships = relationshipRows(ninth.evaluation, labels)
  const actors = actorRows(seed, ninth.evaluation, labels, relationships)

  it("list the actor tree in reading order, each with its lifecycle", () => {
    expect(actors).toHaveLength(seed.actors.length)
    const iraq = actors.findIndex((actor) => actor.id === "jai-iraq")
    expect(actors[iraq - 1]?.id).toBe("jai")
    expect(actors[iraq]!.depth).toBe(1)
    expect(actors[iraq]!.lifecycle.state).toBe("ceased")
    expect(actors.find((actor) => actor.id === "jai")!.arabic).toBe("جماعة أنصار الإسلام")
  })

  it("give each relationship from both sides", () => {
    const cooperation = relationships.find(
      (row) =>
        row.kind === "cooperates-with" && row.from.id === "jai-syria" && row.to.id === "jabhat-al-nusra"
    )!
    expect(cooperation.status).toBe("established")
    const nusra = actors.find((actor) => actor.id === "jabhat-al-nusra")!
    expect(nusra.relationships.some((link) => link.id === cooperation.id && !link.outgoing)).toBe(true)
  })
})

describe("the hypotheses matrix", () => {
  it("has hypotheses in rank order and evidence most diagnostic first", () => {
    const question = ninth.evaluation.questions.find((q) => q.question === "q-end-of-jai-syria")!
    const matrix = hypothesesMatrix(question, labels)
    expect(matrix.hypotheses.map((h) => h.rank)).toEqual(matrix.hypotheses.map((_, i) => i + 1))
    for (let i = 1; i < matrix.evidence.length; i++)
      expect(matrix.evidence[i - 1]!.diagnosticity).toBeGreaterThanOrEqual(matrix.evidence[i]!.diagnosticity)
    expect(
      matrix.evidence.some((row) => Object.values(row.cells).some((cell) => cell.rating === "inconsistent"))
    ).toBe(true)
  })
})

describe("an item's detail", () => {
  it("holds the verdict, its reasons, the date check, the sources and the items it names", () => {
    const detail = itemDetail(seed, ninth.verdicts, labels, "st-449")!
    expect(detail.verdict?.status).toBe("contested")
    expect(detail.verdict?.wouldSettle.length).toBeGreaterThan(0)
    expect(detail.dateCheck?.verdict).toBe("consistent")
    expect(detail.sources.map((source) => source.id)).toContain("src-ansarulsham")
    expect(detail.links.map((link) => link.id)).toEqual(expect.arrayContaining(["ansarulsham", "jai-syria"]))
    expect(detail.facts.find((fact) => fact.name === "Serial")?.value).toBe("Statement 449")
  })

  it("flags the graduation photos' printed dates as inconsistent", () => {
    const detail = itemDetail(seed, ninth.verdicts, labels, "st-ansarulislam-sh-graduation")!
    expect(detail.dateCheck?.verdict).toBe("inconsistent")
    expect(Math.abs(detail.dateCheck!.gapDays)).toBe(4)
  })

  it("is undefined for an id the case does not hold", () => {
    expect(itemDetail(seed, ninth.verdicts, labels, "no-such-item")).toBeUndefined()
  })
})

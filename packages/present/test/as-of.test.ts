import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  asOfView,
  caseLabels,
  caseOutlineOf,
  filterTimeline,
  indexVerdicts,
  neighbouringEvents,
  readAsOfDay,
  revisionRows,
  stepAsOf,
  timelineIndex,
  timelineRows,
  timelineVerdictLookup,
  timelineVerdicts
} from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const labels = caseLabels(seed)
const day = (text: string) => text as IsoDay
const evaluated = (on: string) => {
  const evaluation = evaluateCase(seed, { asOf: day(on) })
  return { evaluation, verdicts: indexVerdicts(evaluation) }
}
const seventh = evaluated("2015-01-07")
const ninth = evaluated("2015-01-09")
const outline = caseOutlineOf(seed)

describe("as-of steps", () => {
  it("move by day, week and month, a month keeping the day or taking the month's last", () => {
    expect(stepAsOf(day("2015-01-07"), "day", 1)).toBe("2015-01-08")
    expect(stepAsOf(day("2015-03-01"), "day", -1)).toBe("2015-02-28")
    expect(stepAsOf(day("2015-01-09"), "week", 1)).toBe("2015-01-16")
    expect(stepAsOf(day("2015-01-31"), "month", 1)).toBe("2015-02-28")
    expect(stepAsOf(day("2016-03-31"), "month", -1)).toBe("2016-02-29")
    expect(stepAsOf(day("2015-01-09"), "month", -1)).toBe("2014-12-09")
  })

  it("read a typed day as ISO or as printed, a longer date standing for its last day", () => {
    expect(readAsOfDay("2015-01-09")).toEqual(
      Result.succeed({ day: "2015-01-09", reading: "9 January 2015" })
    )
    expect(Result.map(readAsOfDay("17 Rabi' al-Awwal 1436"), (read) => read.day)).toEqual(
      Result.succeed("2015-01-08")
    )
    expect(Result.map(readAsOfDay("January 2015"), (read) => read.day)).toEqual(Result.succeed("2015-01-31"))
    expect(Result.isFailure(readAsOfDay("2015-02-30"))).toBe(true)
    expect(Result.isFailure(readAsOfDay(""))).toBe(true)
    expect(Result.isFailure(readAsOfDay("soon"))).toBe(true)
  })
})

describe("the timeline index", () => {
  const index = timelineIndex(outline)
  const rows = timelineRows(seed, ninth.verdicts, labels)
  const verdicts = timelineVerdicts(outline, ninth.verdicts)

  it("gives the same rows, in the same order, as the whole timeline", () => {
    expect(index.length).toBe(rows.length)
    for (let at = 0; at < rows.length; at++) {
      expect(index.row(at, verdicts)).toEqual(rows[at])
      expect(index.placeOf(rows[at]!.id)).toBe(at)
    }
  })

  it("filters as the whole timeline filters, and searches its text", () => {
    for (const filter of [
      { status: "contested" as const },
      { actor: "jai-syria" },
      { channel: "ansarulsham" },
      { text: "graduation" }
    ]) {
      const kept = index.filter(filter, verdicts).map((at) => index.idAt(at))
      expect(kept).toEqual(filterTimeline(rows, filter).map((row) => row.id))
    }
    expect(index.search("graduation").map((at) => index.idAt(at))).toEqual(
      filterTimeline(rows, { text: "graduation" }).map((row) => row.id)
    )
    expect(index.search("  ")).toEqual([])
  })

  it("finds the neighbouring events as the whole timeline does", () => {
    for (const on of ["2014-01-01", "2014-10-05", "2015-01-08", "2015-01-09", "2016-01-01"])
      expect(index.neighbours(day(on))).toEqual(neighbouringEvents(rows, day(on)))
  })
})

describe("the verdicts of a day's timeline", () => {
  it("say each row's status and confidence, and what changed between two days", () => {
    const lookup = timelineVerdictLookup(outline, timelineVerdicts(outline, ninth.verdicts))
    for (const row of timelineRows(seed, ninth.verdicts, labels)) {
      const verdict = ninth.verdicts.get(row.id)
      expect(lookup.get(row.id)).toEqual(
        verdict === undefined
          ? undefined
          : { status: verdict.status, confidence: { words: verdict.confidence.words } }
      )
    }
    const view = asOfView(ninth.evaluation, outline, seventh.verdicts)
    const index = timelineIndex(outline)
    expect(view.changed).toContain(index.placeOf("st-449"))
    expect(view.changed).not.toContain(index.placeOf("st-jai-iraq-shura-2014-08"))
  })

  it("cross a thread as they are", () => {
    const view = asOfView(ninth.evaluation, outline, seventh.verdicts)
    expect(structuredClone(view)).toEqual(view)
    expect(view.judgments.changed.find((shift) => shift.id === "st-449")).toMatchObject({
      from: "not yet known",
      to: "contested"
    })
  })
})

describe("revision rows", () => {
  it("list revisions latest first, in words, only the latest marked", () => {
    const rows = revisionRows([
      {
        number: 1,
        author: "allegiance",
        at: "2026-01-01T10:00:00.000Z",
        reason: "seed",
        undoes: null,
        added: 75,
        changed: 0,
        removed: 0
      },
      {
        number: 2,
        author: "aisha",
        at: "2026-01-02T11:30:00.000Z",
        reason: "new pledge",
        undoes: null,
        added: 1,
        changed: 1,
        removed: 0
      },
      {
        number: 3,
        author: "aisha",
        at: "2026-01-02T11:31:00.000Z",
        reason: "oops",
        undoes: 2,
        added: 0,
        changed: 1,
        removed: 1
      }
    ])
    expect(rows.map((row) => row.number)).toEqual([3, 2, 1])
    expect(rows[0]).toMatchObject({
      when: "2026-01-02 11:31 UTC",
      changes: "changed 1 item, removed 1 item",
      undoes: 2,
      latest: true
    })
    expect(rows[1]).toMatchObject({ changes: "added 1 item, changed 1 item", latest: false })
    expect(rows[2]!.changes).toBe("added 75 items")
  })
})

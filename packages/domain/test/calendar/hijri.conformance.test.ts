import { readFileSync } from "node:fs"
import { join } from "node:path"
import { sharedDirectory } from "@allegiance/vitest-config"
import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import {
  checkDualDate,
  gregorianMonthName,
  HIJRI_MONTH_NAMES_ARABIC,
  hijriMonthName
} from "../../src/calendar/index.ts"

/**
 * Published Umm al-Qura month starts (../shared/data/hijri, from the hijridate project): 840 from the official
 * Umm al-Qura website (1431-1500 AH) and 672 from a university's comparison calendar (1356-1411 AH). Each pair
 * is put through the whole date check as printed text, the way a statement's dates would be.
 */
type Triple = readonly [number, number, number]
type Pair = { readonly hijri: Triple; readonly gregorian: Triple; readonly source: string }

const load = (file: string): ReadonlyArray<Pair> => {
  const entries = JSON.parse(
    readFileSync(join(sharedDirectory, "data", "hijri", file), "utf8")
  ) as ReadonlyArray<readonly [readonly [Triple, Triple], ...ReadonlyArray<unknown>]>
  return entries.map(([[hijri, gregorian]]) => ({ hijri, gregorian, source: file }))
}

const pairs = [...load("ummalqura_calendar_website.json"), ...load("kfupm_comparison_calendar.json")]

// Alternate the spellings so the reader is exercised too, not only the conversion.
const hijriText = ([year, month, day]: Triple, index: number) =>
  index % 2 === 0
    ? `${day} ${hijriMonthName(month)} ${year} AH`
    : `${day} ${HIJRI_MONTH_NAMES_ARABIC[month - 1]} ${year} هـ`
const gregorianText = ([year, month, day]: Triple) => `${day} ${gregorianMonthName(month)} ${year}`

describe("Umm al-Qura conformance", () => {
  it("has all 1,512 published month starts", () => {
    expect(pairs).toHaveLength(1512)
  })

  const results = pairs.map((pair, index) => {
    const checked = checkDualDate(hijriText(pair.hijri, index), gregorianText(pair.gregorian))
    return { pair, checked }
  })

  it("judges every published pair consistent, at most 2 days from Umm al-Qura", () => {
    const problems: Array<string> = []
    const spread = new Map<number, number>()
    for (const { pair, checked } of results) {
      const label = `${pair.hijri.join("-")} = ${pair.gregorian.join("-")} (${pair.source})`
      if (Result.isFailure(checked)) {
        problems.push(`${label}: ${checked.failure.message}`)
        continue
      }
      const finding = checked.success
      const days = finding.offsets.umalqura.days
      spread.set(days ?? Number.NaN, (spread.get(days ?? Number.NaN) ?? 0) + 1)
      if (finding.verdict === "inconsistent" || days === null || Math.abs(days) > 2) {
        problems.push(`${label}: ${finding.verdict}, ${days} days`)
      }
      if (finding.offsets.umalqura.calendarUsed !== "umalqura") problems.push(`${label}: not Umm al-Qura`)
    }
    expect(problems).toEqual([])
    // ICU's table is 0-2 days from the published starts, never more (see ../shared/data/hijri/README.md).
    expect([...spread.keys()].every((days) => days >= -2 && days <= 2)).toBe(true)
  })

  it("matches 1420-1450 AH exactly", () => {
    const inSpan = results.filter(({ pair }) => pair.hijri[0] >= 1420 && pair.hijri[0] <= 1450)
    expect(inSpan.length).toBe(240)
    const off = inSpan.filter(
      ({ checked }) => !(Result.isSuccess(checked) && checked.success.offsets.umalqura.days === 0)
    )
    expect(off.map(({ pair }) => pair.hijri.join("-"))).toEqual([])
    for (const { checked } of inSpan) {
      expect(Result.isSuccess(checked) && [checked.success.verdict, checked.success.matchedCalendar]).toEqual(
        ["consistent", "umalqura"]
      )
    }
  })
})

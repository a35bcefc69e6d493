import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import {
  checkDualDate,
  type DualDateFinding,
  formatDayNumber,
  formatHijriDate
} from "../../src/calendar/index.ts"
import { dayNumberToHijri, hijriToDayNumber } from "../../src/calendar/hijri-calendar.ts"

const check = (hijri: string, gregorian: string): DualDateFinding => {
  const result = checkDualDate(hijri, gregorian)
  if (Result.isFailure(result)) throw new Error(`could not check: ${result.failure.message}`)
  return result.success
}

describe("the seed's dual dates", () => {
  it("finds Statement 449's dates consistent under Umm al-Qura", () => {
    const finding = check("17 Rabi' al-Awwal 1436", "8 January 2015")
    expect(finding.verdict).toBe("consistent")
    expect(finding.matchedCalendar).toBe("umalqura")
    expect(finding.gapDays).toBe(0)
    expect(finding.converted).toEqual({
      calendar: "umalqura",
      start: "2015-01-08",
      end: "2015-01-08",
      written: "8 January 2015"
    })
    expect(finding.explanation).toBe(
      `The Hijri date "17 Rabi' al-Awwal 1436" is 8 January 2015 in the Umm al-Qura calendar; the Gregorian date printed beside it, "8 January 2015", is the same day: the two dates are consistent.`
    )
    expect(check("17 Rabi’ al-Awal 1436", "8 January 2015").verdict).toBe("consistent")
  })

  it("finds the graduation photos' dates inconsistent by 4 days", () => {
    const finding = check("17 Rabi al-Awal 1436", "4 January 2015")
    expect(finding.verdict).toBe("inconsistent")
    expect(finding.matchedCalendar).toBeNull()
    expect(finding.gapDays).toBe(-4)
    expect(finding.offsets.umalqura.days).toBe(-4)
    expect(finding.offsets.civil.days).toBe(-4)
    expect(finding.offsets.tabular.days).toBe(-3)
    expect(finding.offsets.umalqura.description).toBe(
      "The printed Gregorian date is 4 days earlier than the Hijri date converted with the Umm al-Qura calendar (8 January 2015)."
    )
    expect(finding.explanation).toBe(
      `The Hijri date "17 Rabi al-Awal 1436" is 8 January 2015 in the Umm al-Qura calendar; the Gregorian date printed beside it, "4 January 2015", is 4 days earlier: the two dates are inconsistent.`
    )
    expect(check("17 Rabi al-Awal 1436 AH", "4 January 2015").verdict).toBe("inconsistent")
  })
})

describe("tolerance", () => {
  it("takes one day as moon-sighting variance and two with a caution", () => {
    const oneDay = check("17 Rabi al-Awwal 1436", "9 January 2015")
    expect([oneDay.verdict, oneDay.gapDays, oneDay.matchedCalendar]).toEqual(["consistent", 1, "umalqura"])
    expect(oneDay.explanation).toContain("is 1 day later: the two dates are consistent (a one-day difference")

    const twoDays = check("17 Rabi al-Awwal 1436", "10 January 2015")
    expect([twoDays.verdict, twoDays.gapDays]).toEqual(["consistent-with-caution", 2])
    expect(twoDays.explanation).toContain("with caution")

    expect(check("17 Rabi al-Awwal 1436", "11 January 2015").verdict).toBe("inconsistent")
  })

  it("names another calendar when it is the one that brings the dates together", () => {
    // Under Umm al-Qura the 17th is 8 January; the tabular calendar puts it on the 7th.
    const finding = check("17 Rabi al-Awwal 1436", "6 January 2015")
    expect(finding.offsets.umalqura.days).toBe(-2)
    expect(finding.offsets.tabular.days).toBe(-1)
    expect(finding.verdict).toBe("consistent")
    expect(finding.matchedCalendar).toBe("tabular")
    expect(finding.explanation).toBe(
      `The Hijri date "17 Rabi al-Awwal 1436" is 8 January 2015 in the Umm al-Qura calendar, which puts the Gregorian date printed beside it, "6 January 2015", 2 days earlier; in the tabular calendar it is 7 January 2015, and "6 January 2015" is 1 day earlier: the two dates are consistent under the tabular calendar (a one-day difference is within moon-sighting variance).`
    )
  })

  it("checks a 30th that Umm al-Qura does not have under the calendars that do", () => {
    const finding = check("30 Rabi al-Awwal 1436", "21 January 2015")
    expect(finding.offsets.umalqura.days).toBeNull()
    expect(finding.matchedCalendar).toBe("civil")
    expect(finding.verdict).toBe("consistent")
    expect(finding.explanation).toMatch(
      /^The Hijri date "30 Rabi al-Awwal 1436" does not exist in the Umm al-Qura calendar/
    )
  })

  it("compares spans when a date is only a month or a year", () => {
    const month = check("Rabi al-Awwal 1436", "January 2015")
    expect([month.verdict, month.gapDays]).toEqual(["consistent", 0])
    expect(month.explanation).toContain(`"January 2015", overlaps it`)
    const apart = check("Rabi al-Awwal 1436", "March 2015")
    expect(apart.verdict).toBe("inconsistent")
    expect(apart.gapDays).toBe(40)
    expect(apart.explanation).toContain("begins 40 days after it ends")
  })

  it("says when the civil calendar stood in for Umm al-Qura", () => {
    const finding = check("17 Rabi al-Awwal 1200", "18 January 1786")
    expect(finding.offsets.umalqura.calendarUsed).toBe("civil")
    expect(finding.matchedCalendar).toBe("civil")
    expect(finding.explanation).toContain(
      "in the civil calendar (the Umm al-Qura table covers only 1300-1600 AH)"
    )
  })
})

describe("weekdays", () => {
  it("checks a printed weekday exactly", () => {
    const right = check("17 Rabi al-Awwal 1436", "Thursday, January 8, 2015")
    expect(right.verdict).toBe("consistent")
    expect(right.weekdayChecks).toEqual([
      {
        printedIn: "gregorian",
        printed: "Thursday",
        printedWeekday: "Thursday",
        checkedAgainst: "2015-01-08",
        actualWeekday: "Thursday",
        matches: true,
        description: "8 January 2015 was a Thursday, as printed."
      }
    ])

    const wrong = check("17 Rabi al-Awwal 1436", "Friday, January 8, 2015")
    expect(wrong.verdict).toBe("inconsistent")
    expect(wrong.explanation).toContain(
      `The printed weekday "Friday" does not fit: 8 January 2015 was a Thursday, not a Friday. Because the weekday is wrong, the date is judged inconsistent.`
    )
  })

  it("checks a weekday printed with the Hijri date against its conversion", () => {
    const finding = check("الخميس 17 ربيع الأول 1436 هـ", "8 كانون الثاني 2015")
    expect(finding.verdict).toBe("consistent")
    expect(finding.weekdayChecks).toHaveLength(1)
    expect(finding.weekdayChecks[0]).toMatchObject({ printedIn: "hijri", printed: "الخميس", matches: true })
    expect(check("الجمعة 17 ربيع الأول 1436 هـ", "8 January 2015").verdict).toBe("inconsistent")
  })
})

describe("reading failures", () => {
  it("says which of the two dates could not be read, and where", () => {
    const hijri = checkDualDate("17 Rabi 1436", "8 January 2015")
    expect(
      Result.isFailure(hijri) && [hijri.failure.field, hijri.failure.offset, hijri.failure.length]
    ).toEqual(["hijri", 3, 4])
    const gregorian = checkDualDate("17 Rabi al-Awwal 1436", "8/1/2015")
    expect(Result.isFailure(gregorian) && [gregorian.failure.field, gregorian.failure.reason]).toEqual([
      "gregorian",
      "ambiguous"
    ])
    const swapped = checkDualDate("8 January 2015", "17 Rabi al-Awwal 1436")
    expect(Result.isFailure(swapped) && swapped.failure.message).toBe(
      `Expected a Hijri date, but "January" is a Gregorian month.`
    )
    const nowhere = checkDualDate("31 Rabi al-Awwal 1436", "8 January 2015")
    expect(Result.isFailure(nowhere) && nowhere.failure.reason).toBe("impossible")
  })
})

describe("the finding", () => {
  it("survives JSON unchanged", () => {
    const finding = check("الخميس 17 ربيع الأول 1436 هـ", "Thursday, January 8, 2015")
    expect(JSON.parse(JSON.stringify(finding))).toEqual(finding)
  })

  it("finds any Hijri date consistent with its own Umm al-Qura conversion, and a week off inconsistent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -32_000, max: 70_000 }),
        fc.integer({ min: -10, max: 10 }),
        (n, shift) => {
          const hijri = Result.getOrThrow(dayNumberToHijri(n, "umalqura"))
          const finding = check(formatHijriDate(hijri.date), formatDayNumber(n + shift))
          expect(finding.offsets.umalqura.days).toBe(shift)
          const best = Math.min(
            ...Object.values(finding.offsets).flatMap((offset) =>
              offset.days === null ? [] : [Math.abs(offset.days)]
            )
          )
          expect(finding.verdict).toBe(
            best <= 1 ? "consistent" : best === 2 ? "consistent-with-caution" : "inconsistent"
          )
          expect(Result.getOrThrow(hijriToDayNumber(hijri.date, "umalqura")).dayNumber).toBe(n)
        }
      )
    )
  })
})

import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import {
  dayNumberToHijri,
  formatHijriDate,
  gregorianToHijri,
  HIJRI_CALENDARS,
  type HijriCalendar,
  hijriMonthLength,
  hijriToDayNumber,
  hijriToGregorian,
  IsoDay
} from "../../src/calendar/index.ts"

const success = <A, E>(result: Result.Result<A, E>): A => {
  if (Result.isFailure(result)) throw new Error(`expected a success, got ${String(result.failure)}`)
  return result.success
}
const failure = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.success)}`)
  return result.failure
}

describe("Hijri to Gregorian", () => {
  it("converts the seed's Statement 449 date under Umm al-Qura", () => {
    expect(success(hijriToGregorian({ year: 1436, month: 3, day: 17 }))).toEqual({
      day: "2015-01-08",
      dayNumber: 16443,
      calendarUsed: "umalqura"
    })
  })

  it("gives each calendar its own answer", () => {
    const date = { year: 1436, month: 3, day: 17 }
    expect(success(hijriToGregorian(date, "civil")).day).toBe("2015-01-08")
    expect(success(hijriToGregorian(date, "tabular")).day).toBe("2015-01-07")
    // 1 Ramadan 1436 was 18 June 2015 in Saudi Arabia; Eid al-Fitr followed 29 days later.
    expect(success(hijriToGregorian({ year: 1436, month: 9, day: 1 })).day).toBe("2015-06-18")
    expect(success(hijriMonthLength(1436, 9, "umalqura"))).toBe(29)
    expect(success(hijriToGregorian({ year: 1436, month: 1, day: 1 })).day).toBe("2014-10-25")
  })

  it("checks the day against the month's real length instead of rolling over", () => {
    expect(success(hijriMonthLength(1436, 3, "umalqura"))).toBe(29)
    expect(success(hijriMonthLength(1436, 3, "civil"))).toBe(30)
    const error = failure(hijriToGregorian({ year: 1436, month: 3, day: 30 }))
    expect(error.reason).toBe("day-out-of-range")
    expect(error.monthLength).toBe(29)
    expect(error.message).toBe("30 is not a day of Rabi al-Awwal 1436, which has 29 days under Umm al-Qura.")
    expect(success(hijriToGregorian({ year: 1436, month: 3, day: 30 }, "civil")).day).toBe("2015-01-21")
    expect(failure(hijriToGregorian({ year: 1436, month: 3, day: 0 })).reason).toBe("day-out-of-range")
  })

  it("refuses months, years and numbers that are not Hijri dates", () => {
    expect(failure(hijriToGregorian({ year: 1436, month: 13, day: 1 })).reason).toBe("month-out-of-range")
    expect(failure(hijriToGregorian({ year: 0, month: 1, day: 1 })).reason).toBe("year-out-of-range")
    expect(failure(hijriToGregorian({ year: 3001, month: 1, day: 1 })).reason).toBe("year-out-of-range")
    expect(failure(hijriToGregorian({ year: 1436.5, month: 1, day: 1 })).reason).toBe("not-a-date")
    expect(failure(hijriMonthLength(1436, 0, "civil")).reason).toBe("month-out-of-range")
    expect(failure(dayNumberToHijri(Number.NaN)).reason).toBe("not-a-date")
  })

  it("uses the civil calendar outside the Umm al-Qura table and says so", () => {
    const converted = success(hijriToGregorian({ year: 1200, month: 3, day: 17 }))
    expect(converted.calendarUsed).toBe("civil")
    expect(converted.day).toBe(success(hijriToGregorian({ year: 1200, month: 3, day: 17 }, "civil")).day)
    expect(success(hijriToGregorian({ year: 1300, month: 1, day: 1 })).calendarUsed).toBe("umalqura")
    expect(success(hijriToGregorian({ year: 1601, month: 1, day: 1 })).calendarUsed).toBe("civil")
    expect(success(gregorianToHijri(IsoDay.make("1700-01-01"))).calendarUsed).toBe("civil")
  })

  it("reaches the first day of the era and no further", () => {
    expect(success(hijriToGregorian({ year: 1, month: 1, day: 1 }, "civil")).day).toBe("0622-07-19")
    expect(success(hijriToGregorian({ year: 1, month: 1, day: 1 }, "tabular")).day).toBe("0622-07-18")
    const before = failure(gregorianToHijri(IsoDay.make("0622-07-18"), "civil"))
    expect(before.message).toBe("18 July 622 is before the Hijri era began, so it has no Hijri date.")
    expect(failure(gregorianToHijri(IsoDay.make("9999-12-31"))).reason).toBe("year-out-of-range")
  })
})

describe("Gregorian to Hijri", () => {
  it("converts the seed's dates", () => {
    expect(success(gregorianToHijri(IsoDay.make("2015-01-08")))).toEqual({
      date: { year: 1436, month: 3, day: 17 },
      calendarUsed: "umalqura"
    })
    expect(formatHijriDate(success(gregorianToHijri(IsoDay.make("2015-01-04"))).date)).toBe(
      "13 Rabi al-Awwal 1436"
    )
  })
})

const calendar = fc.constantFrom<HijriCalendar>(...HIJRI_CALENDARS)
const umalquraSpan = {
  min: success(hijriToDayNumber({ year: 1300, month: 1, day: 1 })).dayNumber,
  max: success(hijriToDayNumber({ year: 1600, month: 12, day: 29 })).dayNumber
}

describe("round trips", () => {
  it("Gregorian to Hijri to Gregorian is the identity over 1300-1600 AH", () => {
    fc.assert(
      fc.property(fc.integer(umalquraSpan), calendar, (n, asked) => {
        const hijri = success(dayNumberToHijri(n, asked))
        const back = success(hijriToDayNumber(hijri.date, hijri.calendarUsed))
        expect(back.dayNumber).toBe(n)
        expect(back.calendarUsed).toBe(hijri.calendarUsed)
      }),
      { numRuns: 5000 }
    )
  })

  it("holds for every day of 1300-1600 AH under Umm al-Qura", () => {
    for (let n = umalquraSpan.min; n <= umalquraSpan.max; n++) {
      const hijri = success(dayNumberToHijri(n, "umalqura"))
      if (success(hijriToDayNumber(hijri.date, "umalqura")).dayNumber !== n) {
        throw new Error(`day ${n} does not round-trip (${formatHijriDate(hijri.date)})`)
      }
    }
  })

  it("converts the first days of the era back in every calendar, whose epochs differ by a day", () => {
    for (const asked of ["umalqura", "civil", "tabular"] as const)
      for (let day = 1; day <= 3; day++) {
        const { day: iso, calendarUsed } = success(hijriToGregorian({ year: 1, month: 1, day }, asked))
        expect(success(gregorianToHijri(iso, calendarUsed)).date).toEqual({ year: 1, month: 1, day })
      }
  })

  it("Hijri to Gregorian to Hijri is the identity for every real Hijri date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        calendar,
        (year, month, day, asked) => {
          const length = success(hijriMonthLength(year, month, asked))
          expect(length === 29 || length === 30).toBe(true)
          const converted = hijriToGregorian({ year, month, day }, asked)
          if (day > length) {
            expect(failure(converted).reason).toBe("day-out-of-range")
            return
          }
          const { day: iso, calendarUsed } = success(converted)
          expect(success(gregorianToHijri(iso, calendarUsed)).date).toEqual({ year, month, day })
        }
      ),
      { numRuns: 5000 }
    )
  })

  it("months follow each other without gaps", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        calendar,
        (year, month, asked) => {
          const length = success(hijriMonthLength(year, month, asked))
          const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
          const start = success(hijriToDayNumber({ year, month, day: 1 }, asked))
          const nextStart = success(hijriToDayNumber({ ...next, day: 1 }, asked))
          // Where Umm al-Qura hands over to the civil calendar the two tables may overlap or leave a day.
          if (start.calendarUsed === nextStart.calendarUsed)
            expect(nextStart.dayNumber - start.dayNumber).toBe(length)
        }
      )
    )
  })

  it("answers any number without throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -2_000_000, max: 2_000_000 })),
        calendar,
        (n, asked) => {
          const result = dayNumberToHijri(n, asked)
          if (!Number.isInteger(n)) expect(failure(result).reason).toBe("not-a-date")
          else if (Result.isFailure(result)) expect(result.failure.reason).toBe("year-out-of-range")
          else
            expect(
              success(hijriToDayNumber(result.success.date, result.success.calendarUsed)).dayNumber - n
            ).toBe(0)
        }
      )
    )
  })
})

import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  addDays,
  dayNumberToIsoDay,
  daysBetween,
  FIRST_DAY_NUMBER,
  formatDayNumber,
  gregorianDayNumber,
  gregorianMonthLength,
  IsoDay,
  isoDayToDayNumber,
  LAST_DAY_NUMBER,
  weekdayName,
  weekdayOfDayNumber
} from "../../src/calendar/index.ts"

const day = (text: string) => IsoDay.make(text)

describe("day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(isoDayToDayNumber(day("1970-01-01"))).toBe(0)
    expect(isoDayToDayNumber(day("2015-01-08"))).toBe(16443)
    expect(dayNumberToIsoDay(16443)).toBe("2015-01-08")
    expect(dayNumberToIsoDay(-1)).toBe("1969-12-31")
  })

  it("reaches years below 100 without Date's 1900 shift", () => {
    expect(dayNumberToIsoDay(FIRST_DAY_NUMBER)).toBe("0001-01-01")
    expect(dayNumberToIsoDay(LAST_DAY_NUMBER)).toBe("9999-12-31")
    expect(isoDayToDayNumber(day("0099-12-31")) + 1).toBe(isoDayToDayNumber(day("0100-01-01")))
    expect(gregorianDayNumber(50, 3, 1)).toBe(isoDayToDayNumber(day("0050-03-01")))
  })

  it("refuses days a month does not have", () => {
    expect(gregorianDayNumber(2015, 2, 29)).toBeUndefined()
    expect(gregorianDayNumber(2016, 2, 29)).toBe(isoDayToDayNumber(day("2016-02-29")))
    expect(gregorianDayNumber(2015, 4, 31)).toBeUndefined()
    expect(gregorianDayNumber(2015, 13, 1)).toBeUndefined()
    expect(gregorianDayNumber(0, 1, 1)).toBeUndefined()
    expect(gregorianMonthLength(1900, 2)).toBe(28)
    expect(gregorianMonthLength(2000, 2)).toBe(29)
  })

  it("adds and measures days", () => {
    expect(addDays(day("2015-01-08"), -4)).toBe("2015-01-04")
    expect(addDays(day("2014-12-31"), 1)).toBe("2015-01-01")
    expect(daysBetween(day("2015-01-08"), day("2015-01-04"))).toBe(-4)
    expect(daysBetween(day("2014-10-25"), day("2015-10-14"))).toBe(354)
  })

  it("knows the weekday", () => {
    expect(weekdayName(weekdayOfDayNumber(isoDayToDayNumber(day("2015-01-08"))))).toBe("Thursday")
    expect(weekdayName(weekdayOfDayNumber(0))).toBe("Thursday")
    expect(weekdayName(weekdayOfDayNumber(-1))).toBe("Wednesday")
    expect(weekdayName(weekdayOfDayNumber(isoDayToDayNumber(day("0622-07-19"))))).toBe("Friday")
  })

  it("writes days as analysts do", () => {
    expect(formatDayNumber(16443)).toBe("8 January 2015")
  })

  it("round-trips every day between year 1 and 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY_NUMBER, max: LAST_DAY_NUMBER - 7 }), (n) => {
        const iso = dayNumberToIsoDay(n)
        expect(IsoDay.makeOption(iso)._tag).toBe("Some")
        expect(isoDayToDayNumber(iso)).toBe(n)
        expect(daysBetween(iso, addDays(iso, 7))).toBe(7)
        expect(weekdayOfDayNumber(n + 7)).toBe(weekdayOfDayNumber(n))
      })
    )
  })
})

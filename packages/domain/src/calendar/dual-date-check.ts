import { Result, Schema } from "effect"
import { DateReadError } from "./date-read-error.ts"
import { type DateReading, readDate } from "./date-reader.ts"
import {
  type DayNumber,
  dayNumberToIsoDay,
  formatDayNumber,
  weekdayName,
  weekdayOfDayNumber
} from "./day-number.ts"
import {
  effectiveCalendar,
  HIJRI_CALENDAR_LABELS,
  HIJRI_CALENDARS,
  type HijriCalendar,
  type HijriDateError
} from "./hijri-calendar.ts"
import { hijriMonthName } from "./hijri-month-names.ts"
import type { IsoDay } from "./printed-date.ts"
import { splitTimeOfDay } from "./time-of-day.ts"
import {
  gregorianReadingInterval,
  hijriReadError,
  hijriReadingInterval,
  type ReadingInterval
} from "./read-printed-date.ts"

/**
 * Rule 1 of the domain, date consistency: a statement printing both a Hijri and a Gregorian date is checked by
 * converting the Hijri date and measuring the gap. Moon sighting makes a Hijri month start a day early or late
 * from place to place, so 0-1 day is consistent, 2 is consistent with a caution, and 3 or more is not. The
 * Hijri date is tried under Umm al-Qura (the default), the civil and the tabular calendars; the first that
 * brings the dates within tolerance is named. A printed weekday is checked exactly.
 */

export const CONSISTENT_MAX_DAYS = 1
export const CAUTION_MAX_DAYS = 2

export const DualDateVerdict = Schema.Literals(["consistent", "consistent-with-caution", "inconsistent"])
export type DualDateVerdict = typeof DualDateVerdict.Type

/** A span of Gregorian days (one day when both ends are equal), with how an analyst would write it. */
export interface GregorianSpan {
  readonly start: IsoDay
  readonly end: IsoDay
  /** "8 January 2015", or "23 December 2014 to 20 January 2015" for a span. */
  readonly written: string
}

export interface HijriAsRead {
  readonly text: string
  readonly year: number
  readonly month?: number
  /** The canonical name of the month read ("Rabi al-Awwal"), whatever the spelling printed. */
  readonly monthName?: string
  readonly day?: number
  readonly precision: "day" | "month" | "year"
}

export interface GregorianAsRead extends GregorianSpan {
  readonly text: string
  readonly precision: "day" | "month" | "year"
}

/** The Hijri date converted under one calendar, and how far the printed Gregorian date is from it. */
export interface CalendarOffset {
  readonly calendar: HijriCalendar
  /** The calendar that answered: "civil" when Umm al-Qura was asked outside 1300-1600 AH. */
  readonly calendarUsed: HijriCalendar
  /** Undefined when the printed Hijri day does not exist in this calendar (a 30th in a 29-day month). */
  readonly converted?: GregorianSpan
  /**
   * Printed Gregorian minus converted Hijri, in days: negative when the printed Gregorian date is earlier.
   * For spans (a month, a year), the distance between the nearest ends, 0 when they overlap. Null when the
   * Hijri day does not exist in this calendar.
   */
  readonly days: number | null
  readonly description: string
}

export interface WeekdayCheck {
  /** Which of the two printed dates carried the weekday. */
  readonly printedIn: "hijri" | "gregorian"
  /** The weekday as printed ("Thursday", "الخميس"). */
  readonly printed: string
  readonly printedWeekday: string
  /** The day it was checked against: the Gregorian date itself, or the Hijri date converted. */
  readonly checkedAgainst: IsoDay
  readonly actualWeekday: string
  readonly matches: boolean
  readonly description: string
}

/** The finding of the date check; plain data, so it serialises to JSON as it is. */
export interface DualDateFinding {
  readonly verdict: DualDateVerdict
  /** The calendar (as it answered) under which the two dates agree within tolerance; null if none. */
  readonly matchedCalendar: HijriCalendar | null
  /** Signed gap in days under the calendar the explanation reports (the matched one, else Umm al-Qura). */
  readonly gapDays: number
  readonly hijri: HijriAsRead
  readonly gregorian: GregorianAsRead
  /** The Hijri date converted under the calendar the explanation reports. */
  readonly converted: GregorianSpan & { readonly calendar: HijriCalendar }
  readonly offsets: { readonly [C in HijriCalendar]: CalendarOffset }
  readonly weekdayChecks: ReadonlyArray<WeekdayCheck>
  /** Sentences an analyst can paste into a brief. */
  readonly explanation: string
}

function spanOfDays(start: DayNumber, end: DayNumber): GregorianSpan {
  return {
    start: dayNumberToIsoDay(start),
    end: dayNumberToIsoDay(end),
    written: start === end ? formatDayNumber(start) : `${formatDayNumber(start)} to ${formatDayNumber(end)}`
  }
}

/** Printed Gregorian minus converted Hijri; for spans, the gap between their nearest ends (0 if they overlap). */
function gapBetween(gregorian: ReadingInterval, hijri: ReadingInterval): number {
  if (gregorian.start > hijri.end) return gregorian.start - hijri.end
  if (gregorian.end < hijri.start) return gregorian.end - hijri.start
  return 0
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`

/** How the printed Gregorian date stands to the converted Hijri date, to follow "the Gregorian date ...". */
function relation(days: number, bothDays: boolean): string {
  if (bothDays) {
    if (days === 0) return "is the same day"
    return `is ${plural(Math.abs(days), "day")} ${days < 0 ? "earlier" : "later"}`
  }
  if (days === 0) return "overlaps it"
  return days > 0
    ? `begins ${plural(days, "day")} after it ends`
    : `ends ${plural(-days, "day")} before it begins`
}

function calendarPhrase(calendar: HijriCalendar, used: HijriCalendar): string {
  return calendar === used
    ? `in the ${HIJRI_CALENDAR_LABELS[used]} calendar`
    : `in the ${HIJRI_CALENDAR_LABELS[used]} calendar (the Umm al-Qura table covers only 1300-1600 AH)`
}

function describeOffset(
  offset: Omit<CalendarOffset, "description">,
  bothDays: boolean,
  reading: DateReading
): string {
  const label = HIJRI_CALENDAR_LABELS[offset.calendarUsed]
  if (offset.days === null || offset.converted === undefined) {
    return `The Hijri date does not exist in the ${label} calendar: ${hijriMonthName(reading.month ?? 1)} ${reading.year} is shorter there.`
  }
  const days = offset.days
  if (!bothDays) {
    if (days === 0)
      return `The printed Gregorian date overlaps the Hijri date converted with the ${label} calendar (${offset.converted.written}).`
    return `The printed Gregorian date is ${plural(Math.abs(days), "day")} ${days < 0 ? "before" : "after"} the Hijri date converted with the ${label} calendar (${offset.converted.written}).`
  }
  if (days === 0)
    return `The printed Gregorian date is the same day as the Hijri date converted with the ${label} calendar (${offset.converted.written}).`
  return `The printed Gregorian date is ${plural(Math.abs(days), "day")} ${days < 0 ? "earlier" : "later"} than the Hijri date converted with the ${label} calendar (${offset.converted.written}).`
}

function verdictPhrase(verdict: DualDateVerdict, gap: number, under?: string, weekdayWrong = false): string {
  const suffix = under === undefined ? "" : ` under the ${under} calendar`
  if (verdict === "inconsistent") return "the two dates are inconsistent"
  // The days agree, but a wrong weekday will make the date inconsistent: the text must not call it consistent.
  if (weekdayWrong)
    return `the days agree${suffix}${Math.abs(gap) === 0 ? "" : " within moon-sighting variance"}`
  if (verdict === "consistent-with-caution") {
    return `the two dates are consistent${suffix}, with caution: a two-day gap is at the edge of what moon sighting explains`
  }
  return Math.abs(gap) === 0
    ? `the two dates are consistent${suffix}`
    : `the two dates are consistent${suffix} (a one-day difference is within moon-sighting variance)`
}

function withField(error: DateReadError, field: "hijri" | "gregorian"): DateReadError {
  return new DateReadError({
    reason: error.reason,
    text: error.text,
    offset: error.offset,
    length: error.length,
    expected: error.expected,
    message: error.message,
    field
  })
}

function checkWeekday(
  printedIn: "hijri" | "gregorian",
  reading: DateReading,
  day: DayNumber,
  via: string
): WeekdayCheck | undefined {
  const printed = reading.weekday
  if (printed === undefined) return undefined
  const actual = weekdayOfDayNumber(day)
  const matches = actual === printed.weekday
  const printedText = reading.text.slice(printed.span.offset, printed.span.offset + printed.span.length)
  const dayWritten = formatDayNumber(day)
  return {
    printedIn,
    printed: printedText,
    printedWeekday: weekdayName(printed.weekday),
    checkedAgainst: dayNumberToIsoDay(day),
    actualWeekday: weekdayName(actual),
    matches,
    description: matches
      ? `${dayWritten}${via} was a ${weekdayName(actual)}, as printed.`
      : `The printed weekday "${printedText}" does not fit: ${dayWritten}${via} was a ${weekdayName(actual)}, not a ${weekdayName(printed.weekday)}.`
  }
}

/**
 * Checks a Hijri and a Gregorian date printed side by side. Fails only when one of the two cannot be read
 * (the error says which, where and what was expected) or when the Hijri day exists in none of the calendars.
 */
export function checkDualDate(
  hijriText: string,
  gregorianText: string
): Result.Result<DualDateFinding, DateReadError> {
  const hijriRead = readDate(hijriText, "hijri")
  if (Result.isFailure(hijriRead)) return Result.fail(withField(hijriRead.failure, "hijri"))
  // A time of day printed after the Gregorian day has no bearing on the comparison of days.
  const timed = splitTimeOfDay(gregorianText)
  const withoutTime = timed === undefined ? undefined : readDate(timed.dateText, "gregorian")
  const gregorianRead =
    withoutTime !== undefined && Result.isSuccess(withoutTime) && withoutTime.success.precision === "day"
      ? withoutTime
      : readDate(gregorianText, "gregorian")
  if (Result.isFailure(gregorianRead)) return Result.fail(withField(gregorianRead.failure, "gregorian"))
  const hijri = hijriRead.success
  const gregorian = gregorianRead.success
  const gregorianInterval = gregorianReadingInterval(gregorian)
  const bothDays = hijri.precision === "day" && gregorian.precision === "day"

  const intervals = new Map<HijriCalendar, ReadingInterval>()
  let refusal: HijriDateError | undefined
  const offsets = {} as { [C in HijriCalendar]: CalendarOffset }
  for (const calendar of HIJRI_CALENDARS) {
    const interval = hijriReadingInterval(hijri, calendar)
    if (Result.isSuccess(interval)) intervals.set(calendar, interval.success)
    else refusal ??= interval.failure
    const calendarUsed = effectiveCalendar(hijri.year, calendar)
    const bare: Omit<CalendarOffset, "description"> = Result.isSuccess(interval)
      ? {
          calendar,
          calendarUsed,
          converted: spanOfDays(interval.success.start, interval.success.end),
          days: gapBetween(gregorianInterval, interval.success)
        }
      : { calendar, calendarUsed, days: null }
    offsets[calendar] = { ...bare, description: describeOffset(bare, bothDays, hijri) }
  }

  const within = (limit: number) =>
    HIJRI_CALENDARS.find(
      (calendar) => offsets[calendar].days !== null && Math.abs(offsets[calendar].days!) <= limit
    )
  const close = within(CONSISTENT_MAX_DAYS)
  const cautious = close === undefined ? within(CAUTION_MAX_DAYS) : undefined
  const existing = HIJRI_CALENDARS.find((calendar) => offsets[calendar].days !== null)
  // No calendar has the day (a 31st): the refusal is Umm al-Qura's, which names the month's length.
  if (existing === undefined) return Result.fail(withField(hijriReadError(hijri, refusal!), "hijri"))
  const reported = close ?? cautious ?? existing
  const datesVerdict: DualDateVerdict =
    close !== undefined ? "consistent" : cautious !== undefined ? "consistent-with-caution" : "inconsistent"
  const report = offsets[reported]
  const gap = report.days!
  const reportedInterval = intervals.get(reported)!

  const weekdayChecks: Array<WeekdayCheck> = []
  if (gregorian.precision === "day") {
    const check = checkWeekday("gregorian", gregorian, gregorianInterval.start, "")
    if (check !== undefined) weekdayChecks.push(check)
  }
  if (hijri.precision === "day") {
    // A weekday printed beside both dates names the day the thing appeared: the printed Gregorian day,
    // which is that Hijri day in one reckoning or another. Only without a Gregorian day is it checked
    // against the Hijri date converted.
    const against = gregorian.precision === "day" ? gregorianInterval.start : reportedInterval.start
    const via =
      gregorian.precision === "day"
        ? ", the Gregorian date printed beside it,"
        : ` (the Hijri date in the ${HIJRI_CALENDAR_LABELS[report.calendarUsed]} calendar)`
    const check = checkWeekday("hijri", hijri, against, via)
    if (check !== undefined) weekdayChecks.push(check)
  }
  // A weekday is printed deliberately and has no sighting variance: a wrong one is checked exactly.
  const weekdayWrong = weekdayChecks.some((check) => !check.matches)
  const verdict: DualDateVerdict = weekdayWrong ? "inconsistent" : datesVerdict

  const h = `"${hijriText.trim()}"`
  const g = `"${gregorianText.trim()}"`
  const uq = offsets.umalqura
  let explanation: string
  if (reported === "umalqura" || uq.calendarUsed === report.calendarUsed) {
    explanation = `The Hijri date ${h} is ${report.converted!.written} ${calendarPhrase("umalqura", report.calendarUsed)}; the Gregorian date printed beside it, ${g}, ${relation(gap, bothDays)}: ${verdictPhrase(datesVerdict, gap, undefined, weekdayWrong)}.`
  } else {
    const label = HIJRI_CALENDAR_LABELS[report.calendarUsed]
    let umalquraPart: string
    if (uq.days === null || uq.converted === undefined) {
      umalquraPart = `The Hijri date ${h} does not exist in the Umm al-Qura calendar (${hijriMonthName(hijri.month ?? 1)} ${hijri.year} is shorter there)`
    } else {
      const direction = bothDays
        ? uq.days < 0
          ? "earlier"
          : "later"
        : uq.days < 0
          ? "before it"
          : "after it"
      umalquraPart = `The Hijri date ${h} is ${uq.converted.written} ${calendarPhrase("umalqura", uq.calendarUsed)}, which puts the Gregorian date printed beside it, ${g}, ${plural(Math.abs(uq.days), "day")} ${direction}`
    }
    explanation = `${umalquraPart}; in the ${label} calendar it is ${report.converted!.written}, and ${g} ${relation(gap, bothDays)}: ${verdictPhrase(datesVerdict, gap, datesVerdict === "inconsistent" ? undefined : label, weekdayWrong)}.`
  }
  for (const check of weekdayChecks) explanation += ` ${check.description}`
  if (weekdayWrong && datesVerdict !== "inconsistent") {
    explanation += " Because the weekday is wrong, the date is judged inconsistent."
  }

  return Result.succeed({
    verdict,
    matchedCalendar: close !== undefined || cautious !== undefined ? report.calendarUsed : null,
    gapDays: gap,
    hijri: {
      text: hijriText,
      year: hijri.year,
      ...(hijri.month !== undefined ? { month: hijri.month, monthName: hijriMonthName(hijri.month) } : {}),
      ...(hijri.day !== undefined ? { day: hijri.day } : {}),
      precision: hijri.precision
    },
    gregorian: {
      text: gregorianText,
      precision: gregorian.precision,
      ...spanOfDays(gregorianInterval.start, gregorianInterval.end)
    },
    converted: { calendar: report.calendarUsed, ...report.converted! },
    offsets,
    weekdayChecks,
    explanation
  })
}

import { Result } from "effect"
import { BoundedMemo } from "./bounded-memo.ts"
import { DateReadError } from "./date-read-error.ts"
import { type DateReading, readDate } from "./date-reader.ts"
import { type DayNumber, dayNumberToIsoDay, gregorianDayNumber, gregorianMonthLength } from "./day-number.ts"
import {
  effectiveCalendar,
  HIJRI_CALENDAR_LABELS,
  type HijriCalendar,
  type HijriDateError,
  hijriMonthLength,
  hijriToDayNumber,
  UMALQURA_FIRST_YEAR,
  UMALQURA_LAST_YEAR
} from "./hijri-calendar.ts"
import { hijriMonthName } from "./hijri-month-names.ts"
import { type CalendarSystem, PrintedDate } from "./printed-date.ts"
import { splitTimeOfDay } from "./time-of-day.ts"

/** The Gregorian days a reading can mean (both ends inclusive), and the Hijri calendar that gave them. */
export interface ReadingInterval {
  readonly start: DayNumber
  readonly end: DayNumber
  /** For a Hijri reading: the calendar that answered (civil when Umm al-Qura is outside 1300-1600 AH). */
  readonly calendarUsed?: HijriCalendar
}

/**
 * The interval of Gregorian days a Hijri reading covers in one Hijri calendar: a day, its month, or its year.
 * The day is checked against that calendar's month length first (no silent rollover into the next month).
 */
export function hijriReadingInterval(
  reading: DateReading,
  calendar: HijriCalendar
): Result.Result<ReadingInterval, HijriDateError> {
  const { year, month, day } = reading
  if (month === undefined) {
    const first = hijriToDayNumber({ year, month: 1, day: 1 }, calendar)
    if (Result.isFailure(first)) return Result.fail(first.failure)
    const lastMonth = hijriToDayNumber({ year, month: 12, day: 1 }, calendar)
    if (Result.isFailure(lastMonth)) return Result.fail(lastMonth.failure)
    const length = hijriMonthLength(year, 12, calendar)
    if (Result.isFailure(length)) return Result.fail(length.failure)
    return Result.succeed({
      start: first.success.dayNumber,
      end: lastMonth.success.dayNumber + length.success - 1,
      calendarUsed: first.success.calendarUsed
    })
  }
  const first = hijriToDayNumber({ year, month, day: day ?? 1 }, calendar)
  if (Result.isFailure(first)) return Result.fail(first.failure)
  const { dayNumber, calendarUsed } = first.success
  if (day !== undefined) return Result.succeed({ start: dayNumber, end: dayNumber, calendarUsed })
  const length = hijriMonthLength(year, month, calendar)
  if (Result.isFailure(length)) return Result.fail(length.failure)
  return Result.succeed({ start: dayNumber, end: dayNumber + length.success - 1, calendarUsed })
}

/** The interval of a Gregorian reading: its day, month or year. */
export function gregorianReadingInterval(reading: DateReading): ReadingInterval {
  const { year, month, day } = reading
  // readDate has already checked the day against the month, so these days exist.
  const start = gregorianDayNumber(year, month ?? 1, day ?? 1)!
  if (day !== undefined) return { start, end: start }
  if (month !== undefined) return { start, end: start + gregorianMonthLength(year, month) - 1 }
  return { start, end: gregorianDayNumber(year, 12, 31)! }
}

/**
 * Turns a calendar's refusal of a Hijri reading into a read error that points at the printed day, e.g.
 * `"Rabi al-Awwal" was read as month 3, but "31" is not a day of Rabi al-Awwal 1436, which has 29 days under
 * Umm al-Qura`.
 */
export function hijriReadError(reading: DateReading, error: HijriDateError): DateReadError {
  const { text } = reading
  if (
    error.reason === "day-out-of-range" &&
    reading.daySpan !== undefined &&
    reading.monthSpan !== undefined
  ) {
    const monthText = text.slice(
      reading.monthSpan.offset,
      reading.monthSpan.offset + reading.monthSpan.length
    )
    const dayText = text.slice(reading.daySpan.offset, reading.daySpan.offset + reading.daySpan.length)
    const name = hijriMonthName(reading.month!)
    const numeric = /^\P{L}+$/u.test(monthText)
    const used = effectiveCalendar(reading.year, error.calendar)
    return new DateReadError({
      reason: "impossible",
      text,
      offset: reading.daySpan.offset,
      length: reading.daySpan.length,
      expected: `a day from 1 to ${error.monthLength}`,
      message: `"${monthText}" was read as month ${reading.month}${numeric ? ` (${name})` : ""}, but "${dayText}" is not a day of ${name} ${reading.year}, which has ${error.monthLength} days under ${HIJRI_CALENDAR_LABELS[used]}.`
    })
  }
  return new DateReadError({
    reason: error.reason === "calendar-unavailable" ? "unreadable" : "impossible",
    text,
    offset: 0,
    length: text.length,
    expected: "a date the Hijri calendar can convert",
    message: error.message
  })
}

const CIVIL_NOTE = `Converted with the civil Hijri calendar: the Umm al-Qura table covers only ${UMALQURA_FIRST_YEAR}-${UMALQURA_LAST_YEAR} AH.`

/**
 * Reads a printed date into a PrintedDate: the text verbatim, its calendar, the interval of Gregorian days it
 * means and how precisely ("17 Rabi al-Awal 1436" is one day, "Rabi al-Awal 1436" the whole month, "2014"
 * the year). Hijri dates are normalised with Umm al-Qura; outside its 1300-1600 AH table the civil calendar
 * is used and the PrintedDate's note says so.
 * Numeric dates are read only when unambiguous: "8/1/2015" is refused, "13/1/2015" and "2015-01-08" are read.
 */
export function readPrintedDate(
  text: string,
  hint?: CalendarSystem
): Result.Result<PrintedDate, DateReadError> {
  // A time of day after a day ("8 January 2015, 10:17 pm", "... 22:17 UTC+3") is kept beside the day.
  const split = splitTimeOfDay(text)
  const timed = split === undefined ? undefined : readDate(split.dateText, hint)
  const withTime = timed !== undefined && Result.isSuccess(timed) && timed.success.precision === "day"
  const read = withTime ? timed : readDate(text, hint)
  if (Result.isFailure(read)) return Result.fail(read.failure)
  const reading = read.success
  let interval: ReadingInterval
  if (reading.calendar === "hijri") {
    const converted = hijriReadingInterval(reading, "umalqura")
    if (Result.isFailure(converted)) return Result.fail(hijriReadError(reading, converted.failure))
    interval = converted.success
  } else {
    interval = gregorianReadingInterval(reading)
  }
  return Result.succeed(
    new PrintedDate({
      text,
      calendar: reading.calendar,
      start: dayNumberToIsoDay(interval.start),
      end: dayNumberToIsoDay(interval.end),
      precision: reading.precision,
      ...(withTime ? { time: split!.time, ...(split!.zone === undefined ? {} : { zone: split!.zone }) } : {}),
      ...(interval.calendarUsed === "civil" ? { note: CIVIL_NOTE } : {})
    })
  )
}

const printedDates = new BoundedMemo<Result.Result<PrintedDate, DateReadError>>(50_000)

/**
 * `readPrintedDate`, remembering its answers for the last 50,000 texts read: a case prints the
 * same dates over and over. The answer is the very one `readPrintedDate` gives (the same
 * PrintedDate or DateReadError, shared between callers; both are immutable values).
 */
export function readPrintedDateRemembered(
  text: string,
  hint?: CalendarSystem
): Result.Result<PrintedDate, DateReadError> {
  return printedDates.get(`${hint ?? ""}\u0000${text}`, () => readPrintedDate(text, hint))
}

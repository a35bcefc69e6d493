import { Result, Schema } from "effect"
import { type DayNumber, dayNumberToIsoDay, formatDayNumber, isoDayToDayNumber } from "./day-number.ts"
import { hijriMonthName } from "./hijri-month-names.ts"
import {
  buildMonthTable,
  GUESS_EPOCH,
  GUESS_YEAR_DAYS,
  type MonthTable,
  type TableUnavailable
} from "./hijri-month-table.ts"
import type { IsoDay } from "./printed-date.ts"

/**
 * The Hijri reckonings a printed date is checked against:
 * - "umalqura": Saudi Arabia's official calendar (ICU's table, 1300-1600 AH), the default;
 * - "civil": the arithmetical calendar with the Friday epoch (16 July 622 Julian);
 * - "tabular": the same arithmetic with the Thursday (astronomical) epoch, one day earlier.
 */
export const HijriCalendar = Schema.Literals(["umalqura", "civil", "tabular"])
export type HijriCalendar = typeof HijriCalendar.Type

export const HIJRI_CALENDARS: ReadonlyArray<HijriCalendar> = ["umalqura", "civil", "tabular"]

/** How a finding names each calendar. */
export const HIJRI_CALENDAR_LABELS: { readonly [C in HijriCalendar]: string } = {
  umalqura: "Umm al-Qura",
  civil: "civil",
  tabular: "tabular"
}

/** The years ICU's Umm al-Qura table covers; outside them the civil calendar answers instead. */
export const UMALQURA_FIRST_YEAR = 1300
export const UMALQURA_LAST_YEAR = 1600

/** The Hijri years this layer converts (622 to about 3533 CE). */
export const FIRST_HIJRI_YEAR = 1
export const LAST_HIJRI_YEAR = 3000

/** A Hijri date: month 1 is Muharram, 12 is Dhu al-Hijjah. */
export interface HijriDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

export const HijriDateErrorReason = Schema.Literals([
  "not-a-date",
  "year-out-of-range",
  "month-out-of-range",
  "day-out-of-range",
  "calendar-unavailable"
])
export type HijriDateErrorReason = typeof HijriDateErrorReason.Type

/** A Hijri date that does not exist in the calendar asked for, or a day the calendar cannot reach. */
export class HijriDateError extends Schema.TaggedError<HijriDateError>()("HijriDateError", {
  reason: HijriDateErrorReason,
  calendar: HijriCalendar,
  message: Schema.String,
  /** For "day-out-of-range": how many days the month has in that calendar. */
  monthLength: Schema.optional(Schema.Number)
}) {}

/** A Hijri date converted: the Gregorian day, and the calendar that actually answered. */
export interface GregorianFromHijri {
  readonly day: IsoDay
  readonly dayNumber: DayNumber
  /** "civil" when Umm al-Qura was asked for a year outside its table (1300-1600 AH). */
  readonly calendarUsed: HijriCalendar
}

/** A Gregorian day converted to a Hijri calendar, and the calendar that actually answered. */
export interface HijriFromGregorian {
  readonly date: HijriDate
  readonly calendarUsed: HijriCalendar
}

/** Umm al-Qura is only known for 1300-1600 AH; elsewhere the civil calendar stands in, and findings say so. */
export function effectiveCalendar(year: number, calendar: HijriCalendar): HijriCalendar {
  return calendar === "umalqura" && (year < UMALQURA_FIRST_YEAR || year > UMALQURA_LAST_YEAR)
    ? "civil"
    : calendar
}

// Tables are read from ICU on first use and kept: a memo of a pure computation, not state the caller sees.
// They are read a few decades at a time, so that checking one date asks ICU about a few hundred months
// rather than thousands (a cold ICU call costs microseconds, and a command that checks one date pays for
// every table it reads).
const CHUNK_YEARS = 20

/** Month tables of one calendar for firstYear..lastYear, read CHUNK_YEARS at a time. */
interface ChunkedTables {
  readonly firstYear: number
  readonly chunks: Array<MonthTable | TableUnavailable | undefined>
  readonly read: (chunk: number) => MonthTable | TableUnavailable
}

const chunkedTables = (
  calendar: "umalqura" | "civil" | "tabular",
  firstYear: number,
  lastYear: number
): ChunkedTables => {
  const chunks = new Array<MonthTable | TableUnavailable | undefined>(
    Math.ceil((lastYear - firstYear + 1) / CHUNK_YEARS)
  )
  return {
    firstYear,
    chunks,
    read: (chunk) => {
      let table = chunks[chunk]
      if (table === undefined) {
        const first = firstYear + chunk * CHUNK_YEARS
        table = buildMonthTable(calendar, first, Math.min(first + CHUNK_YEARS - 1, lastYear))
        chunks[chunk] = table
      }
      return table
    }
  }
}

const tables = {
  umalqura: chunkedTables("umalqura", UMALQURA_FIRST_YEAR, UMALQURA_LAST_YEAR),
  civil: chunkedTables("civil", FIRST_HIJRI_YEAR, LAST_HIJRI_YEAR),
  tabular: chunkedTables("tabular", FIRST_HIJRI_YEAR, LAST_HIJRI_YEAR)
}

/** The table holding `year` for a calendar that is already effective (Umm al-Qura only within its years). */
function tableFor(calendar: HijriCalendar, year: number): MonthTable | TableUnavailable {
  const chunked = tables[calendar]
  return chunked.read(Math.floor((year - chunked.firstYear) / CHUNK_YEARS))
}

/**
 * The table whose months contain day n, found from a guess at its chunk (the mean year length) that the
 * tables themselves correct by a step or two; "before" or "after" when n lies outside every chunk.
 */
function tableOfDay(
  chunked: ChunkedTables,
  n: DayNumber
): MonthTable | TableUnavailable | "before" | "after" {
  const last = chunked.chunks.length - 1
  const guessedYear = (n - GUESS_EPOCH) / GUESS_YEAR_DAYS + 1
  let chunk = Math.min(last, Math.max(0, Math.floor((guessedYear - chunked.firstYear) / CHUNK_YEARS)))
  // The guess is off by a step or two at most; bounding the walk by the number of chunks only guards
  // against tables that disagree with each other, which buildMonthTable refuses to produce.
  for (let step = 0; step <= last; step++) {
    const table = chunked.read(chunk)
    if ("_tag" in table) return table
    if (n < table.starts[0]!) {
      if (chunk === 0) return "before"
      chunk -= 1
    } else if (n >= table.starts[table.starts.length - 1]!) {
      if (chunk === last) return "after"
      chunk += 1
    } else return table
  }
  return "after"
}

const unavailable = (calendar: HijriCalendar, table: TableUnavailable): HijriDateError =>
  new HijriDateError({ reason: "calendar-unavailable", calendar, message: table.message })

function checkYearMonth(year: number, month: number, calendar: HijriCalendar): HijriDateError | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month)) {
    return new HijriDateError({
      reason: "not-a-date",
      calendar,
      message: `A Hijri year and month are whole numbers; got year ${year}, month ${month}.`
    })
  }
  if (year < FIRST_HIJRI_YEAR || year > LAST_HIJRI_YEAR) {
    return new HijriDateError({
      reason: "year-out-of-range",
      calendar,
      message: `${year} AH is outside the years that can be converted (${FIRST_HIJRI_YEAR}-${LAST_HIJRI_YEAR} AH).`
    })
  }
  if (month < 1 || month > 12) {
    return new HijriDateError({
      reason: "month-out-of-range",
      calendar,
      message: `There is no month ${month} in a Hijri year: months run from 1 (Muharram) to 12 (Dhu al-Hijjah).`
    })
  }
  return undefined
}

/** The number of days (29 or 30) of a Hijri month in a calendar (civil for Umm al-Qura outside 1300-1600). */
export function hijriMonthLength(
  year: number,
  month: number,
  calendar: HijriCalendar = "umalqura"
): Result.Result<number, HijriDateError> {
  const invalid = checkYearMonth(year, month, calendar)
  if (invalid !== undefined) return Result.fail(invalid)
  const used = effectiveCalendar(year, calendar)
  const table = tableFor(used, year)
  if ("_tag" in table) return Result.fail(unavailable(calendar, table))
  const index = (year - table.firstYear) * 12 + month - 1
  return Result.succeed(table.starts[index + 1]! - table.starts[index]!)
}

/**
 * The day number of a Hijri date. The day is checked against the month's real length in that calendar
 * first: "30 Rabi al-Awwal 1436" is an error under Umm al-Qura (29 days), never silently 1 Rabi al-Thani.
 */
export function hijriToDayNumber(
  date: HijriDate,
  calendar: HijriCalendar = "umalqura"
): Result.Result<{ readonly dayNumber: DayNumber; readonly calendarUsed: HijriCalendar }, HijriDateError> {
  const { year, month, day } = date
  const invalid = checkYearMonth(year, month, calendar)
  if (invalid !== undefined) return Result.fail(invalid)
  const used = effectiveCalendar(year, calendar)
  const table = tableFor(used, year)
  if ("_tag" in table) return Result.fail(unavailable(calendar, table))
  const index = (year - table.firstYear) * 12 + month - 1
  const start = table.starts[index]!
  const length = table.starts[index + 1]! - start
  if (!Number.isInteger(day) || day < 1 || day > length) {
    return Result.fail(
      new HijriDateError({
        reason: "day-out-of-range",
        calendar,
        monthLength: length,
        message: `${day} is not a day of ${hijriMonthName(month)} ${year}, which has ${length} days under ${HIJRI_CALENDAR_LABELS[used]}.`
      })
    )
  }
  return Result.succeed({ dayNumber: start + day - 1, calendarUsed: used })
}

/** The Gregorian day of a Hijri date (see hijriToDayNumber for the checks made first). */
export function hijriToGregorian(
  date: HijriDate,
  calendar: HijriCalendar = "umalqura"
): Result.Result<GregorianFromHijri, HijriDateError> {
  const converted = hijriToDayNumber(date, calendar)
  if (Result.isFailure(converted)) return Result.fail(converted.failure)
  const { dayNumber, calendarUsed } = converted.success
  return Result.succeed({ day: dayNumberToIsoDay(dayNumber), dayNumber, calendarUsed })
}

// The month index within a table whose months contain day n: the last start at or before n. The mean
// month length only guesses where to look (binary search mispredicts a branch per step); the table decides.
const MEAN_MONTH_DAYS = 29.530588
function searchMonth(starts: Int32Array, n: DayNumber): number {
  const last = starts.length - 2
  let index = Math.min(last, Math.max(0, Math.floor((n - starts[0]!) / MEAN_MONTH_DAYS)))
  while (index > 0 && starts[index]! > n) index--
  while (index < last && starts[index + 1]! <= n) index++
  return index
}

function dateIn(table: MonthTable, n: DayNumber): HijriDate {
  const index = searchMonth(table.starts, n)
  return {
    year: table.firstYear + Math.floor(index / 12),
    month: (index % 12) + 1,
    day: n - table.starts[index]! + 1
  }
}

const outOfReach = (calendar: HijriCalendar, n: DayNumber, before: boolean): HijriDateError =>
  new HijriDateError({
    reason: "year-out-of-range",
    calendar,
    message: before
      ? `${formatDayNumber(n)} is before the Hijri era began, so it has no Hijri date.`
      : `${formatDayNumber(n)} is after ${LAST_HIJRI_YEAR} AH, beyond the years that can be converted.`
  })

/** The Hijri date of a day number (civil for Umm al-Qura outside its 1300-1600 AH table). */
export function dayNumberToHijri(
  n: DayNumber,
  calendar: HijriCalendar = "umalqura"
): Result.Result<HijriFromGregorian, HijriDateError> {
  if (!Number.isInteger(n)) {
    return Result.fail(
      new HijriDateError({ reason: "not-a-date", calendar, message: `${n} is not a day number.` })
    )
  }
  if (calendar === "umalqura") {
    const table = tableOfDay(tables.umalqura, n)
    if (typeof table === "object") {
      if ("_tag" in table) return Result.fail(unavailable(calendar, table))
      return Result.succeed({ date: dateIn(table, n), calendarUsed: "umalqura" })
    }
  }
  const used = calendar === "tabular" ? "tabular" : "civil"
  const table = tableOfDay(tables[used], n)
  if (table === "before" || table === "after") return Result.fail(outOfReach(calendar, n, table === "before"))
  if ("_tag" in table) return Result.fail(unavailable(calendar, table))
  return Result.succeed({ date: dateIn(table, n), calendarUsed: used })
}

/** The Hijri date of a Gregorian day. */
export function gregorianToHijri(
  day: IsoDay,
  calendar: HijriCalendar = "umalqura"
): Result.Result<HijriFromGregorian, HijriDateError> {
  return dayNumberToHijri(isoDayToDayNumber(day), calendar)
}

/** A Hijri date written for an analyst: "17 Rabi al-Awwal 1436". */
export function formatHijriDate(date: HijriDate): string {
  return `${date.day} ${hijriMonthName(date.month)} ${date.year}`
}

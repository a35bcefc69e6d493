import type { IsoDay } from "./printed-date.ts"

/**
 * A day as a whole number of days since 1970-01-01 (which is day 0), the representation interval arithmetic
 * uses: the day after `n` is `n + 1`, and the gap between two days is a subtraction.
 */
export type DayNumber = number

const MS_PER_DAY = 86_400_000

/** The earliest and latest days an IsoDay can write (its year has four digits). */
export const FIRST_DAY_NUMBER: DayNumber = isoParts(1, 1, 1)
export const LAST_DAY_NUMBER: DayNumber = isoParts(9999, 12, 31)

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not, so it is the safe way to reach them.
function isoParts(year: number, month: number, day: number): DayNumber {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return Math.round(date.getTime() / MS_PER_DAY)
}

/**
 * The day number of a Gregorian date, or undefined when the month does not have that day (31 April) or the
 * year is outside 1-9999.
 */
export function gregorianDayNumber(year: number, month: number, day: number): DayNumber | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  const n = year >= 100 ? Date.UTC(year, month - 1, day) / MS_PER_DAY : isoParts(year, month, day)
  const back = new Date(n * MS_PER_DAY)
  return back.getUTCDate() === day && back.getUTCMonth() === month - 1 ? n : undefined
}

/** The number of days in a Gregorian month (28-31). */
export function gregorianMonthLength(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

/** The year, month (1-12) and day of a day number. */
export function gregorianParts(n: DayNumber): {
  readonly year: number
  readonly month: number
  readonly day: number
} {
  const date = new Date(n * MS_PER_DAY)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

const pad2 = (n: number): string => (n < 10 ? "0" + n : "" + n)
const pad4 = (n: number): string => (n >= 1000 ? "" + n : ("000" + n).slice(-4))

/**
 * The IsoDay of a day number. Only meaningful between FIRST_DAY_NUMBER and LAST_DAY_NUMBER; callers hold day
 * numbers that came from valid dates.
 */
export function dayNumberToIsoDay(n: DayNumber): IsoDay {
  const date = new Date(n * MS_PER_DAY)
  // The string is built from a real date, so it already has the IsoDay shape; re-checking it would cost
  // the hot conversion path a regular expression per call.
  return (pad4(date.getUTCFullYear()) +
    "-" +
    pad2(date.getUTCMonth() + 1) +
    "-" +
    pad2(date.getUTCDate())) as IsoDay
}

/** The day number of an IsoDay. */
export function isoDayToDayNumber(day: IsoDay): DayNumber {
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  const date = Number(day.slice(8, 10))
  // The IsoDay schema checks only the pattern, so "2015-02-31" can arrive; it counts on from the month's
  // start as Date does, rather than failing in a function that has no error to return.
  return year >= 100 ? Date.UTC(year, month - 1, date) / MS_PER_DAY : isoParts(year, month, date)
}

/** The day `days` after (or, if negative, before) `day`. */
export function addDays(day: IsoDay, days: number): IsoDay {
  return dayNumberToIsoDay(isoDayToDayNumber(day) + days)
}

/** How many days `to` is after `from` (negative when it is before). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return isoDayToDayNumber(to) - isoDayToDayNumber(from)
}

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export const WEEKDAY_NAMES: ReadonlyArray<string> = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday"
]

/** The weekday of a day number (1970-01-01, day 0, was a Thursday). */
export function weekdayOfDayNumber(n: DayNumber): IsoWeekday {
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday
}

export function weekdayName(weekday: IsoWeekday): string {
  return WEEKDAY_NAMES[weekday - 1]!
}

const GREGORIAN_MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
]

export function gregorianMonthName(month: number): string {
  return GREGORIAN_MONTH_NAMES[month - 1] ?? `month ${month}`
}

/** A day written the way analysts write it in prose: "8 January 2015". */
export function formatDayNumber(n: DayNumber): string {
  const { year, month, day } = gregorianParts(n)
  return `${day} ${gregorianMonthName(month)} ${year}`
}

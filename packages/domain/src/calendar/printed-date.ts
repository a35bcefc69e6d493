import { Schema } from "effect"

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31

/** Why "YYYY-MM-DD" is not a day of the calendar (month 13, 30 February), or undefined when it is one. */
export const impossibleDay = (text: string): string | undefined => {
  // Text of another shape is the pattern's to report.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const month = Number(text.slice(5, 7))
  const day = Number(text.slice(8, 10))
  if (month < 1 || month > 12)
    return `${text} is not a day: there is no month ${month} (months run from 01 to 12)`
  const length = daysInMonth(Number(text.slice(0, 4)), month)
  if (day < 1 || day > length)
    return `${text} is not a day: that month has ${length} days, so the day runs from 01 to ${length}`
  return undefined
}

/**
 * What text must pass to be a day: written YYYY-MM-DD, and a day the calendar has. For a schema of text
 * that is read as a day without being branded one (a query parameter, say).
 */
export const isoDayChecks = [
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, {
    message: "Expected a day written as YYYY-MM-DD, e.g. 2015-01-08"
  }),
  Schema.makeFilter((text: string) => impossibleDay(text) ?? true)
] as const

/** A calendar day as an ISO 8601 string (proleptic Gregorian), e.g. "2015-01-08"; it must exist. */
export const IsoDay = Schema.String.pipe(
  Schema.check(isoDayChecks[0]),
  Schema.check(isoDayChecks[1]),
  Schema.brand("IsoDay")
)
export type IsoDay = typeof IsoDay.Type

/** The calendar a date was printed in. Hijri dates are normalised with Umm al-Qura unless a finding says otherwise. */
export const CalendarSystem = Schema.Literals(["gregorian", "hijri"])
export type CalendarSystem = typeof CalendarSystem.Type

/**
 * How precisely a date is known. "approximate" is for wording such as "by the end of August" or
 * "five months ago", where the interval is the analyst's honest bracket rather than a calendar unit.
 */
export const DatePrecision = Schema.Literals(["day", "month", "year", "approximate"])
export type DatePrecision = typeof DatePrecision.Type

/**
 * A date as printed in a statement or a source: the text verbatim, the calendar it was written in, and
 * the interval of Gregorian days it can mean (both ends inclusive).
 */
export class PrintedDate extends Schema.Class<PrintedDate>("allegiance/calendar/PrintedDate")({
  text: Schema.String,
  calendar: CalendarSystem,
  start: IsoDay,
  end: IsoDay,
  precision: DatePrecision,
  /**
   * The time of day printed with the date ("HH:MM", 24-hour), for a date known to the day: where two items
   * both carry a time and a zone, the reasoning orders them by the instant, not only by the day.
   */
  time: Schema.optionalKey(Schema.String),
  /** The zone of that time, as an offset from UTC ("+03:00"), when the text names one. */
  zone: Schema.optionalKey(Schema.String),
  /** Why the interval is what it is, when the text alone does not say (e.g. "the article says only 'before the pledge'"). */
  note: Schema.optionalKey(Schema.String)
}) {}

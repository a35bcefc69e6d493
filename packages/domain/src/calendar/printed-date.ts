import { Schema } from "effect"

/** A calendar day as an ISO 8601 string (proleptic Gregorian), e.g. "2015-01-08". */
export const IsoDay = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/, {
      message: "Expected a day written as YYYY-MM-DD, e.g. 2015-01-08"
    })
  ),
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
  /** Why the interval is what it is, when the text alone does not say (e.g. "the article says only 'before the pledge'"). */
  note: Schema.optionalKey(Schema.String)
}) {}

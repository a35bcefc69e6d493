import { Effect, Option, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { BoundedMemo } from "../calendar/bounded-memo.ts"
import { CalendarSystem, DatePrecision, IsoDay, PrintedDate } from "../calendar/printed-date.ts"
import { readPrintedDate, readPrintedDateRemembered } from "../calendar/read-printed-date.ts"
import { isTimeOfDay, normalZone } from "../calendar/time-of-day.ts"

/**
 * A date as a case file writes it: either the printed text alone ("8 January 2015", "17 Rabi' al-Awal
 * 1436", "August 2014"), read into an interval by the calendar layer, or an object giving the text and,
 * where the text cannot be read ("by the end of August 2014"), the interval and precision the analyst
 * settles on, with a note saying why.
 */
const WrittenDate = Schema.Union([
  Schema.String,
  /** A bare year, as YAML reads `since: 2011`. */
  Schema.Int,
  Schema.Struct({
    text: Schema.String,
    calendar: Schema.optionalKey(CalendarSystem),
    start: Schema.optionalKey(IsoDay),
    end: Schema.optionalKey(IsoDay),
    precision: Schema.optionalKey(DatePrecision),
    /** The time of day, "HH:MM" (24-hour), when the text does not print it in a form the reader knows. */
    time: Schema.optionalKey(Schema.String),
    /** The zone of that time: "UTC", "+03:00", "-0430". */
    zone: Schema.optionalKey(Schema.String),
    note: Schema.optionalKey(Schema.String)
  })
])
export type WrittenDate = typeof WrittenDate.Type

const problem = (input: unknown, message: string) =>
  Effect.fail(new SchemaIssue.InvalidValue({ message }, Option.some(input)))

/**
 * The date a written date stands for, or why it stands for none. `DateField` reads through
 * `readWrittenDateRemembered`, which gives the same answers.
 */
export const readWrittenDate = (written: WrittenDate): Result.Result<PrintedDate, string> => {
  const fields = typeof written === "object" ? written : { text: String(written) }
  const read = readPrintedDate(fields.text, fields.calendar)
  const given = fields.start !== undefined && fields.end !== undefined && fields.precision !== undefined
  if (read._tag === "Failure") {
    // An impossible date (the 30th of a 29-day month) is wrong whatever interval is given beside it;
    // a merely unreadable text ("by the end of August") is fine once the analyst gives the interval.
    if (read.failure.reason === "impossible" || !given) {
      // No interval makes an impossible day possible: the hint is for text that merely cannot be read.
      const hint =
        given || read.failure.reason === "impossible"
          ? ""
          : "; write it as an object with text, start, end and precision (day, month, year or approximate)"
      return Result.fail(
        `${hint === "" ? read.failure.message : read.failure.message.replace(/\.$/, "")}${hint}`
      )
    }
  }
  const parsed = read._tag === "Success" ? read.success : undefined
  const start = fields.start ?? parsed?.start
  const end = fields.end ?? parsed?.end
  const precision = fields.precision ?? parsed?.precision
  const calendar = fields.calendar ?? parsed?.calendar ?? "gregorian"
  if (start === undefined || end === undefined || precision === undefined) {
    return Result.fail(`The date "${fields.text}" needs a start, an end and a precision`)
  }
  if (end < start) {
    return Result.fail(`The date "${fields.text}" ends (${end}) before it starts (${start})`)
  }
  const time = fields.time ?? parsed?.time
  if (time !== undefined && !isTimeOfDay(time))
    return Result.fail(
      `The time "${time}" of "${fields.text}" is not a time of day: write it as HH:MM, e.g. 22:17`
    )
  const zone = fields.zone === undefined ? parsed?.zone : normalZone(fields.zone)
  if (fields.zone !== undefined && zone === undefined)
    return Result.fail(
      `The zone "${fields.zone}" of "${fields.text}" is not one: write UTC, or an offset such as +03:00`
    )
  if (time === undefined && zone !== undefined)
    return Result.fail(`The date "${fields.text}" gives a zone but no time of day`)
  if (time !== undefined && (precision !== "day" || start !== end))
    return Result.fail(`The date "${fields.text}" gives a time of day, so it must be one day`)
  // The text's own reading when nothing written beside it changes it: the same date, field for field,
  // without checking and building it a second time (reading a large case reads thousands of dates).
  if (
    parsed !== undefined &&
    parsed.calendar === calendar &&
    parsed.start === start &&
    parsed.end === end &&
    parsed.precision === precision &&
    parsed.time === time &&
    parsed.zone === zone &&
    parsed.note === fields.note
  )
    return Result.succeed(parsed)
  return Result.succeed(
    new PrintedDate({
      text: fields.text,
      calendar,
      start,
      end,
      precision,
      ...(time === undefined ? {} : { time }),
      ...(zone === undefined ? {} : { zone }),
      ...(fields.note === undefined ? {} : { note: fields.note })
    })
  )
}

/** Everything a written date's reading depends on, as one string: its kind and every field. */
const writtenDateKey = (written: WrittenDate): string => {
  if (typeof written === "string") return `s${written}`
  if (typeof written === "number") return `n${written}`
  const { text, calendar, start, end, precision, time, zone, note } = written
  return JSON.stringify([
    text,
    calendar ?? null,
    start ?? null,
    end ?? null,
    precision ?? null,
    time ?? null,
    zone ?? null,
    note ?? null
  ])
}

const writtenDates = new BoundedMemo<Result.Result<PrintedDate, string>>(50_000)

/**
 * `readWrittenDate`, remembering the answers for the last 50,000 distinct written dates. A
 * 100,000-statement case writes some 220,000 dates but only about 10,000 distinct ones, and the
 * reading (and the PrintedDate it builds) dominated loading such a case. Equal written dates
 * share one PrintedDate, which is immutable.
 */
export const readWrittenDateRemembered = (written: WrittenDate): Result.Result<PrintedDate, string> =>
  writtenDates.get(writtenDateKey(written), () => readWrittenDate(written))

const decodeWritten = (written: WrittenDate) => {
  const read = readWrittenDateRemembered(written)
  return Result.isSuccess(read) ? Effect.succeed(read.success) : problem(written, read.failure)
}

/** The shortest written form that reads back to the same date: the bare text when the text says it all. */
const encodeWritten = (date: PrintedDate): WrittenDate => {
  const read = readPrintedDateRemembered(date.text, date.calendar)
  const textSaysItAll =
    date.note === undefined &&
    read._tag === "Success" &&
    read.success.calendar === date.calendar &&
    read.success.start === date.start &&
    read.success.end === date.end &&
    read.success.precision === date.precision &&
    read.success.time === date.time &&
    read.success.zone === date.zone
  if (textSaysItAll) return date.text
  return {
    text: date.text,
    calendar: date.calendar,
    start: date.start,
    end: date.end,
    precision: date.precision,
    ...(date.time === undefined ? {} : { time: date.time }),
    ...(date.zone === undefined ? {} : { zone: date.zone }),
    ...(date.note === undefined ? {} : { note: date.note })
  }
}

export const DateField = WrittenDate.pipe(
  Schema.decodeTo(
    Schema.instanceOf(PrintedDate),
    SchemaTransformation.transformEffect({
      decode: decodeWritten,
      encode: (date) => Effect.succeed(encodeWritten(date))
    })
  )
)

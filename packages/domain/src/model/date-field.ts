import { Effect, Option, Schema, SchemaIssue, SchemaTransformation } from "effect"
import { readPrintedDate } from "../calendar/read-printed-date.ts"
import { CalendarSystem, DatePrecision, IsoDay, PrintedDate } from "../calendar/printed-date.ts"

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
    note: Schema.optionalKey(Schema.String)
  })
])
type WrittenDate = typeof WrittenDate.Type

const problem = (input: unknown, message: string) =>
  Effect.fail(new SchemaIssue.InvalidValue({ message }, Option.some(input)))

const decodeWritten = (written: WrittenDate) => {
  const fields = typeof written === "object" ? written : { text: String(written) }
  const read = readPrintedDate(fields.text, fields.calendar)
  const given = fields.start !== undefined && fields.end !== undefined && fields.precision !== undefined
  if (read._tag === "Failure") {
    // An impossible date (the 30th of a 29-day month) is wrong whatever interval is given beside it;
    // a merely unreadable text ("by the end of August") is fine once the analyst gives the interval.
    if (read.failure.reason === "impossible" || !given) {
      const hint = given
        ? ""
        : "; write it as an object with text, start, end and precision (day, month, year or approximate)"
      return problem(written, `${read.failure.message}${hint}`)
    }
  }
  const parsed = read._tag === "Success" ? read.success : undefined
  const start = fields.start ?? parsed?.start
  const end = fields.end ?? parsed?.end
  const precision = fields.precision ?? parsed?.precision
  const calendar = fields.calendar ?? parsed?.calendar ?? "gregorian"
  if (start === undefined || end === undefined || precision === undefined) {
    return problem(written, `The date "${fields.text}" needs a start, an end and a precision`)
  }
  if (end < start) {
    return problem(written, `The date "${fields.text}" ends (${end}) before it starts (${start})`)
  }
  return Effect.succeed(
    new PrintedDate({
      text: fields.text,
      calendar,
      start,
      end,
      precision,
      ...(fields.note === undefined ? {} : { note: fields.note })
    })
  )
}

/** The shortest written form that reads back to the same date: the bare text when the text says it all. */
const encodeWritten = (date: PrintedDate): WrittenDate => {
  const read = readPrintedDate(date.text, date.calendar)
  const textSaysItAll =
    date.note === undefined &&
    read._tag === "Success" &&
    read.success.calendar === date.calendar &&
    read.success.start === date.start &&
    read.success.end === date.end &&
    read.success.precision === date.precision
  if (textSaysItAll) return date.text
  return {
    text: date.text,
    calendar: date.calendar,
    start: date.start,
    end: date.end,
    precision: date.precision,
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

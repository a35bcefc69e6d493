import { Schema } from "effect"

/**
 * Why a date could not be read:
 * - "unreadable": the text is not a date in a form this reader knows ("by the end of August 2014");
 * - "ambiguous": it could mean more than one date ("8/1/2015", a bare "1436");
 * - "impossible": it was read, but no such date exists ("30 Rabi al-Awwal 1436" under Umm al-Qura, "31 April").
 */
export const DateReadErrorReason = Schema.Literals(["unreadable", "ambiguous", "impossible"])
export type DateReadErrorReason = typeof DateReadErrorReason.Type

/**
 * A printed date that could not be read, located in its text: `offset` is the 0-based character (UTF-16
 * code unit) where the problem starts and `length` how many characters it spans (0 at the end of the text
 * when something is missing). `expected` names what would have been readable there, and `message` is the
 * whole story for an analyst.
 */
export class DateReadError extends Schema.TaggedError<DateReadError>()("DateReadError", {
  reason: DateReadErrorReason,
  text: Schema.String,
  offset: Schema.Number,
  length: Schema.Number,
  expected: Schema.String,
  message: Schema.String,
  /** When reading a pair of dates: which of the two this is. */
  field: Schema.optional(Schema.Literals(["hijri", "gregorian"]))
}) {}

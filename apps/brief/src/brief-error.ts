import { Schema } from "effect"

/** A brief that could not be written, and why, in words for the analyst who asked for it. */
export class BriefError extends Schema.TaggedError<BriefError>()("BriefError", {
  message: Schema.String
}) {}

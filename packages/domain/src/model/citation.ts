import { Schema } from "effect"
import { DocumentId } from "./ids.ts"

/**
 * Where an item comes from: a document of the case and a place in it. `document` names one of the case's
 * `documents` (without it, the case's own `document`); `paragraph` is the document's own numbering,
 * counting from 1; `at` is a place in other words ("page 4", "02:13 into the video", "the second
 * tweet"). For primary material, a short verbatim excerpt.
 */
export class Citation extends Schema.Class<Citation>("allegiance/model/Citation")({
  document: Schema.optionalKey(DocumentId),
  paragraph: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1)))),
  at: Schema.optionalKey(Schema.NonEmptyString),
  excerpt: Schema.optionalKey(Schema.String)
}) {}

/** Every item cites at least one place: nothing enters a case without saying where it came from. */
export const Citations = Schema.NonEmptyArray(Citation)

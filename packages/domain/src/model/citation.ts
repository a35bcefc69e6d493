import { Schema } from "effect"

/**
 * Where in the case's source document an item comes from: the paragraph number (the document's own
 * numbering, counting from 1) and, for primary material, a short verbatim excerpt.
 */
export class Citation extends Schema.Class<Citation>("allegiance/model/Citation")({
  paragraph: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  excerpt: Schema.optionalKey(Schema.String)
}) {}

/** Every item cites at least one paragraph: nothing enters a case without saying where it came from. */
export const Citations = Schema.NonEmptyArray(Citation)

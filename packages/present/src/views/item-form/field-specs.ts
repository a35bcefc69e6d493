/** The building blocks of every kind's fields: one constructor per way a field is typed in, and the fields several kinds share. */
import type { FieldSpec, ListSpec, PickOf } from "./form-types.ts"

export const text = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "text" }
})
export const date = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "date" }
})
export const pick = (key: string, label: string, of: PickOf, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "pick", of }
})
export const int = (key: string, label: string, help: string, required = false): FieldSpec => ({
  key,
  label,
  help,
  required,
  input: { type: "int" }
})
export const choice = (
  key: string,
  label: string,
  options: ReadonlyArray<string>,
  help: string,
  required = false
): FieldSpec => ({ key, label, help, required, input: { type: "choice", options } })
export const flag = (key: string, label: string, help: string): FieldSpec => ({
  key,
  label,
  help,
  required: false,
  input: { type: "flag" }
})

export const idField = text(
  "id",
  "Id",
  "Unique in the case: lower-case letters, digits, dots, dashes or underscores.",
  true
)
export const citations: ListSpec = {
  list: "cites",
  noun: "citation",
  min: 1,
  entry: [
    text(
      "document",
      "Document",
      "The id of the case's document it comes from; empty for the case's own document."
    ),
    int("paragraph", "Paragraph", "The paragraph of that document it comes from (from 1)."),
    text("at", "Place", 'Where in it, when not by paragraph: "page 4", "02:13 into the video".'),
    text("excerpt", "Excerpt", "A short verbatim excerpt, for primary material.")
  ]
}
export const credibilityChoices = ["1", "2", "3", "4", "5", "cannot be judged"]
export const credibility = choice(
  "credibility",
  "Credibility",
  credibilityChoices,
  "Of the item itself: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable."
)

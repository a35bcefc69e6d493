/** Which parts a form has as it stands (a claim's depend on its kind), and its fields with each list expanded to its entries. */
import { claimCommonParts, claimKindParts, claimTailParts } from "./claim-fields.ts"
import type { FieldSpec, FormState, ListSpec, Part } from "./form-types.ts"
import { observationParts } from "./observation-fields.ts"
import { statementParts } from "./statement-fields.ts"

export const partsOf = (state: Pick<FormState, "kind" | "values">): ReadonlyArray<Part> =>
  state.kind === "statement"
    ? statementParts
    : state.kind === "observation"
      ? observationParts
      : [...claimCommonParts, ...claimKindParts(state.values.kind ?? ""), ...claimTailParts]

/** The key of one field of a list's entry: `cites.0.paragraph`, or `printedDates.1` for an entry that is one value. */
export const entryKey = (list: string, index: number, key: string) =>
  key === "" ? `${list}.${index}` : `${list}.${index}.${key}`

/** The fields of a form as it stands, lists expanded to their entries, in order. */
export const formFields = (state: FormState): ReadonlyArray<FieldSpec> =>
  partsOf(state).flatMap((part) =>
    "field" in part
      ? [part.field]
      : Array.from({ length: state.entries[part.list.list] ?? part.list.min }, (_, index) =>
          part.list.entry.map((field) => ({
            ...field,
            key: entryKey(part.list.list, index, field.key),
            label: `${field.label} ${index + 1}`
          }))
        ).flat()
  )

/** The lists of a kind and their least number of entries. */
export const listsOf = (state: Pick<FormState, "kind" | "values">): ReadonlyArray<ListSpec> =>
  partsOf(state).flatMap((part) => ("list" in part ? [part.list] : []))

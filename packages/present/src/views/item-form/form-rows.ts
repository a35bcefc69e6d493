/** The rows of a form as shown: every field with its text, reading and problems, and a way to add to each list. */
import { Result } from "effect"
import { writtenInterval } from "../timeline.ts"
import { dateReading } from "./date-reading.ts"
import { type FormCheck, checkForm } from "./form-check.ts"
import type { FormContext } from "./form-context.ts"
import { entryKey, partsOf } from "./form-parts.ts"
import type { FieldSpec, FormRow, FormState } from "./form-types.ts"

export const formRows = (
  state: FormState,
  context: FormContext,
  check?: FormCheck
): ReadonlyArray<FormRow> => {
  const checked = check ?? checkForm(state, context)
  const rows: Array<FormRow> = []
  const fieldRow = (field: FieldSpec, entry?: { list: string; index: number }): FormRow => {
    const value = state.values[field.key] ?? ""
    let reading: string | undefined
    if (value.trim() !== "") {
      if (field.input.type === "date") {
        const read = dateReading(value)
        if (Result.isSuccess(read)) reading = read.success
        else if (state.keptDates?.[field.key] !== undefined) {
          const kept = state.keptDates[field.key] as { start?: string; end?: string }
          if (kept.start !== undefined && kept.end !== undefined)
            reading = `${writtenInterval(kept.start as never, kept.end as never)} (as the analyst set it)`
        }
      } else if (field.input.type === "pick" && context.names.kindOf(value.trim()) !== undefined)
        reading = `${context.names.kindOf(value.trim())} ${context.names.of(value.trim())}`
    }
    return {
      type: "field",
      field,
      value,
      ...(reading === undefined ? {} : { reading }),
      problems: checked.fields[field.key] ?? [],
      locked: field.key === "id" && state.editing !== undefined,
      ...(entry === undefined ? {} : { entry })
    }
  }
  for (const part of partsOf(state)) {
    if ("field" in part) {
      rows.push(fieldRow(part.field))
      continue
    }
    const count = state.entries[part.list.list] ?? part.list.min
    for (let index = 0; index < count; index++)
      for (const field of part.list.entry)
        rows.push(
          fieldRow(
            {
              ...field,
              key: entryKey(part.list.list, index, field.key),
              label: count > 1 || field.key !== "" ? `${field.label} ${index + 1}` : field.label
            },
            { list: part.list.list, index }
          )
        )
    rows.push({
      type: "add",
      list: part.list.list,
      label: `add ${/^[aeiou]/.test(part.list.noun) ? "an" : "a"} ${part.list.noun}`
    })
  }
  return rows
}

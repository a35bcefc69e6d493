/** Adding and removing the entries of a form's lists (printed dates, media, citations, evidence). */
import { listsOf } from "./form-parts.ts"
import type { FormState } from "./form-types.ts"

/** The form with one more entry in a list. */
export const addEntry = (state: FormState, list: string): FormState => ({
  ...state,
  entries: { ...state.entries, [list]: (state.entries[list] ?? 0) + 1 }
})

/** The form without one entry of a list (never fewer than the list needs); later entries move up. */
export const removeEntry = (state: FormState, list: string, index: number): FormState => {
  const spec = listsOf(state).find((candidate) => candidate.list === list)
  const count = state.entries[list] ?? 0
  if (spec === undefined || count <= spec.min || index >= count) return state
  const values: Record<string, string> = {}
  const prefix = `${list}.`
  for (const [key, value] of Object.entries(state.values)) {
    if (!key.startsWith(prefix)) {
      values[key] = value
      continue
    }
    const [, position, ...rest] = key.split(".")
    const at = Number(position)
    if (at === index) continue
    values[[list, String(at > index ? at - 1 : at), ...rest].join(".")] = value
  }
  return { ...state, values, entries: { ...state.entries, [list]: count - 1 } }
}

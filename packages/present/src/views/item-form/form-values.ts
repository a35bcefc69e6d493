/** Typing into a form: one field's text replaced. */
import { listsOf } from "./form-parts.ts"
import type { FormState } from "./form-types.ts"

/** The form with one field's text replaced. */
export const setField = (state: FormState, key: string, value: string): FormState => {
  const next = { ...state, values: { ...state.values, [key]: value } }
  // A claim of another kind has other fields: each list keeps its entries, at least as many as it needs.
  if (key === "kind" && state.kind === "claim") {
    const entries = { ...state.entries }
    for (const list of listsOf(next)) entries[list.list] = Math.max(entries[list.list] ?? 0, list.min)
    return { ...next, entries }
  }
  return next
}

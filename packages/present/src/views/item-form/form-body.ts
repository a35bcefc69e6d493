/** The item a form fills in, built from its typed text: numbers, flags and dates read from the text they were typed as. */
import { formFields, listsOf } from "./form-parts.ts"
import type { FormState } from "./form-types.ts"

/** The item a form fills in, as a case file writes it, built from the typed text. */
export const formBody = (state: FormState): Record<string, unknown> => {
  const body: Record<string, unknown> = {}
  const setAt = (path: ReadonlyArray<string>, value: unknown) => {
    let target: Record<string, unknown> | Array<unknown> = body
    for (let at = 0; at < path.length - 1; at++) {
      const step = path[at]!
      const nextIsIndex = /^\d+$/.test(path[at + 1]!)
      const existing = (target as Record<string, unknown>)[step]
      if (existing === undefined) (target as Record<string, unknown>)[step] = nextIsIndex ? [] : {}
      target = (target as Record<string, unknown>)[step] as Record<string, unknown>
    }
    ;(target as Record<string, unknown>)[path.at(-1)!] = value
  }
  for (const field of formFields(state)) {
    const typed = (state.values[field.key] ?? "").trim()
    if (typed === "") continue
    let value: unknown = typed
    if (field.input.type === "int") value = /^-?\d+$/.test(typed) ? Number(typed) : typed
    else if (field.input.type === "flag") value = /^(y|yes|true)$/i.test(typed)
    else if (field.key === "credibility") value = /^[1-5]$/.test(typed) ? Number(typed) : typed
    else if (field.input.type === "date") {
      const kept = state.keptDates?.[field.key] as { readonly text?: string } | undefined
      if (kept?.text === typed) value = kept
    }
    setAt(field.key.split("."), value)
  }
  // A list's entries left wholly empty are no entries; those between filled ones keep their place.
  for (const list of listsOf(state)) {
    const entries = body[list.list]
    if (Array.isArray(entries)) body[list.list] = entries.filter((entry) => entry !== undefined)
  }
  if (state.kind === "statement" && body.printedDates === undefined) body.printedDates = []
  return body
}

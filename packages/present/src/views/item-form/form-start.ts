/** Starting a form: a new, empty one of a kind, or one holding an item of the case, to edit. */
import { Claim, Observation, Statement } from "@allegiance/domain"
import { Schema } from "effect"
import type { FormContext } from "./form-context.ts"
import { entryKey, listsOf, partsOf } from "./form-parts.ts"
import type { FieldInput, FormKind, FormState } from "./form-types.ts"

const sectionOfKind = { statement: "statements", claim: "claims", observation: "observations" } as const

/** A new, empty form of a kind, with an id nobody uses yet. */
export const newForm = (
  kind: FormKind,
  context: FormContext,
  values: Record<string, string> = {}
): FormState => {
  const taken = (id: string) => context.names.sectionOf(id) !== undefined
  let n = context.outline.counts[sectionOfKind[kind]]
  let id = `${kind}-${++n}`
  while (taken(id)) id = `${kind}-${++n}`
  const start = { kind, values: { id, ...(kind === "claim" ? { kind: "pledge" } : {}), ...values } }
  const entries: Record<string, number> = {}
  for (const list of listsOf(start))
    entries[list.list] = Math.max(list.min, list.list === "printedDates" ? 1 : 0)
  return { ...start, entries }
}

const encoders = {
  statement: Schema.encodeSync(Statement as unknown as Schema.Codec<unknown, unknown>),
  claim: Schema.encodeSync(Claim as unknown as Schema.Codec<unknown, unknown>),
  observation: Schema.encodeSync(Observation as unknown as Schema.Codec<unknown, unknown>)
}

/** A form holding an item of the case, as a case file writes it, to edit. */
export const formOfItem = (kind: FormKind, item: unknown): FormState => formOfBody(kind, encoders[kind](item))

/** A form holding an item as a case file writes it (as a store or the API hands it over), to edit. */
export const formOfBody = (kind: FormKind, body: unknown): FormState => {
  const encoded = body as Record<string, unknown>
  const values: Record<string, string> = {}
  const keptDates: Record<string, unknown> = {}
  const entries: Record<string, number> = {}
  const put = (key: string, value: unknown, input: FieldInput | undefined) => {
    if (value === undefined || value === null) return
    if (input?.type === "date" && typeof value === "object") {
      values[key] = String((value as { readonly text: string }).text)
      keptDates[key] = value
    } else if (input?.type === "flag") values[key] = value === true ? "yes" : "no"
    else values[key] = String(value)
  }
  const at = (path: ReadonlyArray<string>) =>
    path.reduce<unknown>(
      (value, step) => (typeof value === "object" && value !== null ? (value as never)[step] : undefined),
      encoded
    )
  values.kind = String(encoded.kind ?? "")
  for (const part of partsOf({ kind, values })) {
    if ("field" in part) {
      put(part.field.key, at(part.field.key.split(".")), part.field.input)
      continue
    }
    const list = at([part.list.list])
    const items = Array.isArray(list) ? list : []
    entries[part.list.list] = Math.max(items.length, part.list.min)
    items.forEach((entry, index) => {
      for (const field of part.list.entry)
        put(
          entryKey(part.list.list, index, field.key),
          field.key === "" ? entry : (entry as Record<string, unknown>)[field.key],
          field.input
        )
    })
  }
  if (kind !== "claim") delete values.kind
  if (kind === "observation") values.kind = String(encoded.kind)
  return { kind, editing: String(encoded.id), values, entries, keptDates }
}

/**
 * A form being filled in, as a UI holds it: the form, the field the reader is on, the picker or prompt
 * open over it, and what the last save said; and the steps a reader takes in it (move to a field, type,
 * choose, add or remove an entry, give the reason, throw it away). Any UI that shows a form moves
 * through these the same way; only which key does what is its own.
 */
import type { FormRow, FormState } from "./form-types.ts"
import { setField } from "./form-values.ts"
import { addEntry, removeEntry } from "./list-entries.ts"
import type { PickOption } from "./pickers.ts"

export interface FormSession {
  readonly form: FormState
  /** The row of the form the reader is on. */
  readonly field: number
  /** The picker open on a field, and the option chosen in it. */
  readonly picker?: { readonly choice: number } | undefined
  /** Asking for the reason before saving; the text typed so far. */
  readonly reason?: string | undefined
  /** Asking whether to throw the form away. */
  readonly discarding?: boolean | undefined
  /** What the last save said, when it did not save. */
  readonly outcome?: { readonly message: string; readonly problems: ReadonlyArray<string> } | undefined
  readonly saving?: boolean | undefined
}

type FieldRow = Extract<FormRow, { readonly type: "field" }>

export const formSession = (form: FormState): FormSession => ({ form, field: 0 })

const within = (rows: ReadonlyArray<FormRow>, field: number) => Math.max(0, Math.min(rows.length - 1, field))

/** The form changed: what the last save said holds no longer. */
export const withForm = (session: FormSession, form: FormState, field = session.field): FormSession => ({
  ...session,
  form,
  field,
  outcome: undefined
})

/** On another row (a picker open on this one closes). */
export const toField = (session: FormSession, rows: ReadonlyArray<FormRow>, field: number): FormSession => ({
  ...session,
  field: within(rows, field),
  picker: undefined
})

/** Text typed at the end of a field; a picker open on it starts again from its first option. */
export const typeInto = (session: FormSession, row: FieldRow, text: string): FormSession => ({
  ...session,
  form: setField(session.form, row.field.key, row.value + text),
  outcome: undefined,
  ...(session.picker === undefined ? {} : { picker: { choice: 0 } })
})

/** The last character of a field erased. */
export const eraseFrom = (session: FormSession, row: FieldRow): FormSession =>
  withForm(session, setField(session.form, row.field.key, row.value.slice(0, -1)))

/** A choice (or a yes / no flag) moved to its next or previous option; from none, to the first or last. */
export const cycleChoice = (session: FormSession, row: FieldRow, direction: 1 | -1): FormSession => {
  const { input } = row.field
  if (input.type !== "choice" && input.type !== "flag") return session
  const choices = input.type === "flag" ? ["yes", "no"] : input.options
  const at = choices.indexOf(row.value)
  const next =
    choices[
      (at + (direction === 1 ? 1 : choices.length - 1) + (at < 0 && direction === -1 ? 1 : 0)) %
        choices.length
    ]!
  return withForm(session, setField(session.form, row.field.key, next))
}

export const openPicker = (session: FormSession): FormSession => ({ ...session, picker: { choice: 0 } })
export const closePicker = (session: FormSession): FormSession => ({ ...session, picker: undefined })

/** The picker's choice moved among `options`. */
export const movePicker = (session: FormSession, by: number, options: number): FormSession =>
  session.picker === undefined
    ? session
    : { ...session, picker: { choice: Math.max(0, Math.min(options - 1, session.picker.choice + by)) } }

/** The option chosen put in the field, and on to the next field. */
export const chooseOption = (
  session: FormSession,
  rows: ReadonlyArray<FormRow>,
  row: FieldRow,
  option: PickOption
): FormSession => ({
  ...session,
  form: setField(session.form, row.field.key, option.id),
  picker: undefined,
  field: within(rows, session.field + 1)
})

/** One more entry in the list of an "add" row. */
export const addListEntry = (session: FormSession, list: string): FormSession =>
  withForm(session, addEntry(session.form, list))

/** The entry of the row the reader is on taken out of its list, and the reader one row up. */
export const removeListEntry = (session: FormSession, row: FormRow | undefined): FormSession =>
  row?.type === "field" && row.entry !== undefined
    ? withForm(
        session,
        removeEntry(session.form, row.entry.list, row.entry.index),
        Math.max(0, session.field - 1)
      )
    : session

/** Asking for the reason a save is made. */
export const askReason = (session: FormSession): FormSession => ({ ...session, reason: "" })
export const typeReason = (session: FormSession, text: string): FormSession => ({
  ...session,
  reason: (session.reason ?? "") + text
})
export const eraseReason = (session: FormSession): FormSession => ({
  ...session,
  reason: (session.reason ?? "").slice(0, -1)
})
export const dropReason = (session: FormSession): FormSession => ({ ...session, reason: undefined })

/** Saving, with the reason given. */
export const savingForm = (session: FormSession): FormSession => ({
  ...session,
  reason: undefined,
  saving: true
})

/** The save did not go through: the form as it was, with what was said. */
export const saveRefused = (
  session: FormSession,
  message: string,
  problems: ReadonlyArray<string>
): FormSession => ({ ...session, reason: undefined, saving: false, outcome: { message, problems } })

export const askDiscard = (session: FormSession): FormSession => ({ ...session, discarding: true })
export const keepEditing = (session: FormSession): FormSession => ({ ...session, discarding: false })

/** The first row with something wrong, to go to when a save is asked for too soon. */
export const firstProblemRow = (rows: ReadonlyArray<FormRow>): number =>
  rows.findIndex((row) => row.type === "field" && row.problems.length > 0)

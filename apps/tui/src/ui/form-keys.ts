/**
 * The keys of an open form: moving between fields, typing, choosing in a choice or a picker, adding and
 * removing list entries, and the reason and save. Each step of the form itself is @allegiance/present's
 * (`form-session.ts`); here is only which key takes which.
 */
import {
  addListEntry,
  askDiscard,
  askReason,
  chooseOption,
  closePicker,
  cycleChoice,
  dropReason,
  eraseFrom,
  eraseReason,
  type FormSession,
  firstProblemRow,
  keepEditing,
  movePicker,
  openPicker,
  removeListEntry,
  toField,
  typeInto,
  typeReason
} from "@allegiance/present"
import { type KeyContext, say } from "./key-context.ts"

export const formKey = (
  context: KeyContext,
  session: FormSession,
  input: string,
  named: string | undefined,
  ctrl: boolean,
  shift: boolean
) => {
  const { rows, options, check } = context.form
  if (context.form.context === undefined) return
  const setForm = (form: FormSession | undefined) => context.dispatch({ type: "form", form })
  const row = rows[session.field]
  const typed = named === undefined && !ctrl && input !== ""
  if (session.saving === true) return
  if (session.discarding === true) return setForm(input === "y" ? undefined : keepEditing(session))
  if (session.reason !== undefined) {
    if (named === "escape") return setForm(dropReason(session))
    if (named === "return") {
      const reason = session.reason.trim()
      if (reason === "" || check?.item === undefined) return
      const { section, id, body } = check.item
      return context.session.save(session, { section: section as "statements", id, body }, reason)
    }
    if (named === "backspace") return setForm(eraseReason(session))
    if (typed) setForm(typeReason(session, input))
    return
  }
  if (ctrl && input === "s") {
    if (check?.item !== undefined) return setForm(askReason(session))
    say(
      context,
      check?.general.length
        ? check.general.join(" ")
        : check?.pending !== undefined
          ? "Still reading the items the form names; try again in a moment."
          : "Some fields need attention before saving (marked ✘).",
      "bad"
    )
    const first = firstProblemRow(rows)
    if (first >= 0) setForm({ ...session, field: first })
    return
  }
  if (ctrl && input === "r") return context.session.reload()
  if (ctrl && input === "d") return setForm(removeListEntry(session, row))
  if (session.picker !== undefined) {
    if (named === "escape") return setForm(closePicker(session))
    if (named === "up") return setForm(movePicker(session, -1, options.length))
    if (named === "down") return setForm(movePicker(session, 1, options.length))
    if (named === "return") {
      const option = options[session.picker.choice]
      if (option !== undefined && row?.type === "field") setForm(chooseOption(session, rows, row, option))
      return
    }
  }
  if (named === "escape") return setForm(askDiscard(session))
  if (named === "home") return setForm(toField(session, rows, 0))
  if (named === "end") return setForm(toField(session, rows, rows.length - 1))
  if (named === "pageUp" || named === "pageDown")
    return setForm(toField(session, rows, session.field + (named === "pageUp" ? -10 : 10)))
  if (named === "up" || (named === "tab" && shift)) return setForm(toField(session, rows, session.field - 1))
  if (named === "down" || named === "tab") return setForm(toField(session, rows, session.field + 1))
  if (row === undefined) return
  if (row.type === "add") {
    if (named === "return") setForm(addListEntry(session, row.list))
    return
  }
  if (row.locked) return
  if (named === "left" || named === "right")
    return setForm(cycleChoice(session, row, named === "right" ? 1 : -1))
  if (named === "return") {
    if (row.field.input.type === "pick") return setForm(openPicker(session))
    return setForm({ ...session, field: Math.min(rows.length - 1, session.field + 1) })
  }
  if (named === "backspace") return setForm(eraseFrom(session, row))
  if (typed) setForm(typeInto(session, row, input))
}

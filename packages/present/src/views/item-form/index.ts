/** The form an analyst fills in to add or edit a statement, claim or observation (see `form-types.ts`). */
export { claimKinds } from "./claim-fields.ts"
export { dateReading } from "./date-reading.ts"
export { formBody } from "./form-body.ts"
export { checkForm, type FormCheck } from "./form-check.ts"
export { type Evidence, type FormContext, formContext, formContextOf, withEvidence } from "./form-context.ts"
export { formFields } from "./form-parts.ts"
export { formRows } from "./form-rows.ts"
export { formOfBody, formOfItem, newForm } from "./form-start.ts"
export type { FieldInput, FieldSpec, FormKind, FormRow, FormState, PickOf } from "./form-types.ts"
export { setField } from "./form-values.ts"
export { addEntry, removeEntry } from "./list-entries.ts"
export { type PickOption, pickOptions } from "./pickers.ts"
export {
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
  formSession,
  keepEditing,
  movePicker,
  openPicker,
  removeListEntry,
  saveRefused,
  savingForm,
  toField,
  typeInto,
  typeReason,
  withForm
} from "./form-session.ts"

/**
 * What the open form is checked against and shows: its context over the case's outline, with the
 * statements, claims and observations it names fetched from the access as they are named; its check;
 * its rows; and the options of the picker open on it. A hook, so that a fetched item redraws the form.
 */
import {
  type CaseOutline,
  checkForm,
  type EvidenceSection,
  type FormCheck,
  type FormContext,
  type FormRow,
  type FormSession,
  formContextOf,
  formRows,
  type PickOption,
  pickOptions,
  withEvidence
} from "@allegiance/present"
import { useEffect, useMemo, useRef, useState } from "react"
import type { CaseAccess, ItemBody } from "../access/case-access.ts"

export interface FormSupport {
  readonly context: FormContext | undefined
  readonly check: FormCheck | undefined
  readonly rows: ReadonlyArray<FormRow>
  /** The options of the picker open on the current row, if one is. */
  readonly options: ReadonlyArray<PickOption>
}

const evidenceSections = new Set(["statements", "claims", "observations"])

export const useFormSupport = (
  access: CaseAccess,
  outline: CaseOutline | undefined,
  session: FormSession | undefined
): FormSupport => {
  // The items fetched for forms, for the outline they were fetched against.
  const [fetched, setFetched] = useState<{
    readonly outline: CaseOutline
    readonly items: ReadonlyArray<ItemBody>
  }>()
  const asked = useRef(new Set<string>())
  const open = session !== undefined
  const context = useMemo(() => {
    if (outline === undefined || !open) return undefined
    const base = formContextOf(outline)
    return fetched?.outline === outline ? withEvidence(base, fetched.items) : base
  }, [outline, open, fetched])
  const check = useMemo(
    () => (session === undefined || context === undefined ? undefined : checkForm(session.form, context)),
    [session, context]
  )
  // What the form names and is not at hand yet: fetch it, once.
  useEffect(() => {
    if (outline === undefined || context === undefined || check?.pending === undefined) return
    if (fetched !== undefined && fetched.outline !== outline) asked.current.clear()
    const wanted = check.pending.filter((id) => !asked.current.has(id))
    if (wanted.length === 0) return
    for (const id of wanted) asked.current.add(id)
    const refs = wanted.flatMap((id) => {
      const section = context.names.sectionOf(id)
      return section !== undefined && evidenceSections.has(section)
        ? [{ section: section as EvidenceSection, id }]
        : []
    })
    void access.items(refs).then((outcome) => {
      if (!outcome.ok) return
      setFetched((before) => ({
        outline,
        items: [...(before?.outline === outline ? before.items : []), ...outcome.value]
      }))
    })
  }, [access, outline, context, check, fetched])
  const rows = useMemo(
    () =>
      session === undefined || context === undefined || check === undefined
        ? []
        : formRows(session.form, context, check),
    [session, context, check]
  )
  const row = session === undefined ? undefined : rows[session.field]
  const options =
    session?.picker !== undefined &&
    context !== undefined &&
    row?.type === "field" &&
    row.field.input.type === "pick"
      ? pickOptions(context, row.field.input.of, row.value)
      : []
  return { context, check, rows, options }
}

/** What a form is checked against and picks from: the case it adds to, indexed once. */
import type { CaseFile, ItemSection } from "@allegiance/domain"
import type { CaseLabels } from "../labels.ts"

export interface FormContext {
  readonly caseFile: CaseFile
  readonly labels: CaseLabels
  /** Which section holds each id of the case, and where. */
  readonly where: ReadonlyMap<string, { readonly section: ItemSection; readonly index: number }>
}

export const formContext = (caseFile: CaseFile, labels: CaseLabels): FormContext => {
  const where = new Map<string, { section: ItemSection; index: number }>()
  const sections = ["actors", "channels", "sources", "statements", "claims", "observations"] as const
  for (const section of sections)
    (caseFile[section] as ReadonlyArray<{ readonly id: string }>).forEach((item, index) => {
      where.set(item.id, { section, index })
    })
  return { caseFile, labels, where }
}

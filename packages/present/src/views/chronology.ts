import type { CaseFile } from "@allegiance/domain"
import { timelineOrder } from "./case-outline.ts"
import { type DateCheck, dateCheckOf } from "./date-check.ts"
import type { CaseLabels } from "./labels.ts"
import { type TimelineRow, timelineRows } from "./timeline.ts"
import type { VerdictIndex } from "./verdicts.ts"

/** A timeline row of something known on the as-of day, with the check of the dates it prints. */
export interface ChronologyRow extends TimelineRow {
  readonly status: NonNullable<TimelineRow["status"]>
  readonly confidence: string
  /** For a statement printing a Hijri and a Gregorian date: whether they agree. */
  readonly dateCheck?: DateCheck
  /** Its whole name, where `label` is cut for a list (see `uncutName`): a table has room for it. */
  readonly uncut?: string
}

/** Where a statement or observation known on the day falls in the chronology, before its row is built. */
export interface ChronologyEntry {
  readonly id: string
  readonly start: string
  readonly end: string
}

/** The statements and observations known on the evaluation's day, in the timeline's order (date, then id). */
export const chronologyEntries = (
  caseFile: CaseFile,
  verdicts: VerdictIndex
): ReadonlyArray<ChronologyEntry> => {
  const entries: Array<ChronologyEntry> = []
  for (const statement of caseFile.statements)
    if (verdicts.get(statement.id) !== undefined)
      entries.push({ id: statement.id, start: statement.observed.start, end: statement.observed.end })
  for (const observation of caseFile.observations)
    if (verdicts.get(observation.id) !== undefined)
      entries.push({ id: observation.id, start: observation.date.start, end: observation.date.end })
  return entries.sort(timelineOrder)
}

/**
 * The chronology of a brief: the statements and observations known on the evaluation's day, in date
 * order, each with its dates as printed and as read, its channel, issuer and verdict. What was not yet
 * known is left out here (the evaluation says why). With `include`, only the rows it accepts.
 */
export const chronologyRows = (
  caseFile: CaseFile,
  verdicts: VerdictIndex,
  labels: CaseLabels,
  include?: (id: string) => boolean
): ReadonlyArray<ChronologyRow> => {
  const rows: Array<ChronologyRow> = []
  for (const row of timelineRows(caseFile, verdicts, labels, include)) {
    if (row.status === undefined || row.confidence === undefined) continue
    const dateCheck = dateCheckOf(row.printed)
    rows.push({
      ...row,
      status: row.status,
      confidence: row.confidence,
      ...(dateCheck === undefined ? {} : { dateCheck })
    })
  }
  return rows
}

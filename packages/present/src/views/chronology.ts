import type { CaseFile } from "@allegiance/domain"
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
}

/**
 * The chronology of a brief: the statements and observations known on the evaluation's day, in date
 * order, each with its dates as printed and as read, its channel, issuer and verdict. What was not yet
 * known is left out here (the evaluation says why).
 */
export const chronologyRows = (
  caseFile: CaseFile,
  verdicts: VerdictIndex,
  labels: CaseLabels
): ReadonlyArray<ChronologyRow> => {
  const rows: Array<ChronologyRow> = []
  for (const row of timelineRows(caseFile, verdicts, labels)) {
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

import type { RevisionRow } from "@allegiance/present"
import { fit, type Line, line, wrap } from "../lines.ts"

/** The case's revisions, latest first: who, when, why and what changed. */
export const historyLines = (
  rows: ReadonlyArray<RevisionRow> | undefined,
  width: number
): ReadonlyArray<Line> => {
  if (rows === undefined) return [line({ text: "Reading the revisions…", dim: true })]
  const lines: Array<Line> = []
  for (const row of rows) {
    lines.push(
      line(
        { text: `rev ${row.number}`, bold: true },
        `  ${row.when}  ${fit(row.author, 20)}  `,
        { text: row.changes, dim: true },
        row.latest && row.number > 1 ? { text: "  (latest: u undoes it)", tone: "accent" } : ""
      )
    )
    for (const part of wrap(
      `${row.undoes === undefined ? "" : `undid revision ${row.undoes}: `}${row.reason}`,
      width - 4
    ))
      lines.push(line(`    ${part}`))
  }
  return lines
}

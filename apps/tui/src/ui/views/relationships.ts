import { type RelationshipRow, writtenDay } from "@allegiance/present"
import { badge, fit, type Line, line, targetLine } from "../lines.ts"

const interval = (row: RelationshipRow) =>
  row.start === undefined && row.end === undefined
    ? ""
    : `${row.start === undefined ? "…" : writtenDay(row.start)} – ${row.end === undefined ? "now" : writtenDay(row.end)}`

/** Who is pledged to, merged into, cooperates with, is protected by or rival of whom, with status and interval. */
export const relationshipLines = (
  rows: ReadonlyArray<RelationshipRow>,
  width: number
): ReadonlyArray<Line> => {
  if (rows.length === 0) return [line({ text: "No relationship is known on this day.", dim: true })]
  const lines: Array<Line> = []
  for (const row of rows) {
    const accepted = row.accepted === undefined ? "" : row.accepted ? ", accepted" : ", not accepted"
    lines.push(
      targetLine(
        row.id,
        badge(row.badge),
        " ",
        fit(`${row.from.name} ${row.words} ${row.to.name}`, width - 3)
      )
    )
    lines.push(
      targetLine(row.id, {
        text: fit(
          `    ${row.status}, ${row.confidence}${accepted}${interval(row) === "" ? "" : `; ${interval(row)}`}`,
          width
        ),
        dim: true
      })
    )
  }
  return lines
}

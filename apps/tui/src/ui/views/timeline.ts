import type { TimelineIndex, TimelineRow, TimelineVerdicts } from "@allegiance/present"
import { badge, changedMark, fit, type Line, line, pad, targetLine } from "../lines.ts"

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/** A row's date, as read, in at most 11 characters: "8 Jan 2015", "Aug 2014", "~Dec 2014", "2011". */
const shortDay = (row: TimelineRow): string => {
  const [year, month, day] = row.date.start.split("-")
  const monthName = months[Number(month) - 1]
  switch (row.date.precision) {
    case "day":
      return `${Number(day)} ${monthName} ${year}`
    case "month":
      return `${monthName} ${year}`
    case "year":
      return year!
    case "approximate":
      return `~${monthName} ${year}`
  }
}

/** One timeline row in one line: changed mark, badge, day, label, channel, actor (and, when wide, the dates as printed). */
export const timelineLine = (row: TimelineRow, changed: boolean, hit: boolean, width: number): Line => {
  const day = shortDay(row)
  const printed = row.printed.map((date) => date.text).join(" / ")
  const wide = width >= 120
  const printedWidth = wide ? Math.min(44, Math.floor((width - 18) * 0.34)) : 0
  const room = width - 18 - (wide ? printedWidth + 1 : 0)
  const label = Math.max(14, Math.floor(room * 0.48))
  const channel = Math.max(8, Math.floor(room * 0.24))
  const rest = Math.max(4, room - label - channel)
  return targetLine(
    row.id,
    changedMark(changed),
    badge(row.badge),
    " ",
    { text: pad(day, 12), dim: row.status === undefined },
    { text: pad(row.label, label), bold: hit },
    " ",
    {
      text: pad(row.channel?.handle ?? (row.kind === "observation" ? "(observed)" : "-"), channel),
      dim: true
    },
    " ",
    pad(row.actor.name, rest),
    ...(wide ? [" ", { text: pad(printed, printedWidth), dim: true }] : [])
  )
}

/** The dates and issuer of the selected row, as printed and as read: the timeline's footer. */
export const timelinePreview = (row: TimelineRow | undefined, width: number): ReadonlyArray<Line> => {
  if (row === undefined) return [line({ text: "Nothing matches the filter (x clears it).", dim: true })]
  const dates = [row.date, ...row.printed.filter((date) => date.text !== row.date.text)]
    .map((date) => (date.text === date.gregorian ? date.text : `${date.text} → ${date.gregorian}`))
    .join("; ")
  return [
    line({ text: fit(`${row.kind === "statement" ? "Appeared" : "Date"}: ${dates}`, width), dim: false }),
    line({
      text: fit(
        `${row.issuerAsPrinted === undefined ? `About ${row.actor.name}` : `Issuer as printed: "${row.issuerAsPrinted}" (${row.actor.name})`}` +
          `${row.status === undefined ? " · not yet known on this day" : ` · ${row.status}, ${row.confidence}`}`,
        width
      ),
      dim: true
    })
  ]
}

/** The rows of a window of the (filtered) timeline. */
export const timelineWindow = (
  index: TimelineIndex,
  places: ReadonlyArray<number> | undefined,
  from: number,
  count: number,
  verdicts: TimelineVerdicts | undefined,
  changed: ReadonlySet<number>,
  hits: ReadonlySet<number>,
  width: number
): ReadonlyArray<Line> => {
  const lines: Array<Line> = []
  const length = places?.length ?? index.length
  for (let at = from; at < Math.min(length, from + count); at++) {
    const place = places === undefined ? at : places[at]!
    const row = index.row(place, verdicts)
    lines.push(timelineLine(row, changed.has(place), hits.has(at), width))
  }
  return lines
}

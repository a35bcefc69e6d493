import type { ChronologyRow } from "@allegiance/present"
import { mermaidText } from "./escape.ts"

const monthYear = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" })
const dayMonthYear = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC"
})
const instant = (day: string) => new Date(`${day}T00:00:00Z`)

/**
 * The period a timeline files an event under, in words written here from the Gregorian days (never the
 * case's own text, which may hold anything): "8 January 2015", "August 2014", "2014", or a span.
 */
const periodOf = (row: ChronologyRow): string => {
  const { start, end, precision } = row.date
  if (start === end) return dayMonthYear.format(instant(start))
  if (precision === "month") return monthYear.format(instant(start))
  if (precision === "year") return start.slice(0, 4)
  return `${dayMonthYear.format(instant(start))} to ${dayMonthYear.format(instant(end))}`
}

/**
 * A Mermaid timeline of key events: one section per year, one period per date, the events of a date on
 * its line. Events are the rows' labels, escaped; periods and sections are written here and hold no
 * character Mermaid reads as syntax (a colon, a hash).
 */
export const eventsTimeline = (rows: ReadonlyArray<ChronologyRow>, title: string): string => {
  const lines = ["timeline", `  title ${mermaidText(title, 120)}`]
  let section: string | undefined
  let period: string | undefined
  for (const row of rows) {
    const year = row.date.start.slice(0, 4)
    if (year !== section) {
      section = year
      period = undefined
      lines.push(`  section ${year}`)
    }
    const event = mermaidText(row.label) || "an event"
    const at = periodOf(row)
    if (at === period) lines[lines.length - 1] += ` : ${event}`
    else {
      period = at
      lines.push(`    ${at} : ${event}`)
    }
  }
  return lines.join("\n")
}

import type { CaseFile, IsoDay, PrintedDate, Status } from "@allegiance/domain"
import { formatDayNumber, isoDayToDayNumber } from "@allegiance/domain/calendar/day-number"
import type { CaseLabels } from "./labels.ts"
import { type Badge, badgeOf } from "./status-badge.ts"
import type { VerdictLookup } from "./verdicts.ts"

/** A date as printed and the Gregorian days it stands for. */
export interface DateShown {
  readonly text: string
  readonly calendar: PrintedDate["calendar"]
  readonly start: IsoDay
  readonly end: IsoDay
  readonly precision: PrintedDate["precision"]
  /** The Gregorian reading, "8 January 2015" or "1 to 31 August 2014": for a Hijri date, its conversion. */
  readonly gregorian: string
}

/** One statement or observation on the case's timeline, as every view shows it. */
export interface TimelineRow {
  readonly id: string
  readonly kind: "statement" | "observation"
  readonly label: string
  /** When it appeared (a statement) or happened (an observation): what the timeline is ordered by. */
  readonly date: DateShown
  /** The dates a statement printed, verbatim, each with its Gregorian reading. */
  readonly printed: ReadonlyArray<DateShown>
  readonly channel?: { readonly id: string; readonly handle: string }
  /** The actor it is in the name of (a statement) or about (an observation). */
  readonly actor: { readonly id: string; readonly name: string }
  /** The issuer as printed on a statement ("Leadership of JAI in Bilad al-Sham"). */
  readonly issuerAsPrinted?: string
  /** Undefined when it was not yet known on the as-of day. */
  readonly status?: Status
  readonly confidence?: string
  readonly badge: Badge
}

/** "8 January 2015" for an ISO day, as the calendar writes days in prose. */
export const writtenDay = (day: IsoDay): string => formatDayNumber(isoDayToDayNumber(day))

/** "8 January 2015", or "1 August 2014 to 31 August 2014" for an interval. */
export const writtenInterval = (start: IsoDay, end: IsoDay): string =>
  start === end ? writtenDay(start) : `${writtenDay(start)} to ${writtenDay(end)}`

/** What a date shown needs of a printed date. */
export type DateLike = Pick<PrintedDate, "text" | "calendar" | "start" | "end" | "precision">

export const dateShown = (date: DateLike): DateShown => ({
  text: date.text,
  calendar: date.calendar,
  start: date.start,
  end: date.end,
  precision: date.precision,
  gregorian: writtenInterval(date.start, date.end)
})

const byDate = (a: TimelineRow, b: TimelineRow) =>
  a.date.start < b.date.start
    ? -1
    : a.date.start > b.date.start
      ? 1
      : a.date.end < b.date.end
        ? -1
        : a.date.end > b.date.end
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0

/** One statement or observation as a timeline row, with the verdict `verdicts` gives it (if any). */
export const timelineRowOf = (
  entry:
    | { readonly kind: "statement"; readonly item: CaseFile["statements"][number] }
    | { readonly kind: "observation"; readonly item: CaseFile["observations"][number] },
  verdicts: VerdictLookup,
  labels: CaseLabels,
  handles: ReadonlyMap<string, string>
): TimelineRow => {
  const channelOf = (id: string | undefined) =>
    id === undefined ? {} : { channel: { id, handle: handles.get(id) ?? id } }
  const verdict = verdicts.get(entry.item.id)
  const judged = verdict === undefined ? {} : { status: verdict.status, confidence: verdict.confidence.words }
  if (entry.kind === "statement") {
    const statement = entry.item
    return {
      id: statement.id,
      kind: "statement",
      label: labels.of(statement.id),
      date: dateShown(statement.observed),
      printed: statement.printedDates.map(dateShown),
      ...channelOf(statement.channel),
      actor: { id: statement.issuer.actor, name: labels.of(statement.issuer.actor) },
      issuerAsPrinted: statement.issuer.nameAsPrinted,
      ...judged,
      badge: badgeOf(verdict?.status)
    }
  }
  const observation = entry.item
  return {
    id: observation.id,
    kind: "observation",
    label: labels.of(observation.id),
    date: dateShown(observation.date),
    printed: [],
    ...channelOf(observation.channel),
    actor: { id: observation.actor, name: labels.of(observation.actor) },
    ...judged,
    badge: badgeOf(verdict?.status)
  }
}

/**
 * The case's statements and observations in date order, each with its verdict as of the evaluation's
 * day (or none, when it was not yet known then). With `include`, only the items it accepts (a large
 * case's brief shows a few hundred of its rows, and need not build the rest); for a window of a large
 * case, `timelineIndex` builds only the rows it shows.
 */
export const timelineRows = (
  caseFile: CaseFile,
  verdicts: VerdictLookup,
  labels: CaseLabels,
  include: (id: string) => boolean = () => true
): ReadonlyArray<TimelineRow> => {
  const handles = new Map(caseFile.channels.map((channel) => [channel.id as string, channel.handle]))
  const rows: Array<TimelineRow> = []
  for (const item of caseFile.statements)
    if (include(item.id)) rows.push(timelineRowOf({ kind: "statement", item }, verdicts, labels, handles))
  for (const item of caseFile.observations)
    if (include(item.id)) rows.push(timelineRowOf({ kind: "observation", item }, verdicts, labels, handles))
  return rows.sort(byDate)
}

/** What a reader narrows the timeline to; every field left out matches everything. */
export interface TimelineFilter {
  readonly actor?: string
  readonly channel?: string
  readonly status?: Status | "not-yet-known"
  /** Words to find in the label, the dates, the channel, the actor or the issuer, in any case. */
  readonly text?: string
}

const haystack = (row: TimelineRow): string =>
  [
    row.label,
    row.id,
    row.date.text,
    row.date.gregorian,
    ...row.printed.map((date) => date.text),
    row.channel?.handle ?? "",
    row.actor.name,
    row.issuerAsPrinted ?? ""
  ]
    .join("\u0000")
    .toLocaleLowerCase()

/** The rows a filter keeps, in order. */
export const filterTimeline = (
  rows: ReadonlyArray<TimelineRow>,
  filter: TimelineFilter
): ReadonlyArray<TimelineRow> => {
  const words = (filter.text ?? "")
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
  return rows.filter(
    (row) =>
      (filter.actor === undefined || row.actor.id === filter.actor) &&
      (filter.channel === undefined || row.channel?.id === filter.channel) &&
      (filter.status === undefined || (row.status ?? "not-yet-known") === filter.status) &&
      (words.length === 0 || words.every((word) => haystack(row).includes(word)))
  )
}

/** The evaluation's day, the first timeline row after it and the last on or before it: where "next event" goes. */
export const neighbouringEvents = (
  rows: ReadonlyArray<TimelineRow>,
  day: IsoDay
): { readonly previous?: IsoDay; readonly next?: IsoDay } => {
  let previous: IsoDay | undefined
  let next: IsoDay | undefined
  for (const row of rows) {
    const known = row.date.end
    if (known < day && (previous === undefined || known > previous)) previous = known
    if (known > day && (next === undefined || known < next)) next = known
  }
  return { ...(previous === undefined ? {} : { previous }), ...(next === undefined ? {} : { next }) }
}

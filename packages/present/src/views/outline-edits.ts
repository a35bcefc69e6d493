/**
 * An outline after one statement, claim or observation was saved (added, or replaced), worked out from
 * the item as a case file writes it, without the rest of the case: a saved edit costs what it touches,
 * and the outline held where the case is drawn and the one held where it is reasoned over stay alike.
 */
import {
  type CaseOutline,
  dateTable,
  namesBuilder,
  type OutlineTimeline,
  sectionLetters,
  timelineOrder
} from "./case-outline.ts"
import { itemNames } from "./labels.ts"
import { storedClaim, storedObservation, storedStatement } from "./outline-of-stored.ts"
import { carryIndex, outlineLookup } from "./outline-names.ts"
import type { DateLike } from "./timeline.ts"

export type EvidenceSection = "statements" | "claims" | "observations"

export const outlineWithItem = (
  outline: CaseOutline,
  section: EvidenceSection,
  body: unknown
): CaseOutline => {
  const fields = body as Record<string, unknown>
  const lookup = outlineLookup(outline)
  const id = String(fields.id)
  const names = namesBuilder(outline.names)
  const existing = lookup.indexOf(id)
  let item = existing ?? -1
  const put = (label: string, kind?: string) => {
    if (existing === undefined) item = names.add(id, sectionLetters[section], label, kind)
    else names.relabel(existing, label, kind)
  }
  /** The name of an id a row names; one the outline lacks is named by itself. */
  const named = (name: string) => lookup.indexOf(name) ?? names.add(name, "?", name)
  let row:
    | {
        readonly date: DateLike
        readonly printed: ReadonlyArray<DateLike>
        readonly channel: string | undefined
        readonly actor: string
        readonly issuer: string
      }
    | undefined
  if (section === "statements") {
    const statement = storedStatement(fields)
    put(itemNames.statement(statement))
    row = {
      date: statement.observed,
      printed: statement.printedDates,
      channel: statement.channel,
      actor: statement.issuer.actor,
      issuer: statement.issuer.nameAsPrinted
    }
  } else if (section === "observations") {
    const observation = storedObservation(fields)
    put(itemNames.observation(observation), observation.kind)
    row = {
      date: observation.date,
      printed: [],
      channel: observation.channel,
      actor: observation.actor,
      issuer: ""
    }
  } else {
    const claim = storedClaim(fields)
    put(itemNames.claim(claim, lookup.of), claim.kind)
  }
  const counts =
    existing === undefined ? { ...outline.counts, [section]: outline.counts[section] + 1 } : outline.counts
  // What the row names, named first: an id the outline lacks is added to its names.
  const channel = row?.channel === undefined ? -1 : named(row.channel)
  const actor = row === undefined ? -1 : named(row.actor)
  const built = names.names()
  let timeline = outline.timeline
  if (row !== undefined) {
    const without = existing === undefined ? timeline : withoutPlace(timeline, item)
    const dates = dateTable(without.dates)
    timeline = withPlace(
      without,
      {
        item,
        id,
        date: dates.indexOf(row.date),
        printed: row.printed.map((date) => dates.indexOf(date)),
        channel,
        actor,
        issuer: row.issuer
      },
      dates.list,
      built.ids
    )
  }
  const next: CaseOutline = { ...outline, counts, names: built, timeline }
  const added = built.ids
    .slice(outline.names.ids.length)
    .map((name, at) => [name, outline.names.ids.length + at] as const)
  carryIndex(outline, next, added)
  return next
}

/** The timeline without the place of `item`. */
const withoutPlace = (timeline: OutlineTimeline, item: number): OutlineTimeline => {
  const at = timeline.items.indexOf(item)
  if (at < 0) return timeline
  const from = timeline.printedFrom[at]!
  const count = timeline.printedFrom[at + 1]! - from
  const cut = <A>(column: ReadonlyArray<A>) => [...column.slice(0, at), ...column.slice(at + 1)]
  return {
    ...timeline,
    items: cut(timeline.items),
    date: cut(timeline.date),
    channel: cut(timeline.channel),
    actor: cut(timeline.actor),
    issuer: cut(timeline.issuer),
    printed: [...timeline.printed.slice(0, from), ...timeline.printed.slice(from + count)],
    printedFrom: [
      ...timeline.printedFrom.slice(0, at),
      ...timeline.printedFrom.slice(at + 1).map((start) => start - count)
    ]
  }
}

/** The timeline with a place for a row, where its date puts it. */
const withPlace = (
  timeline: OutlineTimeline,
  row: {
    readonly item: number
    readonly id: string
    readonly date: number
    readonly printed: ReadonlyArray<number>
    readonly channel: number
    readonly actor: number
    readonly issuer: string
  },
  dates: OutlineTimeline["dates"],
  ids: ReadonlyArray<string>
): OutlineTimeline => {
  const key = (place: number) => {
    const date = dates[timeline.date[place]!]!
    return { start: date.start, end: date.end, id: ids[timeline.items[place]!]! }
  }
  const mine = { start: dates[row.date]!.start, end: dates[row.date]!.end, id: row.id }
  let low = 0
  let high = timeline.items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (timelineOrder(key(middle), mine) < 0) low = middle + 1
    else high = middle
  }
  const at = low
  const put = <A>(column: ReadonlyArray<A>, value: A) => [...column.slice(0, at), value, ...column.slice(at)]
  const from = timeline.printedFrom[at]!
  return {
    dates,
    items: put(timeline.items, row.item),
    date: put(timeline.date, row.date),
    channel: put(timeline.channel, row.channel),
    actor: put(timeline.actor, row.actor),
    issuer: put(timeline.issuer, row.issuer),
    printed: [...timeline.printed.slice(0, from), ...row.printed, ...timeline.printed.slice(from)],
    printedFrom: [
      ...timeline.printedFrom.slice(0, at),
      from,
      ...timeline.printedFrom.slice(at).map((start) => start + row.printed.length)
    ]
  }
}

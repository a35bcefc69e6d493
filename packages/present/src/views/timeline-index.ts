import type { IsoDay } from "@allegiance/domain"
import type { CaseOutline } from "./case-outline.ts"
import { outlineLookup } from "./outline-names.ts"
import { badgeOf } from "./status-badge.ts"
import type { TimelineFilter, TimelineRow } from "./timeline.ts"
import { type TimelineVerdicts, verdictAt } from "./timeline-verdicts.ts"

/**
 * The timeline of an outline without building its rows: the places are in date order already, and the
 * rows of a window are built when asked for, with the day's verdicts if they are in. A list of 100,000
 * rows shows twenty of them; building all of them on every as-of step would cost more than the step.
 */
export interface TimelineIndex {
  readonly length: number
  /** The row at a place, with its verdict from `verdicts` (none: not yet judged, or not known on the day). */
  readonly row: (at: number, verdicts: TimelineVerdicts | undefined) => TimelineRow
  readonly idAt: (at: number) => string
  /** Where an item sits in date order. */
  readonly placeOf: (id: string) => number | undefined
  /** The places a filter keeps, in date order; the status filter reads `verdicts`. */
  readonly filter: (filter: TimelineFilter, verdicts: TimelineVerdicts | undefined) => ReadonlyArray<number>
  /** The places whose text holds every word of `words`, for search (`/`, `n`, `N`). */
  readonly search: (words: string) => ReadonlyArray<number>
  /** The last event day before `day` and the first after it: where "previous/next event" go. */
  readonly neighbours: (day: IsoDay) => { readonly previous?: IsoDay; readonly next?: IsoDay }
}

const indexes = new WeakMap<CaseOutline, TimelineIndex>()

export const timelineIndex = (outline: CaseOutline): TimelineIndex => {
  const known = indexes.get(outline)
  if (known !== undefined) return known
  const { names, timeline } = outline
  const length = timeline.items.length
  const idAt = (at: number) => names.ids[timeline.items[at]!]!
  const rowAt = (at: number, verdicts: TimelineVerdicts | undefined): TimelineRow => {
    const item = timeline.items[at]!
    const channel = timeline.channel[at]!
    const actor = timeline.actor[at]!
    const verdict = verdictAt(verdicts, at)
    const printed: Array<TimelineRow["date"]> = []
    for (let p = timeline.printedFrom[at]!; p < timeline.printedFrom[at + 1]!; p++)
      printed.push(timeline.dates[timeline.printed[p]!]!)
    const statement = names.sections[item] === "S"
    return {
      id: names.ids[item]!,
      kind: statement ? "statement" : "observation",
      label: names.labels[item]!,
      date: timeline.dates[timeline.date[at]!]!,
      printed,
      ...(channel < 0 ? {} : { channel: { id: names.ids[channel]!, handle: names.labels[channel]! } }),
      actor: { id: names.ids[actor]!, name: names.labels[actor]! },
      ...(statement ? { issuerAsPrinted: timeline.issuer[at]! } : {}),
      ...(verdict === undefined ? {} : { status: verdict.status, confidence: verdict.confidence.words }),
      badge: badgeOf(verdict?.status)
    }
  }
  let haystacks: Array<string> | undefined
  const hay = () => {
    if (haystacks === undefined) {
      const stacks = new Array<string>(length)
      for (let at = 0; at < length; at++) {
        const row = rowAt(at, undefined)
        stacks[at] = [
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
      }
      haystacks = stacks
    }
    return haystacks
  }
  const matching = (text: string | undefined) => {
    const words = (text ?? "")
      .toLocaleLowerCase()
      .split(/\s+/)
      .filter((word) => word !== "")
    if (words.length === 0) return undefined
    const stacks = hay()
    return (at: number) => words.every((word) => stacks[at]!.includes(word))
  }
  let places: Map<number, number> | undefined
  let days: ReadonlyArray<IsoDay> | undefined
  const eventDays = () => {
    days ??= [...new Set(timeline.date.map((date) => timeline.dates[date]!.end))].sort()
    return days
  }
  const index: TimelineIndex = {
    length,
    row: rowAt,
    idAt,
    placeOf: (id) => {
      const item = outlineLookup(outline).indexOf(id)
      if (item === undefined) return undefined
      places ??= new Map(timeline.items.map((entry, at) => [entry, at]))
      return places.get(item)
    },
    filter: (filter, verdicts) => {
      const words = matching(filter.text)
      const lookup = outlineLookup(outline)
      const actor = filter.actor === undefined ? undefined : lookup.indexOf(filter.actor)
      const channel = filter.channel === undefined ? undefined : lookup.indexOf(filter.channel)
      const kept: Array<number> = []
      for (let at = 0; at < length; at++) {
        if (filter.actor !== undefined && timeline.actor[at] !== actor) continue
        if (filter.channel !== undefined && timeline.channel[at] !== channel) continue
        if (
          filter.status !== undefined &&
          (verdictAt(verdicts, at)?.status ?? "not-yet-known") !== filter.status
        )
          continue
        if (words !== undefined && !words(at)) continue
        kept.push(at)
      }
      return kept
    },
    search: (text) => {
      const words = matching(text)
      if (words === undefined) return []
      const hits: Array<number> = []
      for (let at = 0; at < length; at++) if (words(at)) hits.push(at)
      return hits
    },
    neighbours: (day) => {
      const all = eventDays()
      // Binary search for the first event day after `day`.
      let low = 0
      let high = all.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (all[middle]! <= day) low = middle + 1
        else high = middle
      }
      const next = all[low]
      let before = low - 1
      if (before >= 0 && all[before] === day) before--
      const previous = before >= 0 ? all[before] : undefined
      return { ...(previous === undefined ? {} : { previous }), ...(next === undefined ? {} : { next }) }
    }
  }
  indexes.set(outline, index)
  return index
}

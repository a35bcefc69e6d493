import type { CaseFile, IsoDay } from "@allegiance/domain"
import type { CaseLabels } from "./labels.ts"
import { type TimelineFilter, type TimelineRow, timelineRowOf } from "./timeline.ts"
import type { VerdictLookup } from "./verdict-digest.ts"

type Entry =
  | { readonly kind: "statement"; readonly item: CaseFile["statements"][number] }
  | { readonly kind: "observation"; readonly item: CaseFile["observations"][number] }

/**
 * The timeline of a case without building its rows: the date order of its statements and observations,
 * worked out once per case (dates do not move with the as-of day), and the rows of a window built when
 * asked for, with whatever verdicts are at hand. A list of 100,000 rows shows twenty of them; building
 * all of them on every as-of step would cost more than the step.
 */
export interface TimelineIndex {
  readonly length: number
  /** The row at a place in date order, with its verdict from `verdicts` (none: not yet judged or known). */
  readonly row: (at: number, verdicts: VerdictLookup) => TimelineRow
  readonly idAt: (at: number) => string
  /** Where an item sits in date order. */
  readonly placeOf: (id: string) => number | undefined
  /** The places a filter keeps, in date order; the status filter reads `verdicts`. */
  readonly filter: (filter: TimelineFilter, verdicts: VerdictLookup) => ReadonlyArray<number>
  /** The places whose text holds every word of `words`, for search (`/`, `n`, `N`). */
  readonly search: (words: string) => ReadonlyArray<number>
  /** The last event day before `day` and the first after it: where "previous/next event" go. */
  readonly neighbours: (day: IsoDay) => { readonly previous?: IsoDay; readonly next?: IsoDay }
}

const dateOf = (entry: Entry) => (entry.kind === "statement" ? entry.item.observed : entry.item.date)

export const timelineIndex = (caseFile: CaseFile, labels: CaseLabels): TimelineIndex => {
  const entries: Array<Entry> = []
  for (const item of caseFile.statements) entries.push({ kind: "statement", item })
  for (const item of caseFile.observations) entries.push({ kind: "observation", item })
  entries.sort((a, b) => {
    const x = dateOf(a)
    const y = dateOf(b)
    return x.start < y.start
      ? -1
      : x.start > y.start
        ? 1
        : x.end < y.end
          ? -1
          : x.end > y.end
            ? 1
            : a.item.id < b.item.id
              ? -1
              : a.item.id > b.item.id
                ? 1
                : 0
  })
  const handles = new Map(caseFile.channels.map((channel) => [channel.id as string, channel.handle]))
  let places: Map<string, number> | undefined
  let haystacks: Array<string> | undefined
  const days = [...new Set(entries.map((entry) => dateOf(entry).end))].sort()
  const rowAt = (at: number, verdicts: VerdictLookup) =>
    timelineRowOf(entries[at]!, verdicts, labels, handles)
  const hay = () => {
    if (haystacks === undefined) {
      const stacks = new Array<string>(entries.length)
      const none: VerdictLookup = { get: () => undefined }
      for (let at = 0; at < entries.length; at++) {
        const row = rowAt(at, none)
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
  return {
    length: entries.length,
    row: rowAt,
    idAt: (at) => entries[at]!.item.id,
    placeOf: (id) => {
      if (places === undefined) places = new Map(entries.map((entry, at) => [entry.item.id as string, at]))
      return places.get(id)
    },
    filter: (filter, verdicts) => {
      const words = matching(filter.text)
      const kept: Array<number> = []
      for (let at = 0; at < entries.length; at++) {
        const entry = entries[at]!
        const actor = entry.kind === "statement" ? entry.item.issuer.actor : entry.item.actor
        if (filter.actor !== undefined && actor !== filter.actor) continue
        if (filter.channel !== undefined && entry.item.channel !== filter.channel) continue
        if (
          filter.status !== undefined &&
          (verdicts.get(entry.item.id)?.status ?? "not-yet-known") !== filter.status
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
      for (let at = 0; at < entries.length; at++) if (words(at)) hits.push(at)
      return hits
    },
    neighbours: (day) => {
      // Binary search for the first event day after `day`.
      let low = 0
      let high = days.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (days[middle]! <= day) low = middle + 1
        else high = middle
      }
      const next = days[low]
      let before = low - 1
      if (before >= 0 && days[before] === day) before--
      const previous = before >= 0 ? days[before] : undefined
      return { ...(previous === undefined ? {} : { previous }), ...(next === undefined ? {} : { next }) }
    }
  }
}

/**
 * What a reader narrows the timeline to, step by step: keep one actor or one channel (the selected
 * row's) and again all, step through the statuses, keep rows with some words; and where the search
 * hits fall in the list as shown. Worked out here so that any UI over a `TimelineIndex` narrows alike.
 */
import type { Status } from "@allegiance/domain"
import type { TimelineFilter, TimelineRow } from "./timeline.ts"
import type { TimelineIndex } from "./timeline-index.ts"

const statuses: ReadonlyArray<Status | "not-yet-known"> = [
  "established",
  "contested",
  "refuted",
  "unsupported",
  "not-yet-known"
]

/** The status filter after this one: each step moves on, and after the last shows all again. */
export const nextStatusFilter = (current: TimelineFilter["status"]): TimelineFilter["status"] => {
  if (current === undefined) return statuses[0]
  const at = statuses.indexOf(current)
  return at === statuses.length - 1 ? undefined : statuses[at + 1]
}

/** The filter with the next status filter. */
export const withNextStatus = (filter: TimelineFilter): TimelineFilter => {
  const { status, ...rest } = filter
  const next = nextStatusFilter(status)
  return next === undefined ? rest : { ...rest, status: next }
}

/** Only the row's actor; or, when one actor is kept already, every actor again. */
export const toggleActorFilter = (filter: TimelineFilter, row: TimelineRow): TimelineFilter => {
  const { actor: _, ...rest } = filter
  return filter.actor === undefined ? { ...rest, actor: row.actor.id } : rest
}

/** Only the row's channel (undefined when it has none); or, when one channel is kept already, every channel again. */
export const toggleChannelFilter = (filter: TimelineFilter, row: TimelineRow): TimelineFilter | undefined => {
  const { channel: _, ...rest } = filter
  if (filter.channel !== undefined) return rest
  if (row.channel === undefined) return undefined
  return { ...rest, channel: row.channel.id }
}

/** Only rows holding these words; none typed, no such filter. */
export const withWords = (filter: TimelineFilter, words: string): TimelineFilter => {
  const { text: _, ...rest } = filter
  return words.trim() === "" ? rest : { ...rest, text: words.trim() }
}

/** The rows holding `words`, as positions in the list shown: the whole timeline, or the places a filter kept. */
export const searchHits = (
  index: TimelineIndex,
  places: ReadonlyArray<number> | undefined,
  words: string
): ReadonlyArray<number> => {
  const found = index.search(words)
  if (places === undefined) return found
  const wanted = new Set(found)
  return places.flatMap((place, at) => (wanted.has(place) ? [at] : []))
}

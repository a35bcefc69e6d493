/**
 * Which items of a list a client asked for: by kind, by the actor or channel they name, by the
 * status of their verdict, by date, or by words. Every filter left out matches everything. Filters
 * read the items as the model holds them, without knowing each kind's fields: an item "names" an
 * actor when the actor's id is one of its values, and its date is the first of the dates an item
 * of its section carries (when it appeared, was seen, was reported, took place, began).
 */
import { type Status, statuses } from "@allegiance/domain"
import { problem } from "./problems.ts"

export interface ItemFilter {
  readonly kind?: string | undefined
  readonly actor?: string | undefined
  readonly channel?: string | undefined
  readonly status?: string | undefined
  /** ISO days: the item's date must overlap `from`..`to`. */
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly text?: string | undefined
}

/** What an item filter may ask for: a verdict's status, or an item not yet known on the day. */
export const itemStatuses = [...statuses, "not-yet-known"] as const
const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** The filter as given in a query, or a 422 problem naming each parameter that is wrong. */
export const readItemFilter = (query: Record<string, string | undefined>): ItemFilter => {
  const errors: Array<{ parameter: string; detail: string }> = []
  if (query.status !== undefined && !(itemStatuses as ReadonlyArray<string>).includes(query.status))
    errors.push({ parameter: "status", detail: `Expected one of: ${itemStatuses.join(", ")}.` })
  for (const name of ["from", "to"] as const) {
    const value = query[name]
    if (value !== undefined && (!isoDay.test(value) || Number.isNaN(Date.parse(value))))
      errors.push({ parameter: name, detail: `Expected a day as YYYY-MM-DD, got "${value}".` })
  }
  if (errors.length > 0) throw problem(422, "Some filters of this list cannot be read.", { errors })
  return {
    kind: query.kind,
    actor: query.actor,
    channel: query.channel,
    status: query.status,
    from: query.from,
    to: query.to,
    text: query.text
  }
}

const dateFields = ["observed", "date", "reported", "occurred", "since"] as const

interface Interval {
  readonly start: string
  readonly end: string
}
const isInterval = (value: unknown): value is Interval =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Interval).start === "string" &&
  typeof (value as Interval).end === "string"

const dateOf = (item: object): Interval | undefined => {
  for (const field of dateFields) {
    const value = (item as Record<string, unknown>)[field]
    if (isInterval(value)) return value
  }
  return undefined
}

const collect = (value: unknown, into: Array<string>): Array<string> => {
  if (typeof value === "string") into.push(value)
  else if (typeof value === "number") into.push(String(value))
  else if (Array.isArray(value)) for (const entry of value) collect(entry, into)
  else if (typeof value === "object" && value !== null)
    for (const entry of Object.values(value)) collect(entry, into)
  return into
}

/** A test for one item: `statusOf` gives its verdict's status (undefined while not yet known). */
export const itemMatcher = (
  filter: ItemFilter,
  statusOf: (id: string) => Status | undefined
): ((item: { readonly id: string }) => boolean) => {
  const words = (filter.text ?? "")
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
  return (item) => {
    const record = item as unknown as Record<string, unknown>
    if (filter.kind !== undefined && record.kind !== filter.kind) return false
    if (filter.status !== undefined && (statusOf(item.id) ?? "not-yet-known") !== filter.status) return false
    if (filter.from !== undefined || filter.to !== undefined) {
      const date = dateOf(item)
      if (date === undefined) return false
      if (filter.from !== undefined && date.end < filter.from) return false
      if (filter.to !== undefined && date.start > filter.to) return false
    }
    if (filter.actor === undefined && filter.channel === undefined && words.length === 0) return true
    const values = collect(item, [])
    if (filter.actor !== undefined && !values.includes(filter.actor)) return false
    if (filter.channel !== undefined && !values.includes(filter.channel)) return false
    if (words.length > 0) {
      const haystack = values.join("\u0000").toLocaleLowerCase()
      if (!words.every((word) => haystack.includes(word))) return false
    }
    return true
  }
}

/** Whether a filter needs verdicts (and so an evaluation) to be applied. */
export const needsVerdicts = (filter: ItemFilter): boolean => filter.status !== undefined

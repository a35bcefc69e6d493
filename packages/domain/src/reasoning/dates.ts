import type { PrintedDate } from "../calendar/printed-date.ts"
import { instantMinutes } from "../calendar/time-of-day.ts"

/** The instant of a date known to the minute (a day, a time of day and a zone), in minutes since 1970 UTC. */
export const instantOf = (date: PrintedDate): number | undefined =>
  date.time === undefined || date.zone === undefined || date.precision !== "day"
    ? undefined
    : instantMinutes(date.start, date.time, date.zone)

/**
 * `a` is surely over before `b` begins. Two dates that both carry a time of day and a zone are ordered by
 * their instants; otherwise by their days, so two items of the same day are not ordered at all.
 */
export const surelyBefore = (a: PrintedDate, b: PrintedDate): boolean => {
  if (a.time !== undefined && b.time !== undefined) {
    const at = instantOf(a)
    const bt = instantOf(b)
    if (at !== undefined && bt !== undefined) return at < bt
  }
  return a.end < b.start
}

/** `a` may fall at or after the start of `b`: it is not known to come before it. */
export const notSurelyBefore = (a: PrintedDate, b: PrintedDate): boolean => !surelyBefore(a, b)

/** Neither date is known to come before the other: they overlap, or fall on one day without times to order them. */
export const unordered = (a: PrintedDate, b: PrintedDate): boolean =>
  !surelyBefore(a, b) && !surelyBefore(b, a)

/** Both dates name the same single day and at least one gives no time and zone to order them within it. */
export const sameDayUntimed = (a: PrintedDate, b: PrintedDate): boolean =>
  a.precision === "day" &&
  b.precision === "day" &&
  a.start === b.start &&
  a.end === b.end &&
  (instantOf(a) === undefined || instantOf(b) === undefined)

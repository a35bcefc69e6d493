import { type IsoDay, readWrittenDate } from "@allegiance/domain"
import { Result } from "effect"
import { writtenDay } from "./timeline.ts"

/** How far one as-of step goes. */
export type AsOfStep = "day" | "week" | "month"

const isoOf = (date: Date): IsoDay => date.toISOString().slice(0, 10) as IsoDay
const dateOf = (day: IsoDay) => new Date(`${day}T00:00:00Z`)

/**
 * The as-of day one step before or after `day`. A month step keeps the day of the month, or takes the
 * month's last day when the month is shorter (31 January, one month on: 28 or 29 February).
 */
export const stepAsOf = (day: IsoDay, step: AsOfStep, direction: 1 | -1): IsoDay => {
  const date = dateOf(day)
  if (step === "day") date.setUTCDate(date.getUTCDate() + direction)
  else if (step === "week") date.setUTCDate(date.getUTCDate() + 7 * direction)
  else {
    const wanted = date.getUTCDate()
    date.setUTCDate(1)
    date.setUTCMonth(date.getUTCMonth() + direction)
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
    date.setUTCDate(Math.min(wanted, last))
  }
  return isoOf(date)
}

/**
 * An as-of day typed by a reader: `2015-01-09`, or a date as a statement prints it (`9 January 2015`,
 * `17 Rabi' al-Awwal 1436`, `January 2015`). A date that spans more than a day stands for its last day,
 * the first day by which all of it has passed; the reading says so.
 */
export const readAsOfDay = (
  text: string
): Result.Result<{ readonly day: IsoDay; readonly reading: string }, string> => {
  const typed = text.trim()
  if (typed === "") return Result.fail("Type a day: 2015-01-09, 9 January 2015 or 17 Rabi' al-Awwal 1436.")
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) {
    const date = dateOf(typed as IsoDay)
    if (Number.isNaN(date.getTime()) || isoOf(date) !== typed)
      return Result.fail(`${typed} is not a day of the calendar.`)
    return Result.succeed({ day: typed as IsoDay, reading: writtenDay(typed as IsoDay) })
  }
  const read = readWrittenDate(typed)
  if (Result.isFailure(read)) return Result.fail(read.failure)
  const { start, end } = read.success
  return Result.succeed({
    day: end,
    reading:
      start === end
        ? writtenDay(end)
        : `${writtenDay(end)}, the last day of ${writtenDay(start)} to ${writtenDay(end)}`
  })
}

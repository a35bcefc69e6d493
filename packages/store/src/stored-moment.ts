/**
 * A moment in a store's history as an analyst writes it on the command line: a day, or a day
 * and a time. Revisions record when they were saved as UTC instants, so a time without an
 * offset is read as UTC, and a bare day means the end of that day: everything saved on it
 * counts.
 */
import { Result } from "effect"

const day = /^(\d{4})-(\d{2})-(\d{2})$/
const dayAndTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/i

const hint =
  "write a day (YYYY-MM-DD, meaning the end of that day, UTC) or a day and a time (YYYY-MM-DDTHH:MM, " +
  "or with seconds; UTC unless it ends with an offset such as +03:00)"

/** The instant `text` names, or why it names none. */
export const readStoredMoment = (text: string): Result.Result<Date, string> => {
  const trimmed = text.trim()
  const onlyDay = day.exec(trimmed)
  const parts = onlyDay ?? dayAndTime.exec(trimmed)
  if (parts === null) return Result.fail(`"${text}" is not a day or a time: ${hint}.`)
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const [hour, minute, second, milli] = onlyDay
    ? [23, 59, 59, 999]
    : [Number(parts[4]), Number(parts[5]), Number(parts[6] ?? 0), Number((parts[7] ?? "0").padEnd(3, "0"))]
  const utc = Date.UTC(year, month - 1, date, hour, minute, second, milli)
  // Date.UTC rolls 31 April over into May: a day or time that does not exist is refused instead.
  const back = new Date(utc)
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== date ||
    back.getUTCHours() !== hour ||
    back.getUTCMinutes() !== minute ||
    back.getUTCSeconds() !== second
  ) {
    return Result.fail(`"${text}" is not a day or a time that exists: ${hint}.`)
  }
  const offset = onlyDay ? undefined : parts[8]
  if (offset === undefined || offset.toUpperCase() === "Z") return Result.succeed(back)
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!
  if (Number(hours) > 23 || Number(minutes) > 59) {
    return Result.fail(`"${text}" has an offset from UTC that does not exist (${offset}): ${hint}.`)
  }
  const shift = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === "+" ? 1 : -1)
  return Result.succeed(new Date(utc - shift))
}

/** How a date typed as printed reads (its calendar and days), or why it does not. */
import { readWrittenDate } from "@allegiance/domain"
import { Result } from "effect"
import { writtenInterval } from "../timeline.ts"

export const dateReading = (typed: string): Result.Result<string, string> => {
  const read = readWrittenDate(typed.trim())
  // The reader's advice on writing an unreadable date as an object is for case files, not forms.
  if (Result.isFailure(read)) return Result.fail(read.failure.replace(/; write it as an object with .*$/, ""))
  const { calendar, precision, start, end } = read.success
  const span = writtenInterval(start, end)
  const what = precision === "day" ? "" : ` (a ${precision})`
  return Result.succeed(`${calendar === "hijri" ? "Hijri: " : ""}${span}${what}`)
}

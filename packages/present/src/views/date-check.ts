import { checkDualDate, type DualDateVerdict } from "@allegiance/domain/calendar/index"
import { Result } from "effect"

/** The check of a Hijri date against the Gregorian date printed beside it, as a brief or a table shows it. */
export interface DateCheck {
  readonly verdict: DualDateVerdict
  /** Printed Gregorian minus converted Hijri, in days. */
  readonly gapDays: number
  /** The check in words, naming the calendar used: "The Hijri date … is 4 days earlier: … inconsistent." */
  readonly explanation: string
  /** Whether the check failed: the dates are inconsistent, or consistent only with a caution. */
  readonly failed: boolean
}

/**
 * The date check of a statement that prints both a Hijri and a Gregorian date (the first of each), or
 * undefined when it prints only one calendar or a date the calendar cannot read.
 */
export const dateCheckOf = (
  printed: ReadonlyArray<{ readonly calendar: string; readonly text: string }>
): DateCheck | undefined => {
  const hijri = printed.find((date) => date.calendar === "hijri")
  const gregorian = printed.find((date) => date.calendar === "gregorian")
  if (hijri === undefined || gregorian === undefined) return undefined
  const checked = checkDualDate(hijri.text, gregorian.text)
  if (Result.isFailure(checked)) return undefined
  const { verdict, gapDays, explanation } = checked.success
  return { verdict, gapDays, explanation, failed: verdict !== "consistent" }
}

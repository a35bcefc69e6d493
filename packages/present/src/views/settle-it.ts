import type { Verdict } from "@allegiance/domain"
import type { DateCheck } from "./date-check.ts"

/**
 * What evidence would settle a disputed item, from what its verdict rests on. A statement whose two
 * printed dates disagree is settled first by a copy as first posted. Then each line the rules give,
 * once: they name what they need already (the group and both channels of a disowning, who controlled a
 * channel and from when, whether the deniers still speak for the group).
 */
export const whatWouldSettle = (
  verdict: Pick<Verdict, "wouldSettle">,
  dated?: {
    readonly check: DateCheck | undefined
    readonly printed: ReadonlyArray<{ readonly calendar: string; readonly text: string }>
  }
): ReadonlyArray<string> => {
  const lines: Array<string> = []
  const add = (line: string) => {
    if (!lines.includes(line)) lines.push(line)
  }
  if (dated?.check?.failed === true) {
    const hijri = dated.printed.find((date) => date.calendar === "hijri")?.text
    const gregorian = dated.printed.find((date) => date.calendar === "gregorian")?.text
    add(
      hijri === undefined || gregorian === undefined
        ? "A copy of it as first posted, with the day it went out, would settle which of its printed dates is right."
        : `A copy of it as first posted, with the day it went out, would settle which of its printed dates is right, “${hijri}” or “${gregorian}”.`
    )
  }
  for (const line of verdict.wouldSettle) add(line)
  return lines
}

import type { DayNumber } from "./day-number.ts"

/**
 * Month starts of a Hijri calendar, read once from ICU through `Intl.DateTimeFormat` and kept, so that a
 * conversion is an array lookup. The arithmetic (and Umm al-Qura's observed table) is ICU's; this module
 * only asks ICU which days are the first of a month and remembers the answers.
 *
 * ICU was chosen over `@internationalized/date` and `temporal-polyfill` after measuring all three: they give
 * identical month starts for 1300-1600 AH (and identical civil and tabular days), so the cached table is the
 * same whichever builds it, and ICU costs the domain package no dependency. Tables are read a few decades
 * at a time (see hijri-calendar.ts): the whole 1300-1600 AH Umm al-Qura table takes about 10 ms once the
 * runtime is warm, but a command that checks one date starts cold and should ask ICU only what it needs.
 */

/** ICU calendar identifiers for the three Hijri reckonings this layer supports. */
export const ICU_CALENDAR_IDS = {
  umalqura: "islamic-umalqura",
  civil: "islamic-civil",
  tabular: "islamic-tbla"
} as const

export type IcuHijriCalendar = keyof typeof ICU_CALENDAR_IDS

/** Month starts for the Hijri years firstYear..lastYear: starts[(y - firstYear) * 12 + m - 1], plus one end. */
export interface MonthTable {
  readonly firstYear: number
  readonly lastYear: number
  readonly starts: Int32Array
}

/** Why a table could not be read from the runtime's ICU. */
export interface TableUnavailable {
  readonly _tag: "TableUnavailable"
  readonly message: string
}

const MS_PER_DAY = 86_400_000
/**
 * Only starting guesses for searches: about the first day of 1 AH (19 July 622) and the mean length of a
 * Hijri year. Every search corrects them from the table's or ICU's own answers, so neither is exact.
 */
export const GUESS_EPOCH: DayNumber = -492_148
export const GUESS_YEAR_DAYS = 354.367

type Reader = (n: DayNumber) => readonly [number, number, number]

function makeReader(calendar: IcuHijriCalendar): Reader | TableUnavailable {
  const id = ICU_CALENDAR_IDS[calendar]
  if (typeof Intl === "undefined" || typeof Intl.DateTimeFormat !== "function") {
    return { _tag: "TableUnavailable", message: "This JavaScript runtime has no Intl, so no Hijri calendar." }
  }
  const format = new Intl.DateTimeFormat(`en-u-ca-${id}-nu-latn`, {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric"
  })
  // A runtime whose ICU lacks the calendar silently falls back to Gregorian; refuse rather than mislabel.
  if (format.resolvedOptions().calendar !== id) {
    return {
      _tag: "TableUnavailable",
      message: `This JavaScript runtime's ICU does not provide the ${id} calendar.`
    }
  }
  return (n) => {
    let year = 0
    let month = 0
    let day = 0
    for (const part of format.formatToParts(n * MS_PER_DAY)) {
      if (part.type === "year") year = Number(part.value)
      else if (part.type === "month") month = Number(part.value)
      else if (part.type === "day") day = Number(part.value)
    }
    return [year, month, day]
  }
}

function findFirstOfYear(read: Reader, year: number): DayNumber | undefined {
  let n = Math.round(GUESS_EPOCH + (year - 1) * GUESS_YEAR_DAYS)
  for (let step = 0; step < 64; step++) {
    const [y, m, d] = read(n)
    if (y === year && m === 1 && d === 1) return n
    const daysAway = Math.round(((y - year) * 12 + (m - 1)) * 29.53) + (d - 1)
    n -= daysAway === 0 ? 1 : daysAway
  }
  return undefined
}

/** Reads the month starts of firstYear..lastYear from ICU (about 1.1 ICU calls per month). */
export function buildMonthTable(
  calendar: IcuHijriCalendar,
  firstYear: number,
  lastYear: number
): MonthTable | TableUnavailable {
  try {
    const read = makeReader(calendar)
    if (typeof read !== "function") return read
    const start = findFirstOfYear(read, firstYear)
    const broken: TableUnavailable = {
      _tag: "TableUnavailable",
      message: `ICU's ${ICU_CALENDAR_IDS[calendar]} calendar gave months that are not 29 or 30 days long near ${firstYear} AH.`
    }
    if (start === undefined) return broken
    const months = (lastYear - firstYear + 1) * 12
    const starts = new Int32Array(months + 1)
    starts[0] = start
    let n = start
    for (let i = 1; i <= months; i++) {
      const year = firstYear + Math.floor(i / 12)
      const month = (i % 12) + 1
      n += 29
      let [y, m, d] = read(n)
      if (d !== 1) {
        n += 1
        ;[y, m, d] = read(n)
      }
      if (y !== year || m !== month || d !== 1) return broken
      starts[i] = n
    }
    return { firstYear, lastYear, starts }
  } catch (cause) {
    return { _tag: "TableUnavailable", message: `ICU could not convert Hijri dates here: ${String(cause)}` }
  }
}

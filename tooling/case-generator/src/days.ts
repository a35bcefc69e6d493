import { dayNumberToHijri, gregorianMonthName } from "@allegiance/domain/calendar/index"
import { Result } from "effect"

/**
 * Days as integers (days since 1970-01-01) and the ways a case file writes them. Every written date
 * carries its interval explicitly, so a generated case decodes the same whatever the date reader
 * makes of the text.
 */

const MS_PER_DAY = 86_400_000

/** The transliterations statements print; several spellings so that the date reader is exercised. */
const HIJRI_MONTHS = [
  ["Muharram", "Muharram"],
  ["Safar", "Safar"],
  ["Rabi al-Awal", "Rabi' al-Awwal"],
  ["Rabi al-Thani", "Rabi' al-Akhir"],
  ["Jumada al-Ula", "Jumada al-Awwal"],
  ["Jumada al-Akhirah", "Jumada al-Thani"],
  ["Rajab", "Rajab"],
  ["Sha'ban", "Shaban"],
  ["Ramadan", "Ramadhan"],
  ["Shawwal", "Shawal"],
  ["Dhu al-Qa'dah", "Dhul Qadah"],
  ["Dhu al-Hijjah", "Dhul Hijjah"]
] as const

interface DayInfo {
  readonly iso: string
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hijri: { readonly year: number; readonly month: number; readonly day: number }
}

const cache = new Map<number, DayInfo>()

/** What a day is called in both calendars, computed once per day (a case spans a few thousand days). */
export const dayInfo = (day: number): DayInfo => {
  const known = cache.get(day)
  if (known !== undefined) return known
  const date = new Date(day * MS_PER_DAY)
  const converted = dayNumberToHijri(day, "umalqura")
  if (Result.isFailure(converted))
    throw new Error(`the generator dated an item outside the calendar: ${converted.failure.message}`)
  const { year, month, day: dayOfMonth } = converted.success.date
  const hijri = { year, month, day: dayOfMonth }
  const info: DayInfo = {
    iso: date.toISOString().slice(0, 10),
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hijri
  }
  cache.set(day, info)
  return info
}

export const dayOf = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / MS_PER_DAY

export const dayOfIso = (iso: string): number =>
  dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))

export const isoOf = (day: number): string => dayInfo(day).iso

/** "8 January 2015" */
export const gregorianText = (day: number): string => {
  const info = dayInfo(day)
  return `${info.day} ${gregorianMonthName(info.month)} ${info.year}`
}

/** A date field written as an object, the interval given so no reading of the text is needed. */
export interface WrittenDate {
  readonly text: string
  readonly calendar: "gregorian" | "hijri"
  readonly start: string
  readonly end: string
  readonly precision: "day" | "month" | "year" | "approximate"
  /** "HH:MM", for a day posted at a known time. */
  readonly time?: string
  /** "+03:00", the zone of that time. */
  readonly zone?: string
  readonly note?: string
}

export const onDay = (day: number): WrittenDate => {
  const iso = isoOf(day)
  return { text: gregorianText(day), calendar: "gregorian", start: iso, end: iso, precision: "day" }
}

export const inMonthOf = (day: number): WrittenDate => {
  const info = dayInfo(day)
  const first = dayOf(info.year, info.month, 1)
  const last = dayOf(info.year, info.month + 1, 1) - 1
  return {
    text: `${gregorianMonthName(info.month)} ${info.year}`,
    calendar: "gregorian",
    start: isoOf(first),
    end: isoOf(last),
    precision: "month"
  }
}

export const inYear = (year: number): WrittenDate => ({
  text: String(year),
  calendar: "gregorian",
  start: isoOf(dayOf(year, 1, 1)),
  end: isoOf(dayOf(year, 12, 31)),
  precision: "year"
})

export const between = (first: number, last: number, note: string): WrittenDate => ({
  text: `between ${gregorianText(first)} and ${gregorianText(last)}`,
  calendar: "gregorian",
  start: isoOf(first),
  end: isoOf(last),
  precision: "approximate",
  note
})

/**
 * The Hijri date of a day as a statement would print it ("17 Rabi al-Awal 1436"), with the day it
 * means, or undefined on the 30th of a month: month lengths are where Hijri tables disagree, and a
 * generated case must not depend on which table the reader uses.
 */
export const hijriOn = (day: number, random: { next(): number }): WrittenDate | undefined => {
  const { hijri } = dayInfo(day)
  if (hijri.day >= 30 || hijri.month < 1 || hijri.month > 12) return undefined
  const names = HIJRI_MONTHS[hijri.month - 1]!
  const name = random.next() < 0.7 ? names[0] : names[1]
  const iso = isoOf(day)
  return {
    text: `${hijri.day} ${name} ${hijri.year}`,
    calendar: "hijri",
    start: iso,
    end: iso,
    precision: "day"
  }
}

/** The first Eid al-Adha (10 Dhu al-Hijjah) on or after a day, and its Hijri year. */
export const nextEidAlAdha = (from: number): { readonly day: number; readonly hijriYear: number } => {
  for (let day = from; day < from + 400; day++) {
    const { hijri } = dayInfo(day)
    if (hijri.month === 12 && hijri.day === 10) return { day, hijriYear: hijri.year }
  }
  throw new Error(`No Eid al-Adha found within a year of day ${from}`)
}

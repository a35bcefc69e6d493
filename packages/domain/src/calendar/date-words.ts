import type { IsoWeekday } from "./day-number.ts"
import { recogniseHijriMonth } from "./hijri-month-names.ts"

/**
 * The words a printed date can contain, recognised from their normalised form (see date-text.ts): month
 * names of both calendars, weekdays, era markers (AH, هـ, CE, م) and the small words around them ("of",
 * "يوم", "الموافق"). Gregorian month names cover English (full and abbreviated) and the three Arabic
 * series: Levantine/Iraqi (كانون الثاني), Egyptian/Gulf (يناير) and Maghrebi (جانفي, يناير/ينير, غشت).
 */
export type DateWord =
  | { readonly kind: "hijri-month"; readonly month: number }
  | { readonly kind: "gregorian-month"; readonly month: number }
  | { readonly kind: "weekday"; readonly weekday: IsoWeekday }
  | { readonly kind: "era"; readonly calendar: "hijri" | "gregorian" }
  | { readonly kind: "filler" }

const table = (
  entries: ReadonlyArray<readonly [number, ReadonlyArray<string>]>
): ReadonlyMap<string, number> =>
  new Map(entries.flatMap(([value, words]) => words.map((word) => [word, value] as const)))

const LATIN_MONTHS = table([
  [1, ["january", "jan"]],
  [2, ["february", "feb", "febr"]],
  [3, ["march", "mar"]],
  [4, ["april", "apr"]],
  [5, ["may"]],
  [6, ["june", "jun"]],
  [7, ["july", "jul"]],
  [8, ["august", "aug"]],
  [9, ["september", "sep", "sept"]],
  [10, ["october", "oct"]],
  [11, ["november", "nov"]],
  [12, ["december", "dec"]]
])

const ARABIC_MONTHS = table([
  [1, ["يناير", "كانونالثاني", "جانفي", "ينير"]],
  [2, ["فبراير", "شباط", "فيفري", "فبرير"]],
  [3, ["مارس", "اذار"]],
  [4, ["ابريل", "نيسان", "افريل"]],
  [5, ["مايو", "ايار", "ماي"]],
  [6, ["يونيو", "يونيه", "حزيران", "جوان"]],
  [7, ["يوليو", "يوليه", "تموز", "جويليه", "يوليوز"]],
  [8, ["اغسطس", "اب", "اوت", "غشت", "اغشت"]],
  [9, ["سبتمبر", "ايلول", "شتنبر"]],
  [10, ["اكتوبر", "تشرينالاول", "تشريناول"]],
  [11, ["نوفمبر", "تشرينالثاني", "تشرينثاني", "نونبر"]],
  [12, ["ديسمبر", "كانونالاول", "كانوناول", "دجنبر"]]
])

const LATIN_WEEKDAYS = table([
  [1, ["monday", "mon"]],
  [2, ["tuesday", "tue", "tues"]],
  [3, ["wednesday", "wed"]],
  [4, ["thursday", "thu", "thur", "thurs"]],
  [5, ["friday", "fri"]],
  [6, ["saturday", "sat"]],
  [7, ["sunday", "sun"]]
])

const ARABIC_WEEKDAYS = table([
  [1, ["الاثنين", "اثنين", "الاتنين"]],
  [2, ["الثلاثاء", "ثلاثاء", "الثلاثا"]],
  [3, ["الاربعاء", "اربعاء", "الاربعا"]],
  [4, ["الخميس", "خميس"]],
  [5, ["الجمعه", "جمعه"]],
  [6, ["السبت", "سبت"]],
  [7, ["الاحد", "احد"]]
])

// 1 marks the Hijri era, 2 the Common Era.
const LATIN_ERAS = table([
  [1, ["ah", "h", "hijri", "hijra", "hijrah", "hegira"]],
  [2, ["ce", "ad", "gregorian"]]
])

const ARABIC_ERAS = table([
  [1, ["ه", "هجري", "هجريه", "للهجره"]],
  [2, ["م", "ميلادي", "ميلاديه", "للميلاد"]]
])

const FILLERS = new Set(["of", "the", "on", "dated", "يوم", "في", "بتاريخ", "الموافق", "الموافقه"])

/** What a normalised word (or run of words) means in a date, or undefined when it means nothing here. */
export function recogniseDateWord(normalised: string, script: "latin" | "arabic"): DateWord | undefined {
  const hijri = recogniseHijriMonth(normalised, script)
  if (hijri !== undefined) return { kind: "hijri-month", month: hijri }
  const latin = script === "latin"
  const month = (latin ? LATIN_MONTHS : ARABIC_MONTHS).get(normalised)
  if (month !== undefined) return { kind: "gregorian-month", month }
  const weekday = (latin ? LATIN_WEEKDAYS : ARABIC_WEEKDAYS).get(normalised)
  if (weekday !== undefined) return { kind: "weekday", weekday: weekday as IsoWeekday }
  const era = (latin ? LATIN_ERAS : ARABIC_ERAS).get(normalised)
  if (era !== undefined) return { kind: "era", calendar: era === 1 ? "hijri" : "gregorian" }
  if (FILLERS.has(normalised)) return { kind: "filler" }
  return undefined
}

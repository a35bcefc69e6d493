/**
 * Hijri month names: the canonical spelling findings use, and a recogniser for the ways people print them.
 *
 * The recogniser works on a name already normalised by date-text.ts (lower case, no diacritics, apostrophes,
 * spaces or hyphens; Arabic without vowel marks or tatweel, with alef, yeh and teh marbuta unified), so
 * "Rabi' al-Awwal", "Rabiul Awal", "rabi-ul-awwal" and "RABI AL AWAL" all arrive as one string, and so do
 * "رَبِيع الأوَّل" and "ربيع الاول". Each pattern is written as the parts of the name: the family word
 * (Rabi, Jumada, Dhu), an optional article in any of its forms (al, ul, el, il, l, and the assimilated as, us,
 * ath), and the qualifier (awwal / ula / I; thani / akhir / akhirah / II; qa'dah; hijjah).
 */

export const HIJRI_MONTH_NAMES: ReadonlyArray<string> = [
  "Muharram",
  "Safar",
  "Rabi al-Awwal",
  "Rabi al-Thani",
  "Jumada al-Ula",
  "Jumada al-Akhirah",
  "Rajab",
  "Sha'ban",
  "Ramadan",
  "Shawwal",
  "Dhu al-Qa'dah",
  "Dhu al-Hijjah"
]

/** The months in Arabic script, as they are printed. */
export const HIJRI_MONTH_NAMES_ARABIC: ReadonlyArray<string> = [
  "محرم",
  "صفر",
  "ربيع الأول",
  "ربيع الآخر",
  "جمادى الأولى",
  "جمادى الآخرة",
  "رجب",
  "شعبان",
  "رمضان",
  "شوال",
  "ذو القعدة",
  "ذو الحجة"
]

/** The canonical name of Hijri month 1-12 ("Rabi al-Awwal" for 3). */
export function hijriMonthName(month: number): string {
  return HIJRI_MONTH_NAMES[month - 1] ?? `month ${month}`
}

const ARTICLE = "(?:[aeiou]?[lstdrz]h?)?"
const FIRST = "(?:aw+[ae]l|ow+[ae]l|ev+[ae]l|u+la|ou?la|o+la|ulaa?|1st|first)"
const SECOND =
  "(?:th?aa?n[iy](?:ya|yah|yya|yyah|a|ah)?|saa?n[iy](?:ya|yah|a|ah)?|aa?kh[ie]ra?h?|akhar|aa?hir|2nd|second)"
const RABI = "r[ae]b[iey]{1,2}a?"
const JUMADA = "(?:j|dj|c)[uae]m[aei]{1,2}[dz][aeiy]{0,3}"
const DHU = "(?:dh|zh|z|th|d)(?:u|i|ou|oo|o)?"

const LATIN: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:al)?m[uo]h[ae]r{1,2}[ae]m$/, 1],
  [/^s[ae]f[ae]r$/, 2],
  [new RegExp(`^${RABI}${ARTICLE}${FIRST}$`), 3],
  [new RegExp(`^${RABI}${ARTICLE}${SECOND}$`), 4],
  [new RegExp(`^${JUMADA}${ARTICLE}${FIRST}$`), 5],
  [new RegExp(`^${JUMADA}${ARTICLE}${SECOND}$`), 6],
  [/^(?:r[ae]j{1,2}[ae][bp]|receb)$/, 7],
  [/^sh?a{1,2}[ae]?b[ae]{1,2}n$/, 8],
  [/^r[ae]m[ae]{0,2}(?:d|dh|z|zh)[ae]{1,2}n$/, 9],
  [/^sh?[ae][wv]{1,2}[ae]{1,2}l$/, 10],
  [new RegExp(`^${DHU}${ARTICLE}[qk][aie]{0,2}d{1,2}[aeh]{0,3}$`), 11],
  [new RegExp(`^${DHU}${ARTICLE}h[ie](?:j{1,2}|cc|dj)[ae]h?$`), 12]
]

const ARABIC: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:ال)?محرم$/, 1],
  [/^صفر$/, 2],
  [/^ربيع(?:ال)?(?:اول|اولي)$/, 3],
  [/^ربيع(?:ال)?(?:اخر|اخير|ثاني|ثان)$/, 4],
  [/^جماد[يا]?(?:ال)?(?:اولي|اول|اوله)$/, 5],
  [/^جماد[يا]?(?:ال)?(?:اخره|اخر|اخيره|ثانيه|ثاني)$/, 6],
  [/^رجب$/, 7],
  [/^شعبان$/, 8],
  [/^رمضان$/, 9],
  [/^شوال$/, 10],
  [/^ذ[وي]?(?:ال)?قعده$/, 11],
  [/^ذ[وي]?(?:ال)?حجه$/, 12]
]

/** The month (1-12) a normalised name stands for, or undefined. */
export function recogniseHijriMonth(normalised: string, script: "latin" | "arabic"): number | undefined {
  for (const [pattern, month] of script === "latin" ? LATIN : ARABIC) {
    if (pattern.test(normalised)) return month
  }
  return undefined
}

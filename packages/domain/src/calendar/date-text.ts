/**
 * Splits printed date text into tokens that remember where they stand in the original text, with each
 * word normalised for matching: Latin words lower-cased without diacritics or apostrophes (' ’ ‘ ` ʻ ʼ ʿ),
 * Arabic words without vowel marks, tatweel or joiners and with alef (أ إ آ ٱ), yeh (ى ی), teh marbuta (ة)
 * and kaf (ک) unified. Digits may be Western, Arabic-Indic or Persian; a number keeps its value and how
 * many digits it had.
 */

export type Script = "latin" | "arabic"

export type Token =
  | {
      readonly kind: "number"
      readonly start: number
      readonly end: number
      readonly value: number
      readonly digits: number
      /** "8th", "1st": the number carried an English ordinal suffix. */
      readonly ordinal: boolean
    }
  | {
      readonly kind: "word"
      readonly start: number
      readonly end: number
      readonly script: Script
      readonly normalised: string
    }
  | { readonly kind: "punctuation"; readonly start: number; readonly end: number; readonly char: string }

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x660 && c <= 0x669) return c - 0x660
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10
  return -1
}

function isArabicMark(c: number): boolean {
  return (c >= 0x64b && c <= 0x65f) || c === 0x670 || (c >= 0x6d6 && c <= 0x6ed) || c === 0x640
}

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x621 && c <= 0x63f) ||
    (c >= 0x641 && c <= 0x64a) ||
    (c >= 0x66e && c <= 0x6d3) ||
    c === 0x6d5 ||
    (c >= 0x6ee && c <= 0x6ef) ||
    (c >= 0x6fa && c <= 0x6ff) ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0x8a0 && c <= 0x8ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  )
}

const ZERO_WIDTH_JOINERS = new Set([0x200c, 0x200d])
const INVISIBLE = new Set([0x200b, 0x200e, 0x200f, 0x061c, 0xfeff, 0x2060, 0x00ad])
const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x60, 0x2bb, 0x2bc, 0x2bf, 0x2be, 0xb4, 0x2032, 0x2bd])
const LATIN_LETTER = /^[\p{Script=Latin}\p{M}]$/u

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x9 && c <= 0xd) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    INVISIBLE.has(c)
  )
}

function isLatinAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index)
  if (Number.isNaN(c)) return false
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true
  if (c < 0xc0) return false
  return LATIN_LETTER.test(String.fromCodePoint(text.codePointAt(index)!))
}

const LATIN_STRIP = /[\p{M}'’‘`ʻʼʿʾ´′ʽ]/gu

function normaliseLatin(raw: string): string {
  return raw.normalize("NFD").replace(LATIN_STRIP, "").toLowerCase().replace(/ı/g, "i")
}

const ARABIC_STRIP = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]/g

function normaliseArabic(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(ARABIC_STRIP, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/[ىی]/g, "ي")
    .replace(/[ةۀ]/g, "ه")
    .replace(/ک/g, "ك")
}

/** The tokens of a printed date. Total: every character ends up in a token or is skipped as space. */
export function tokenize(text: string): ReadonlyArray<Token> {
  const tokens: Array<Token> = []
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      i++
      continue
    }
    if (digitValue(c) >= 0) {
      const start = i
      let value = 0
      while (i < n && digitValue(text.charCodeAt(i)) >= 0) {
        value = value * 10 + digitValue(text.charCodeAt(i))
        i++
      }
      const digits = i - start
      const suffix = text.slice(i, i + 2).toLowerCase()
      const ordinal =
        (suffix === "st" || suffix === "nd" || suffix === "rd" || suffix === "th") && !isLatinAt(text, i + 2)
      if (ordinal) i += 2
      tokens.push({ kind: "number", start, end: i, value, digits, ordinal })
      continue
    }
    if (isArabicLetter(c) || (isArabicMark(c) && c !== 0x640)) {
      const start = i
      while (i < n) {
        const d = text.charCodeAt(i)
        if (
          isArabicLetter(d) ||
          isArabicMark(d) ||
          (ZERO_WIDTH_JOINERS.has(d) && isArabicLetter(text.charCodeAt(i + 1)))
        ) {
          i++
        } else break
      }
      tokens.push({
        kind: "word",
        start,
        end: i,
        script: "arabic",
        normalised: normaliseArabic(text.slice(start, i))
      })
      continue
    }
    if (isLatinAt(text, i) || (APOSTROPHES.has(c) && isLatinAt(text, i + 1))) {
      const start = i
      while (i < n) {
        if (isLatinAt(text, i)) i += text.codePointAt(i)! > 0xffff ? 2 : 1
        else if (APOSTROPHES.has(text.charCodeAt(i))) i++
        else break
      }
      tokens.push({
        kind: "word",
        start,
        end: i,
        script: "latin",
        normalised: normaliseLatin(text.slice(start, i))
      })
      continue
    }
    // Tatweel after a word is already taken with it; a stray one (or a joiner) between words carries nothing.
    if (c === 0x640 || ZERO_WIDTH_JOINERS.has(c)) {
      i++
      continue
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1
    tokens.push({ kind: "punctuation", start: i, end: i + width, char: text.slice(i, i + width) })
    i += width
  }
  return tokens
}

import { Result } from "effect"
import { DateReadError, type DateReadErrorReason } from "./date-read-error.ts"
import { type Token, tokenize } from "./date-text.ts"
import { type DateWord, recogniseDateWord } from "./date-words.ts"
import { gregorianMonthLength, gregorianMonthName, type IsoWeekday } from "./day-number.ts"
import {
  FIRST_HIJRI_YEAR,
  LAST_HIJRI_YEAR,
  UMALQURA_FIRST_YEAR,
  UMALQURA_LAST_YEAR
} from "./hijri-calendar.ts"
import { hijriMonthName } from "./hijri-month-names.ts"
import type { CalendarSystem } from "./printed-date.ts"

/** Where a part of a date stands in its text: 0-based offset and length in UTF-16 code units. */
export interface TextSpan {
  readonly offset: number
  readonly length: number
}

export interface PrintedWeekday {
  readonly weekday: IsoWeekday
  readonly span: TextSpan
}

/**
 * A printed date as read, before any conversion: its calendar, the fields it gives, and where each field
 * stands in the text (so that a later check, such as a Hijri day that its month does not have, can point at
 * it). A Hijri day is not yet checked against its month's length, because that length depends on which Hijri
 * calendar is asked.
 */
export interface DateReading {
  readonly text: string
  readonly calendar: CalendarSystem
  readonly precision: "day" | "month" | "year"
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly yearSpan: TextSpan
  readonly monthSpan?: TextSpan
  readonly daySpan?: TextSpan
  readonly weekday?: PrintedWeekday
}

type NumberItem = Extract<Token, { kind: "number" }>
type Item =
  | NumberItem
  | { readonly kind: "word"; readonly word: DateWord; readonly start: number; readonly end: number }
  | { readonly kind: "separator"; readonly char: string; readonly start: number; readonly end: number }

type MonthItem = {
  readonly kind: "word"
  readonly word: DateWord
  readonly start: number
  readonly end: number
}

const SEPARATORS = new Set(["/", "-", ".", "\\", "‐", "‑", "–", "—", "−"])
const NAME_JOINERS = new Set(["-", ".", "‐", "‑", "–"])
const IGNORED = new Set([
  ",",
  "،",
  "(",
  ")",
  "[",
  "]",
  '"',
  "“",
  "”",
  "«",
  "»",
  "'",
  "’",
  "‘",
  ":",
  ";",
  "؛",
  "*"
])
const MAX_NAME_WORDS = 5

const EXAMPLES = `"17 Rabi al-Awwal 1436", "Rabi al-Awwal 1436", "1436 AH", "8 January 2015", "January 8, 2015" or "2015-01-08"`

type Fail = DateReadError

function spanOf(item: { readonly start: number; readonly end: number }): TextSpan {
  return { offset: item.start, length: item.end - item.start }
}

function failAt(
  text: string,
  at: TextSpan,
  expected: string,
  message: string,
  reason: DateReadErrorReason = "unreadable"
): Fail {
  return new DateReadError({ reason, text, offset: at.offset, length: at.length, expected, message })
}

const quoted = (text: string, item: { readonly start: number; readonly end: number }): string =>
  `"${text.slice(item.start, item.end)}"`

const endOf = (text: string): TextSpan => ({ offset: text.length, length: 0 })

// Family words that need a qualifier: "Rabi" alone could be either of two months.
const BARE_FAMILY = /^(?:r[ae]b[iey]{1,2}a?|(?:j|dj)[uae]m[aei]{1,2}d[aeiy]{0,3}|ربيع|جماد[يا]?)$/

function unknownWord(text: string, start: number, end: number, normalised: string): Fail {
  const word = `"${text.slice(start, end)}"`
  const family = BARE_FAMILY.test(normalised)
  return failAt(
    text,
    { offset: start, length: end - start },
    family ? "the rest of the month name" : "a month name, a weekday, a day or a year",
    family
      ? `${word} names two Hijri months: say which, e.g. "${text.slice(start, end)} al-Awwal" or "${text.slice(start, end)} al-Thani".`
      : `${word} is not a month name, weekday or era marker (AH, CE) that a date can contain; expected a date such as ${EXAMPLES}.`
  )
}

/** Groups tokens into the items of a date: numbers, recognised words (joining multi-word names), separators. */
function itemize(text: string, tokens: ReadonlyArray<Token>): Result.Result<ReadonlyArray<Item>, Fail> {
  const items: Array<Item> = []
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]!
    if (token.kind === "number") {
      items.push(token)
      i++
      continue
    }
    if (token.kind === "punctuation") {
      if (SEPARATORS.has(token.char))
        items.push({ kind: "separator", char: token.char, start: token.start, end: token.end })
      else if (!IGNORED.has(token.char)) {
        return Result.fail(
          failAt(
            text,
            spanOf(token),
            "a day, a month name, a year or a separator (/ - .)",
            `${quoted(text, token)} cannot appear in a date; expected a date such as ${EXAMPLES}.`
          )
        )
      }
      i++
      continue
    }
    // Words of one script, possibly joined by hyphens or dots ("Dhu'l-Hijja", "A.H."), may form one name.
    const run: Array<number> = [i]
    let j = i + 1
    while (run.length < MAX_NAME_WORDS && j < tokens.length) {
      const next = tokens[j]!
      if (next.kind === "word" && next.script === token.script) {
        run.push(j)
        j++
      } else if (next.kind === "punctuation" && NAME_JOINERS.has(next.char)) {
        const after = tokens[j + 1]
        if (after?.kind === "word" && after.script === token.script) {
          run.push(j + 1)
          j += 2
        } else break
      } else break
    }
    let matched = false
    for (let length = run.length; length >= 1 && !matched; length--) {
      let compact = ""
      for (let k = 0; k < length; k++) {
        const part = tokens[run[k]!] as Extract<Token, { kind: "word" }>
        // Roman numerals after the first word: "Rabi I", "Jumada II".
        compact +=
          k > 0 && part.script === "latin" && part.normalised === "i"
            ? "1st"
            : k > 0 && part.script === "latin" && part.normalised === "ii"
              ? "2nd"
              : part.normalised
      }
      const word = recogniseDateWord(compact, token.script)
      if (word !== undefined) {
        const last = tokens[run[length - 1]!]!
        items.push({ kind: "word", word, start: token.start, end: last.end })
        i = run[length - 1]! + 1
        matched = true
      }
    }
    if (!matched) return Result.fail(unknownWord(text, token.start, token.end, token.normalised))
  }
  return Result.succeed(items)
}

const isYearLike = (n: NumberItem, eraMarked: boolean): boolean => n.digits >= 3 || eraMarked

function describeMonth(calendar: CalendarSystem, month: number): string {
  return calendar === "hijri" ? hijriMonthName(month) : gregorianMonthName(month)
}

/**
 * Reads a printed date: a day ("17 Rabi' al-Awal 1436", "Thursday, January 8, 2015", "١٧/٣/١٤٣٦هـ"), a month
 * ("Rabi al-Awal 1436", "August 2014") or a year ("1436 AH", "2014"). `hint` says which calendar the text is
 * expected to be in; a month name or era marker of the other calendar is then an error. Never throws.
 */
export function readDate(text: string, hint?: CalendarSystem): Result.Result<DateReading, DateReadError> {
  const itemized = itemize(text, tokenize(text))
  if (Result.isFailure(itemized)) return Result.fail(itemized.failure)
  const items = itemized.success

  let weekday: (MonthItem & { readonly weekday: IsoWeekday }) | undefined
  let era: MonthItem | undefined
  const core: Array<Item> = []
  for (const item of items) {
    if (item.kind === "word" && item.word.kind === "weekday") {
      if (weekday !== undefined) {
        return Result.fail(
          failAt(
            text,
            spanOf(item),
            "one weekday at most",
            `${quoted(text, item)} is a second weekday in one date.`
          )
        )
      }
      weekday = { ...item, weekday: item.word.weekday }
    } else if (item.kind === "word" && item.word.kind === "era") {
      if (era !== undefined) {
        return Result.fail(
          failAt(
            text,
            spanOf(item),
            "one era marker at most",
            `${quoted(text, item)} is a second era marker in one date.`
          )
        )
      }
      era = item
    } else if (!(item.kind === "word" && item.word.kind === "filler")) {
      core.push(item)
    }
  }

  const months = core.filter((item): item is MonthItem => item.kind === "word")
  const numbers = core.filter((item): item is NumberItem => item.kind === "number")
  if (months.length === 0 && numbers.length === 0) {
    return Result.fail(
      failAt(
        text,
        endOf(text),
        "a date",
        text.trim() === ""
          ? `The date is empty; expected a date such as ${EXAMPLES}.`
          : `No day, month or year was found; expected a date such as ${EXAMPLES}.`
      )
    )
  }
  if (months.length > 1) {
    const second = months[1]!
    return Result.fail(
      failAt(
        text,
        spanOf(second),
        "one month name",
        `${quoted(text, second)} is a second month name in one date.`
      )
    )
  }
  const monthWord = months[0]

  // Which calendar: the month name's, the era marker's, then the hint; they must agree.
  const monthCalendar: CalendarSystem | undefined =
    monthWord === undefined ? undefined : monthWord.word.kind === "hijri-month" ? "hijri" : "gregorian"
  const eraCalendar = era?.word.kind === "era" ? era.word.calendar : undefined
  const calendarNoun = (c: CalendarSystem) => (c === "hijri" ? "Hijri" : "Gregorian")
  if (monthWord !== undefined && era !== undefined && monthCalendar !== eraCalendar) {
    return Result.fail(
      failAt(
        text,
        spanOf(era),
        `an era marker of the ${calendarNoun(monthCalendar!)} calendar, or none`,
        `${quoted(text, era)} marks a ${calendarNoun(eraCalendar!)} year, but ${quoted(text, monthWord)} is a ${calendarNoun(monthCalendar!)} month.`
      )
    )
  }
  const marked = monthWord ?? era
  const markedCalendar = monthCalendar ?? eraCalendar
  if (hint !== undefined && marked !== undefined && markedCalendar !== hint) {
    return Result.fail(
      failAt(
        text,
        spanOf(marked),
        `a ${calendarNoun(hint)} date`,
        monthWord !== undefined
          ? `Expected a ${calendarNoun(hint)} date, but ${quoted(text, marked)} is a ${calendarNoun(markedCalendar!)} month.`
          : `Expected a ${calendarNoun(hint)} date, but ${quoted(text, marked)} marks a ${calendarNoun(markedCalendar!)} year.`
      )
    )
  }
  const eraMarked = era !== undefined

  let year: NumberItem
  let month: number | undefined
  let monthSpan: TextSpan | undefined
  let day: NumberItem | undefined
  let numericMonth: NumberItem | undefined
  const unexpected = (item: Item, expected: string) =>
    Result.fail(
      failAt(
        text,
        spanOf(item),
        expected,
        `${quoted(text, item)} was not expected here; expected ${expected}.`
      )
    )

  if (monthWord !== undefined) {
    // Separators between named parts carry nothing ("8-January-2015").
    const parts = core.filter((item) => item.kind !== "separator")
    const at = parts.indexOf(monthWord)
    const before = parts.slice(0, at) as Array<NumberItem>
    const after = parts.slice(at + 1) as Array<NumberItem>
    month = (monthWord.word as { readonly month: number }).month
    monthSpan = spanOf(monthWord)
    if (before.length > 1) return unexpected(before[1]!, `the month name after the day`)
    if (after.length > 2) return unexpected(after[2]!, `nothing after the year`)
    const first = before[0]
    if (first !== undefined && after.length === 2) return unexpected(after[1]!, "nothing after the year")
    if (first !== undefined && after.length === 1) {
      // "8 January 2015", or year first: "2015 January 8".
      if (first.digits >= 3 && after[0]!.digits <= 2) {
        year = first
        day = after[0]!
      } else {
        day = first
        year = after[0]!
      }
    } else if (first !== undefined) {
      if (!isYearLike(first, eraMarked)) {
        return Result.fail(
          failAt(
            text,
            endOf(text),
            "a year",
            `Expected a year after ${quoted(text, { start: first.start, end: monthWord.end })}.`
          )
        )
      }
      year = first
    } else if (after.length === 2) {
      // "January 8, 2015"
      day = after[0]!
      year = after[1]!
    } else if (after.length === 1) {
      if (!isYearLike(after[0]!, eraMarked)) {
        return Result.fail(
          failAt(
            text,
            endOf(text),
            "a year",
            `Expected a year after ${quoted(text, { start: monthWord.start, end: after[0]!.end })}.`
          )
        )
      }
      year = after[0]!
    } else {
      return Result.fail(
        failAt(text, endOf(text), "a year", `Expected a year after ${quoted(text, monthWord)}.`)
      )
    }
  } else if (core.length === 1) {
    year = numbers[0]!
    if (!isYearLike(year, eraMarked)) {
      return Result.fail(
        failAt(
          text,
          spanOf(year),
          "a year of three or four digits, or a full date",
          `${quoted(text, year)} is not a year; expected a date such as ${EXAMPLES}.`
        )
      )
    }
  } else {
    // Numbers only: a full numeric date, d/m/y, m/d/y or y-m-d, with one kind of separator.
    const shape = core.map((item) => (item.kind === "number" ? "N" : "S")).join("")
    if (shape !== "NSNSN") {
      const stray =
        numbers.length > 3 ? numbers[3]! : (core.find((item) => item.kind === "separator") ?? numbers[1]!)
      return Result.fail(
        failAt(
          text,
          numbers.length < 3 ? endOf(text) : spanOf(stray),
          "a full numeric date (day, month and year) or a month name",
          `A date written in numbers needs a day, a month and a year separated by "/", "-" or "."; expected a date such as ${EXAMPLES}.`
        )
      )
    }
    const [a, b, c] = numbers as [NumberItem, NumberItem, NumberItem]
    const s1 = core[1] as { readonly char: string; readonly start: number; readonly end: number }
    const s2 = core[3] as { readonly char: string; readonly start: number; readonly end: number }
    if (s1.char !== s2.char) {
      return Result.fail(
        failAt(
          text,
          spanOf(s2),
          `"${s1.char}" as in the first separator`,
          `The date mixes separators ("${s1.char}" and "${s2.char}"), so it is unclear how it is meant.`
        )
      )
    }
    if (a.digits >= 3) {
      year = a
      numericMonth = b
      day = c
    } else {
      year = c
      if (c.digits <= 2) {
        return Result.fail(
          failAt(
            text,
            spanOf(c),
            "a year written in full",
            `${quoted(text, c)} is a two-digit year; write the year in full (e.g. 2015 or 1436).`
          )
        )
      }
      if (a.value > 12 && b.value <= 12) {
        day = a
        numericMonth = b
      } else if (b.value > 12 && a.value <= 12) {
        numericMonth = a
        day = b
      } else if (a.value === b.value) {
        day = a
        numericMonth = b
      } else if (a.value > 12 && b.value > 12) {
        return Result.fail(
          failAt(
            text,
            { offset: a.start, length: b.end - a.start },
            "a day and a month (1-12)",
            `Neither ${quoted(text, a)} nor ${quoted(text, b)} can be a month (1-12).`,
            "impossible"
          )
        )
      } else {
        // Both orders are possible: name both readings, in the calendar when it is known.
        const calendar =
          hint ??
          eraCalendar ??
          (c.value >= UMALQURA_FIRST_YEAR && c.value <= UMALQURA_LAST_YEAR ? undefined : "gregorian")
        const readings =
          calendar === undefined
            ? `day ${a.value} of month ${b.value}, or day ${b.value} of month ${a.value}`
            : `${a.value} ${describeMonth(calendar, b.value)} or ${b.value} ${describeMonth(calendar, a.value)}`
        return Result.fail(
          failAt(
            text,
            { offset: a.start, length: b.end - a.start },
            "a date whose day and month cannot be swapped, or a month name",
            `${quoted(text, { start: a.start, end: c.end })} is ambiguous: it could be ${readings}. Write the month as a name, e.g. "${a.value} ${describeMonth(calendar ?? "gregorian", b.value)} ${c.value}".`,
            "ambiguous"
          )
        )
      }
    }
    month = numericMonth.value
    monthSpan = spanOf(numericMonth)
  }

  // A bare number-only date with no marker and no hint: a year in 1300-1600 could be either calendar.
  let calendar: CalendarSystem
  if (markedCalendar !== undefined) calendar = markedCalendar
  else if (hint !== undefined) calendar = hint
  else if (year.value >= UMALQURA_FIRST_YEAR && year.value <= UMALQURA_LAST_YEAR) {
    return Result.fail(
      failAt(
        text,
        spanOf(year),
        'an era marker ("AH" or "هـ" for Hijri, "CE" for Gregorian)',
        `${quoted(text, year)} could be a Hijri year or a Gregorian one; add "AH" (or "هـ") for Hijri or "CE" for Gregorian.`,
        "ambiguous"
      )
    )
  } else calendar = "gregorian"

  const [firstYear, lastYear] = calendar === "hijri" ? [FIRST_HIJRI_YEAR, LAST_HIJRI_YEAR] : [1, 9999]
  if (year.digits > 4 || year.value < firstYear || year.value > lastYear) {
    return Result.fail(
      failAt(
        text,
        spanOf(year),
        `a year from ${firstYear} to ${lastYear}`,
        `${quoted(text, year)} is outside the ${calendar === "hijri" ? "Hijri" : "Gregorian"} years that can be read (${firstYear}-${lastYear}).`,
        "impossible"
      )
    )
  }
  if (numericMonth !== undefined && (numericMonth.value < 1 || numericMonth.value > 12)) {
    return Result.fail(
      failAt(
        text,
        spanOf(numericMonth),
        "a month from 1 to 12",
        `${quoted(text, numericMonth)} is not a month (1-12).`,
        "impossible"
      )
    )
  }
  if (day !== undefined) {
    if (day.digits > 2 || day.value < 1) {
      return Result.fail(
        failAt(
          text,
          spanOf(day),
          "a day of the month",
          `${quoted(text, day)} is not a day of the month.`,
          "impossible"
        )
      )
    }
    if (calendar === "gregorian") {
      const length = gregorianMonthLength(year.value, month!)
      if (day.value > length) {
        return Result.fail(
          failAt(
            text,
            spanOf(day),
            `a day from 1 to ${length}`,
            `${quoted(text, day)} is not a day of ${gregorianMonthName(month!)} ${year.value}, which has ${length} days.`,
            "impossible"
          )
        )
      }
    }
  }
  if (weekday !== undefined && day === undefined) {
    return Result.fail(
      failAt(
        text,
        spanOf(weekday),
        "a full date after a weekday",
        `${quoted(text, weekday)} is a weekday, but the date gives no day of the month for it to be checked against.`
      )
    )
  }

  return Result.succeed({
    text,
    calendar,
    precision: day !== undefined ? "day" : month !== undefined ? "month" : "year",
    year: year.value,
    yearSpan: spanOf(year),
    ...(month !== undefined && monthSpan !== undefined ? { month, monthSpan } : {}),
    ...(day !== undefined ? { day: day.value, daySpan: spanOf(day) } : {}),
    ...(weekday !== undefined ? { weekday: { weekday: weekday.weekday, span: spanOf(weekday) } } : {})
  })
}

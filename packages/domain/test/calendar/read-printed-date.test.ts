import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import {
  type CalendarSystem,
  DateReadError,
  HIJRI_MONTH_NAMES,
  hijriMonthLength,
  hijriToGregorian,
  readDate,
  readPrintedDate
} from "../../src/calendar/index.ts"

const read = (text: string, hint?: CalendarSystem) => {
  const result = readPrintedDate(text, hint)
  if (Result.isFailure(result))
    throw new Error(`could not read ${JSON.stringify(text)}: ${result.failure.message}`)
  const { calendar, start, end, precision } = result.success
  return { calendar, start, end, precision }
}
const refused = (text: string, hint?: CalendarSystem): DateReadError => {
  const result = readPrintedDate(text, hint)
  if (Result.isSuccess(result)) throw new Error(`expected ${JSON.stringify(text)} to be refused`)
  return result.failure
}
const oneDay = (calendar: CalendarSystem, day: string) => ({
  calendar,
  start: day,
  end: day,
  precision: "day"
})

describe("Hijri month names as people print them", () => {
  const rabiAlAwwal = [
    "Rabi al-Awal",
    "Rabi' al-Awwal",
    "Rabi’ al-Awal",
    "Rabi‘ al-Awwal",
    "Rabi` al-Awwal",
    "Rabiʻ al-Awwal",
    "Rabīʿ al-Awwal",
    "RABI AL AWAL",
    "rabi al awwal",
    "Rabi I",
    "Rabiul Awal",
    "Rabi-ul-Awwal",
    "Rabi ul Awwal",
    "Rabi el Awal",
    "Rabee al-Awal",
    "Rabia al-Awwal",
    "Rebiülevvel",
    "ربيع الأول",
    "ربيع الاول",
    "رَبِيعُ الأَوَّل",
    "ربيـــع الأول",
    "ربیع الاول",
    "ربيع أول"
  ]
  it.each(rabiAlAwwal)("reads 17 %s 1436 as 8 January 2015", (month) => {
    expect(read(`17 ${month} 1436`)).toEqual(oneDay("hijri", "2015-01-08"))
  })

  const months: ReadonlyArray<readonly [string, number]> = [
    ["Muharram", 1],
    ["al-Muharram", 1],
    ["محرم", 1],
    ["Safar", 2],
    ["صفر", 2],
    ["Rabi al-Thani", 4],
    ["Rabi' al-Akhir", 4],
    ["Rabi II", 4],
    ["Rabius Sani", 4],
    ["Rabi ath-Thani", 4],
    ["ربيع الآخر", 4],
    ["ربيع الثاني", 4],
    ["Jumada al-Ula", 5],
    ["Jumada al-Awwal", 5],
    ["Jumada I", 5],
    ["Jumadal Ula", 5],
    ["Jamadi al-Awwal", 5],
    ["جمادى الأولى", 5],
    ["جمادى الاولى", 5],
    ["Jumada al-Akhirah", 6],
    ["Jumada al-Akhira", 6],
    ["Jumada al-Thani", 6],
    ["Jumada II", 6],
    ["Jumadil Akhir", 6],
    ["جمادى الآخرة", 6],
    ["جمادى الثانية", 6],
    ["Rajab", 7],
    ["رجب", 7],
    ["Sha'ban", 8],
    ["Shaaban", 8],
    ["شعبان", 8],
    ["Ramadan", 9],
    ["Ramadhan", 9],
    ["Ramazan", 9],
    ["رمضان", 9],
    ["Shawwal", 10],
    ["Shawal", 10],
    ["شوال", 10],
    ["Dhu al-Qi'dah", 11],
    ["Dhul-Qadah", 11],
    ["Dhu'l-Qa'da", 11],
    ["Zul Qadah", 11],
    ["ذو القعدة", 11],
    ["ذي القعدة", 11],
    ["Dhu al-Hijjah", 12],
    ["Dhul-Hijja", 12],
    ["Dhu'l-Hijjah", 12],
    ["Zulhijja", 12],
    ["Zil Hijjah", 12],
    ["ذو الحجة", 12],
    ["ذي الحجه", 12]
  ]
  it.each(months)("reads %s as month %i", (name, month) => {
    const reading = readDate(`1 ${name} 1436`)
    expect(Result.isSuccess(reading) && reading.success.month).toBe(month)
    expect(Result.isSuccess(reading) && reading.success.calendar).toBe("hijri")
  })

  it("reads the canonical name of every month back to that month", () => {
    HIJRI_MONTH_NAMES.forEach((name, index) => {
      const reading = readDate(`${name} 1436`)
      expect(Result.isSuccess(reading) && reading.success.month).toBe(index + 1)
    })
  })
})

describe("digits, markers and weekdays", () => {
  it.each([
    "17 Rabi al-Awal 1436 AH",
    "17 Rabi al-Awal 1436 A.H.",
    "17 Rabi al-Awal 1436H",
    "17 Rabi al-Awal, 1436",
    "17th Rabi al-Awal 1436",
    "١٧ ربيع الأول ١٤٣٦ هـ",
    "١٧ ربيع الأول ١٤٣٦هـ",
    "۱۷ ربیع الاول ۱۴۳۶ ه",
    "الخميس 17 ربيع الأول 1436 هـ",
    "يوم الخميس ١٧ ربيع الأول ١٤٣٦هـ",
    "١٧/٣/١٤٣٦هـ",
    "1436/3/17 AH",
    "17-03-1436 هـ"
  ])("reads the Hijri date %s", (text) => {
    expect(read(text)).toEqual(oneDay("hijri", "2015-01-08"))
  })

  it.each([
    "8 January 2015",
    "8 Jan 2015",
    "8 Jan. 2015",
    "January 8, 2015",
    "Jan 8 2015",
    "Thursday, January 8, 2015",
    "Thursday 8 January 2015",
    "Thu, 8 Jan 2015",
    "8 January 2015 (Thursday)",
    "8th January 2015",
    "the 8th of January, 2015",
    "8 January 2015 CE",
    "2015-01-08",
    "2015/1/8",
    "2015.01.08",
    "8 كانون الثاني 2015",
    "8 يناير 2015م",
    "٨ يناير ٢٠١٥ م",
    "الخميس 8 كانون الثاني 2015",
    "8 جانفي 2015"
  ])("reads the Gregorian date %s", (text) => {
    expect(read(text)).toEqual(oneDay("gregorian", "2015-01-08"))
  })

  it("reads numeric dates whose day and month cannot be swapped", () => {
    expect(read("13/1/2015")).toEqual(oneDay("gregorian", "2015-01-13"))
    expect(read("1/13/2015")).toEqual(oneDay("gregorian", "2015-01-13"))
    expect(read("5/5/2015")).toEqual(oneDay("gregorian", "2015-05-05"))
  })
})

describe("months and years", () => {
  it("reads a Hijri month as its whole Umm al-Qura span", () => {
    expect(read("Rabi al-Awal 1436")).toEqual({
      calendar: "hijri",
      start: "2014-12-23",
      end: "2015-01-20",
      precision: "month"
    })
  })
  it("reads a Gregorian month, a Hijri year and a Gregorian year", () => {
    expect(read("August 2014")).toEqual({
      calendar: "gregorian",
      start: "2014-08-01",
      end: "2014-08-31",
      precision: "month"
    })
    expect(read("1436 AH")).toEqual({
      calendar: "hijri",
      start: "2014-10-25",
      end: "2015-10-13",
      precision: "year"
    })
    expect(read("١٤٣٦ هـ")).toEqual({
      calendar: "hijri",
      start: "2014-10-25",
      end: "2015-10-13",
      precision: "year"
    })
    expect(read("2014")).toEqual({
      calendar: "gregorian",
      start: "2014-01-01",
      end: "2014-12-31",
      precision: "year"
    })
    expect(read("1436", "hijri").precision).toBe("year")
  })
  it("uses the civil calendar for Hijri years outside the Umm al-Qura table, and notes it", () => {
    expect(read("1 Muharram 1 AH")).toEqual(oneDay("hijri", "0622-07-19"))
    const outside = readPrintedDate("17 Rabi al-Awwal 1200")
    expect(Result.isSuccess(outside) && outside.success.note).toBe(
      "Converted with the civil Hijri calendar: the Umm al-Qura table covers only 1300-1600 AH."
    )
    const inside = readPrintedDate("17 Rabi al-Awwal 1436")
    expect(Result.isSuccess(inside) && inside.success.note).toBeUndefined()
  })
})

describe("dates that cannot be read", () => {
  it("locates a day the month does not have and says what the month has", () => {
    const error = refused("31 Rabi al-Awwal 1436")
    expect(error).toBeInstanceOf(DateReadError)
    expect(error.message).toBe(
      `"Rabi al-Awwal" was read as month 3, but "31" is not a day of Rabi al-Awwal 1436, which has 29 days under Umm al-Qura.`
    )
    expect([error.offset, error.length, error.reason, error.expected]).toEqual([
      0,
      2,
      "impossible",
      "a day from 1 to 29"
    ])
    const arabic = refused("30 رمضان 1436")
    expect(arabic.message).toContain("has 29 days under Umm al-Qura")
    const gregorian = refused("Thursday, February 29, 2015")
    expect([gregorian.offset, gregorian.length, gregorian.reason]).toEqual([19, 2, "impossible"])
    expect(gregorian.message).toBe(`"29" is not a day of February 2015, which has 28 days.`)
  })

  it("refuses numeric dates that read two ways", () => {
    const error = refused("8/1/2015")
    expect(error.reason).toBe("ambiguous")
    expect(error.message).toBe(
      `"8/1/2015" is ambiguous: it could be 8 January or 1 August. Write the month as a name, e.g. "8 January 2015".`
    )
    expect([error.offset, error.length]).toEqual([0, 3])
    expect(refused("5/3/1436 هـ").message).toContain("5 Rabi al-Awwal or 3 Jumada al-Ula")
    expect(refused("8/1/15").message).toBe(
      `"15" is a two-digit year; write the year in full (e.g. 2015 or 1436).`
    )
  })

  it("asks which calendar a bare year in 1300-1600 is", () => {
    const error = refused("17/3/1436")
    expect([error.offset, error.length, error.reason]).toEqual([5, 4, "ambiguous"])
    expect(refused("1436").expected).toContain("era marker")
  })

  it("says what was expected where the text stops making sense", () => {
    const missingYear = refused("17 Rabi al-Awal")
    expect([missingYear.offset, missingYear.length, missingYear.expected]).toEqual([15, 0, "a year"])
    expect(missingYear.message).toBe(`Expected a year after "17 Rabi al-Awal".`)

    const unknown = refused("By the end of August 2014")
    expect([unknown.offset, unknown.length, unknown.reason]).toEqual([0, 2, "unreadable"])
    expect(unknown.message).toMatch(/^"By" is not a month name, weekday or era marker/)

    const bare = refused("17 Rabi 1436")
    expect([bare.offset, bare.length]).toEqual([3, 4])
    expect(bare.message).toContain(`say which, e.g. "Rabi al-Awwal" or "Rabi al-Thani"`)

    expect(refused("").message).toMatch(/^The date is empty/)
    expect(refused("8 January 2015 @ noon").offset).toBe(15)
  })

  it("holds a date to the calendar its field is for", () => {
    const error = refused("8 January 2015", "hijri")
    expect(error.message).toBe(`Expected a Hijri date, but "January" is a Gregorian month.`)
    expect([error.offset, error.length]).toEqual([2, 7])
    expect(refused("17 Rabi al-Awal 1436", "gregorian").message).toContain("is a Hijri month")
    expect(refused("17 Rabi al-Awal 1436 CE").message).toBe(
      `"CE" marks a Gregorian year, but "Rabi al-Awal" is a Hijri month.`
    )
  })

  it("refuses a weekday with no day to check it against", () => {
    expect(refused("Thursday, January 2015").message).toContain("gives no day of the month")
  })
})

const spellings: ReadonlyArray<ReadonlyArray<string>> = [
  ["Muharram", "محرم"],
  ["Safar", "صفر"],
  ["Rabi' al-Awwal", "Rabiul Awal", "ربيع الأول"],
  ["Rabi al-Thani", "Rabi II", "ربيع الآخر"],
  ["Jumada al-Ula", "Jumada I", "جمادى الأولى"],
  ["Jumada al-Akhirah", "Jumada II", "جمادى الآخرة"],
  ["Rajab", "رجب"],
  ["Sha'ban", "شعبان"],
  ["Ramadan", "رمضان"],
  ["Shawwal", "شوال"],
  ["Dhu al-Qa'dah", "ذو القعدة"],
  ["Dhul-Hijja", "ذو الحجة"]
]
const toArabicIndic = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)))

describe("properties", () => {
  it("reads any real Hijri date, however spelled, as the day the calendar gives", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1600 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.boolean(),
        (year, month, day, pick, arabicDigits) => {
          const names = spellings[month - 1]!
          const name = names[pick % names.length]!
          const digits = arabicDigits ? toArabicIndic : String
          const text = `${digits(day)} ${name} ${digits(year)}`
          const length = Result.getOrThrow(hijriMonthLength(year, month, "umalqura"))
          const result = readPrintedDate(text)
          if (day > length) {
            expect(Result.isFailure(result) && result.failure.reason).toBe("impossible")
          } else {
            const expected = Result.getOrThrow(hijriToGregorian({ year, month, day })).day
            expect(Result.isSuccess(result) && [result.success.start, result.success.end]).toEqual([
              expected,
              expected
            ])
          }
        }
      ),
      { numRuns: 2000 }
    )
  })

  const fragments = fc.constantFrom(
    "17",
    "١٧",
    "1436",
    "2015",
    "Rabi",
    "al-Awal",
    "ربيع",
    "الأول",
    "January",
    "8",
    "/",
    "-",
    ".",
    ",",
    "AH",
    "هـ",
    "Thursday",
    "the",
    "of",
    "ـ",
    "'",
    "\u200f",
    " ",
    "II",
    "31",
    "0",
    "99999"
  )

  it("never throws, and every error points inside the text", () => {
    const checkTotal = (text: string, hint: CalendarSystem | undefined) => {
      const result = readPrintedDate(text, hint)
      if (Result.isFailure(result)) {
        const { offset, length, message, expected } = result.failure
        expect(offset).toBeGreaterThanOrEqual(0)
        expect(offset + length).toBeLessThanOrEqual(text.length)
        expect(message.length).toBeGreaterThan(0)
        expect(expected.length).toBeGreaterThan(0)
      } else {
        expect(result.success.start <= result.success.end).toBe(true)
      }
    }
    const hint = fc.constantFrom<CalendarSystem | undefined>(undefined, "hijri", "gregorian")
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), hint, checkTotal), { numRuns: 5000 })
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), hint, checkTotal), {
      numRuns: 3000
    })
    fc.assert(
      fc.property(
        fc.array(fragments, { maxLength: 12 }),
        fc.array(fc.constantFrom(" ", ""), { maxLength: 12 }),
        hint,
        (parts, gaps, h) => checkTotal(parts.map((part, i) => part + (gaps[i] ?? " ")).join(""), h)
      ),
      { numRuns: 5000 }
    )
  })
})

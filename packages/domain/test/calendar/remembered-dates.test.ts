import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { gregorianMonthName } from "../../src/calendar/day-number.ts"
import {
  BoundedMemo,
  type CalendarSystem,
  type DateReadError,
  HIJRI_MONTH_NAMES,
  type PrintedDate,
  readPrintedDate,
  readPrintedDateRemembered
} from "../../src/calendar/index.ts"
import {
  DateField,
  readWrittenDate,
  readWrittenDateRemembered,
  type WrittenDate
} from "../../src/model/date-field.ts"

const gregorianMonths = Array.from({ length: 12 }, (_, i) => gregorianMonthName(i + 1))

/** Date texts as cases print them, readable or not: days past the month's end, bare years, loose words. */
const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 32 }),
      fc.constantFrom(...gregorianMonths),
      fc.integer({ min: 1990, max: 2030 })
    )
    .map(([day, month, year]) => (day === 0 ? `${month} ${year}` : `${day} ${month} ${year}`)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 31 }),
      fc.constantFrom(...HIJRI_MONTH_NAMES),
      fc.integer({ min: 1290, max: 1610 })
    )
    .map(([day, month, year]) => (day === 0 ? `${month} ${year}` : `${day} ${month} ${year}`)),
  fc.constantFrom("by the end of August 2014", "2015", "1436", "8/1/2015", "13/1/2015", "2015-01-08", ""),
  fc.string({ maxLength: 12 })
)
const calendar = fc.constantFrom<CalendarSystem>("gregorian", "hijri")
const isoDay = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10))
const fieldValues = {
  text: dateText,
  calendar,
  start: isoDay,
  end: isoDay,
  precision: fc.constantFrom("day", "month", "year", "approximate"),
  note: fc.constantFrom("the article says only 'before the pledge'", "")
}
const writtenObject = fc.record(fieldValues, { requiredKeys: ["text"] }) as fc.Arbitrary<
  Exclude<WrittenDate, string | number>
>
const writtenDate: fc.Arbitrary<WrittenDate> = fc.oneof(
  dateText,
  fc.integer({ min: 1900, max: 2100 }),
  writtenObject
)
/** A written date object and another that differs from it in one field (changed or left out). */
const oneFieldApart = fc
  .tuple(
    fc.record({ ...fieldValues, text: fc.constantFrom("by the end of August 2014", "8 January 2015") }),
    fc.constantFrom(...(Object.keys(fieldValues) as Array<keyof typeof fieldValues>)),
    fc.boolean()
  )
  .chain(([first, field, leaveOut]) =>
    (fieldValues[field] as fc.Arbitrary<string>)
      .filter((value) => value !== first[field])
      .map((value) => {
        const second: Record<string, unknown> = { ...first, [field]: value }
        if (leaveOut && field !== "text") delete second[field]
        return [first, second] as unknown as [WrittenDate, WrittenDate]
      })
  )

/** A reading as plain data, so that equal answers compare equal whoever built them. */
const plainDate = (date: PrintedDate) => ({ ...date })
const plainRead = (read: Result.Result<PrintedDate, DateReadError>) =>
  Result.isSuccess(read) ? { date: plainDate(read.success) } : { error: { ...read.failure } }
const plainWritten = (read: Result.Result<PrintedDate, string>) =>
  Result.isSuccess(read) ? { date: plainDate(read.success) } : { error: read.failure }

describe("remembered date readings", () => {
  it("a remembered printed date is the one readPrintedDate gives, read once or again", () => {
    fc.assert(
      fc.property(dateText, fc.option(calendar, { nil: undefined }), (text, hint) => {
        const fresh = plainRead(readPrintedDate(text, hint))
        expect(plainRead(readPrintedDateRemembered(text, hint))).toEqual(fresh)
        expect(plainRead(readPrintedDateRemembered(text, hint))).toEqual(fresh)
      }),
      { numRuns: 2000 }
    )
  })

  it("a remembered written date is the one readWrittenDate gives, read once or again", () => {
    fc.assert(
      fc.property(writtenDate, (written) => {
        const fresh = plainWritten(readWrittenDate(written))
        expect(plainWritten(readWrittenDateRemembered(written))).toEqual(fresh)
        // A copy of an object is read from memory the second time: equal fields, equal answer.
        const copy = typeof written === "object" ? { ...written } : written
        expect(plainWritten(readWrittenDateRemembered(copy))).toEqual(fresh)
      }),
      { numRuns: 3000 }
    )
  })

  it("written dates that differ in any field are not mistaken for one another", () => {
    fc.assert(
      fc.property(oneFieldApart, ([first, second]) => {
        readWrittenDateRemembered(first)
        expect(plainWritten(readWrittenDateRemembered(second))).toEqual(plainWritten(readWrittenDate(second)))
      }),
      { numRuns: 2000 }
    )
    fc.assert(
      fc.property(writtenDate, writtenDate, (first, second) => {
        readWrittenDateRemembered(first)
        expect(plainWritten(readWrittenDateRemembered(second))).toEqual(plainWritten(readWrittenDate(second)))
      }),
      { numRuns: 2000 }
    )
  })

  it("DateField reports the same problem for a date read before as for a new one", () => {
    const decode = Schema.decodeUnknownResult(DateField)
    const message = (input: unknown) => {
      const result = decode(input)
      return Result.isFailure(result) ? String(result.failure) : undefined
    }
    for (const input of ["30 Rabi al-Awwal 1436", "by the end of August 2014", { text: "31 April 2015" }]) {
      const first = message(input)
      expect(first).toBeDefined()
      expect(message(input)).toBe(first)
      expect(message(typeof input === "object" ? { ...input } : input)).toBe(first)
    }
    const read = decode("8 January 2015")
    expect(Result.isSuccess(read) && plainDate(read.success)).toEqual({
      text: "8 January 2015",
      calendar: "gregorian",
      start: "2015-01-08",
      end: "2015-01-08",
      precision: "day"
    })
  })
})

describe("BoundedMemo", () => {
  it("never holds more than its capacity, and answers as the function does after forgetting", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        (capacity, keys) => {
          const memo = new BoundedMemo<string>(capacity)
          let computed = 0
          for (const key of keys) {
            const answer = memo.get(String(key), () => {
              computed++
              return `answer ${key}`
            })
            expect(answer).toBe(`answer ${key}`)
            expect(memo.size).toBeLessThanOrEqual(capacity)
          }
          expect(computed).toBeLessThanOrEqual(keys.length)
        }
      )
    )
  })

  it("computes an answer once while it is remembered", () => {
    const memo = new BoundedMemo<number>(2)
    let computed = 0
    const square = (n: number) =>
      memo.get(String(n), () => {
        computed++
        return n * n
      })
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9])
    expect(computed).toBe(2)
    // A third key pushes out the one remembered longest ago (3), which is then computed again.
    square(5)
    square(3)
    expect(computed).toBe(4)
  })

  it("refuses a capacity that could hold nothing", () => {
    expect(() => new BoundedMemo(0)).toThrow(RangeError)
  })
})

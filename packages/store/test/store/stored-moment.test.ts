import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { readStoredMoment } from "../../src/stored-moment.ts"

const instant = (text: string) => {
  const read = readStoredMoment(text)
  if (Result.isFailure(read)) throw new Error(read.failure)
  return read.success.toISOString()
}
const refusal = (text: string) => {
  const read = readStoredMoment(text)
  if (Result.isSuccess(read)) throw new Error(`expected "${text}" to be refused`)
  return read.failure
}

describe("a moment in the store's history, as written on the command line", () => {
  it("a bare day is the end of that day, UTC, so that everything saved on it counts", () => {
    expect(instant("2015-01-09")).toBe("2015-01-09T23:59:59.999Z")
    expect(instant("2016-02-29")).toBe("2016-02-29T23:59:59.999Z")
  })

  it("a day and a time is that instant, UTC unless it gives an offset", () => {
    expect(instant("2015-01-09T10:30")).toBe("2015-01-09T10:30:00.000Z")
    expect(instant("2015-01-09 10:30:15")).toBe("2015-01-09T10:30:15.000Z")
    expect(instant("2015-01-09T10:30:15.5Z")).toBe("2015-01-09T10:30:15.500Z")
    expect(instant("2015-01-09T10:30+03:00")).toBe("2015-01-09T07:30:00.000Z")
    expect(instant("2015-01-09T01:30-0500")).toBe("2015-01-09T06:30:00.000Z")
  })

  it("refuses what is not a day or a time, saying how to write one", () => {
    expect(refusal("yesterday")).toContain("YYYY-MM-DD")
    expect(refusal("9 January 2015")).toContain("is not a day or a time")
    expect(refusal("2015-1-9")).toContain("is not a day or a time")
  })

  it("refuses days and times that do not exist rather than rolling them over", () => {
    expect(refusal("2015-02-29")).toContain("is not a day or a time that exists")
    expect(refusal("2015-13-01")).toContain("is not a day or a time that exists")
    expect(refusal("2015-04-31T10:00")).toContain("is not a day or a time that exists")
    expect(refusal("2015-01-09T24:00")).toContain("is not a day or a time that exists")
    expect(refusal("2015-01-09T10:60")).toContain("is not a day or a time that exists")
    expect(refusal("2015-01-09T10:00+24:00")).toContain("offset")
  })
})

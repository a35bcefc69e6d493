/** Preconditions, pages and rate windows: the rules the API applies before and around a read or write. */
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { etagOf, noneMatchHolds, readIfMatch } from "../src/etags.ts"
import { pageOf } from "../src/pages.ts"
import { memoryRateLimiter } from "../src/rate-limits.ts"

describe("preconditions", () => {
  it("reads the revision an If-Match names, and refuses tags that name none or several", () => {
    expect(readIfMatch(etagOf(12))).toEqual({ kind: "revision", revision: 12 })
    expect(readIfMatch(etagOf(12, "2015-01-09"))).toEqual({ kind: "revision", revision: 12 })
    expect(readIfMatch("*")).toEqual({ kind: "any" })
    expect(readIfMatch(undefined)).toEqual({ kind: "none" })
    expect(readIfMatch('"r1", "r2"').kind).toBe("unreadable")
    expect(readIfMatch("yesterday").kind).toBe("unreadable")
    expect(noneMatchHolds(`W/${etagOf(3)}`, etagOf(3))).toBe(true)
    expect(noneMatchHolds(etagOf(3), etagOf(4))).toBe(false)
  })

  it("finds the tag a client holds in If-None-Match however the list is written", () => {
    const tag = etagOf(7, "2015-02-01")
    expect(noneMatchHolds(tag, tag)).toBe(true)
    expect(noneMatchHolds(` ${tag}\t`, tag)).toBe(true)
    expect(noneMatchHolds(`"r6", W/${tag}`, tag)).toBe(true)
    expect(noneMatchHolds(`"r6",${tag},"r8"`, tag)).toBe(true)
    expect(noneMatchHolds(" * ", tag)).toBe(true)
    expect(noneMatchHolds(`"r6", "r8",`, tag)).toBe(false)
    expect(noneMatchHolds(etagOf(7), tag)).toBe(false)
    expect(noneMatchHolds(`${tag.slice(0, -1)}`, tag)).toBe(false)
    expect(noneMatchHolds("", tag)).toBe(false)
    expect(noneMatchHolds(undefined, tag)).toBe(false)
    expect(noneMatchHolds(null, tag)).toBe(false)
  })
})

describe("pages", () => {
  it("walks a list a page at a time, each row once, and refuses a cursor whose row is gone", () => {
    const rows = Array.from({ length: 7 }, (_, index) => ({ id: `r${index}` }))
    const seen: Array<string> = []
    let cursor: string | undefined
    do {
      const page = pageOf(rows, (row) => row.id, { cursor, limit: "3" })
      seen.push(...page.items.map((row) => row.id))
      cursor = page.next
    } while (cursor !== undefined)
    expect(seen).toEqual(rows.map((row) => row.id))
    const first = pageOf(rows, (row) => row.id, { limit: "2" })
    expect(() => pageOf(rows.slice(2), (row) => row.id, { cursor: first.next, limit: "2" })).toThrow(
      /no longer in the list/
    )
    expect(() => pageOf(rows, (row) => row.id, { limit: "0" })).toThrow(/limit/)
  })
})

describe("rate windows", () => {
  it("lets a token make its limit of requests in a window, then refuses until the next", () => {
    const limiter = memoryRateLimiter({ limit: 2, windowSeconds: 60 })
    const at = (ms: number) => Effect.runSync(limiter.hit("t", ms))
    expect([at(60_000).allowed, at(61_000).allowed]).toEqual([true, true])
    const refused = at(62_000)
    expect(refused.allowed).toBe(false)
    expect(refused.resetIn).toBe(58)
    expect(at(120_000).allowed).toBe(true)
    expect(Effect.runSync(limiter.hit("other", 62_000)).allowed).toBe(true)
  })
})

import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { JoinedList } from "../../src/reasoning/joined-list.ts"
import { mergedByRank } from "../../src/reasoning/list-index.ts"

// A tree of versions, each made from an earlier one with a few values joined: appended (an update) or
// placed by rank (a later day), as views are made one from another, with branches where an evaluator
// was branched or moved back. Some versions are read as they are made, others only at the end or never:
// each must read as the list joined at once, in the order its versions were made.

const rank = (value: number) => value
const step = fc.record({
  parent: fc.nat(),
  more: fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 5 }),
  ranked: fc.boolean(),
  readNow: fc.boolean()
})

describe("JoinedList", () => {
  it("reads as the list joined at once, whatever was read before and wherever it branched", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 20 }),
        fc.array(step, { minLength: 1, maxLength: 60 }),
        (start, steps) => {
          const base = [...start].sort((a, b) => a - b)
          const versions = [JoinedList.of(base)]
          const expected: Array<ReadonlyArray<number>> = [base]
          for (const { parent, more, ranked, readNow } of steps) {
            const from = parent % versions.length
            const added = ranked ? [...more].sort((a, b) => a - b) : more
            versions.push(versions[from]!.with(added, ranked ? rank : undefined))
            expected.push(
              added.length === 0
                ? expected[from]!
                : ranked
                  ? mergedByRank(expected[from]!, added, rank)
                  : [...expected[from]!, ...added]
            )
            if (readNow) expect(versions.at(-1)!.list()).toEqual(expected.at(-1))
          }
          versions.forEach((version, at) => {
            expect(version.list()).toEqual(expected[at])
          })
        }
      )
    )
  })

  it("joins a long line of unread versions without running out of stack", () => {
    let list = JoinedList.of<number>([])
    for (let value = 0; value < 200_000; value++) list = list.with([value])
    const joined = list.list()
    expect(joined.length).toBe(200_000)
    expect(joined[199_999]).toBe(199_999)
  })

  it("gives the same list on every read, and the list it was made from when nothing was joined", () => {
    const base = [1, 2, 3]
    const same = JoinedList.of(base).with([])
    expect(same.list()).toBe(base)
    const longer = JoinedList.of(base).with([4])
    expect(longer.list()).toBe(longer.list())
    expect(base).toEqual([1, 2, 3])
  })
})

import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mergedByRank } from "../../src/reasoning/list-index.ts"

// Values that rank alike but can be told apart, so that the order among them is seen.
interface Ranked {
  readonly rank: number
  readonly tag: string
}
const rankOf = (value: Ranked) => value.rank
const inOrder = (tag: string) =>
  fc
    .array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 })
    .map((ranks) => ranks.sort((a, b) => a - b).map((rank, at) => ({ rank, tag: `${tag}${at}` })))

describe("mergedByRank", () => {
  it("is the two lists in rank order, each value of the first before the second's that rank alike", () => {
    fc.assert(
      fc.property(inOrder("a"), inOrder("b"), fc.boolean(), (list, more, knowsLast) => {
        const last = knowsLast && list.length > 0 ? list.at(-1)!.rank : undefined
        const merged = mergedByRank(list, more, rankOf, last)
        // A stable sort of the two joined: the first list's values come first among those ranked alike.
        expect(merged).toEqual([...list, ...more].sort((a, b) => a.rank - b.rank))
      })
    )
  })

  it("hands back the list itself when nothing is placed in it", () => {
    const list = [{ rank: 1, tag: "a" }]
    expect(mergedByRank(list, [], rankOf)).toBe(list)
  })
})

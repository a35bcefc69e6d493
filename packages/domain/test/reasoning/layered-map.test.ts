import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LayeredMap } from "../../src/reasoning/layered-map.ts"

// A tree of versions, each made from an earlier one with a batch of entries set over it (a line moved
// on, and branches where an analyst went back to a kept day). Batches are large enough, over enough
// versions, for entries to move from the recent layer to the middle one and from there into a new base:
// each version must read as a plain copy of its parent with its batch set, whatever its layers hold.

// A batch of thousands of entries is drawn from a seed (fast-check keeps generated arrays short).
const batch = fc
  .record({ count: fc.integer({ min: 1_000, max: 6_000 }), seed: fc.nat() })
  .map(({ count, seed }) => {
    let state = seed
    const next = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
      return state
    }
    return Array.from({ length: count }, () => [next() % 200_000, next() % 10] as const)
  })
const step = fc.record({ back: fc.nat({ max: 3 }), entries: batch })

describe("a map extended version by version", () => {
  it("reads in each version as a copy of its parent with the entries set over it", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 30 }), (steps) => {
        const versions = [LayeredMap.over(new Map<string, string>())]
        const copies = [new Map<string, string>()]
        for (const { back, entries } of steps) {
          const parent = Math.max(0, versions.length - 1 - back)
          const set = entries.map(([key, value]) => [`k${key}`, `v${value}`] as const)
          versions.push(versions[parent]!.with(set))
          const copy = new Map(copies[parent])
          for (const [key, value] of set) copy.set(key, value)
          copies.push(copy)
        }
        versions.forEach((version, at) => {
          const copy = copies[at]!
          expect([...version.entries()], `version ${at}`).toEqual([...copy.entries()])
          for (const key of ["k0", "k17", "k30000", "k199999"]) {
            expect(version.get(key), `version ${at}, ${key}`).toBe(copy.get(key))
            expect(version.has(key), `version ${at}, ${key}`).toBe(copy.has(key))
          }
        })
      }),
      { numRuns: 6, endOnFailure: true }
    )
  })

  it("leaves the version it was made from as it was", () => {
    const first = LayeredMap.over(new Map([["a", 1]]))
    const second = first.with([
      ["a", 2],
      ["b", 3]
    ])
    expect([first.get("a"), first.has("b")]).toEqual([1, false])
    expect([second.get("a"), second.get("b")]).toEqual([2, 3])
  })
})

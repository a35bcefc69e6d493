import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  attackedBy,
  attackersOf,
  attacks,
  frameworkFromPairs,
  makeFramework
} from "../../src/argumentation/index.ts"

describe("framework construction", () => {
  const pairs = fc.integer({ min: 1, max: 30 }).chain((size) =>
    fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 120 }).chain((base) =>
      // Repeat some attacks: from none to most of them, to cover few and many duplicates.
      fc.subarray(base).map((extra) => ({ size, attacks: [...base, ...extra, ...extra.slice(0, 3)] }))
    )
  )

  it("keeps each attack once, with both directions agreeing and attacker rows sorted", () => {
    fc.assert(
      fc.property(pairs, ({ size, attacks: list }) => {
        const fw = frameworkFromPairs(size, list)
        const expected = new Set(list.map(([a, b]) => `${a}>${b}`))
        expect(fw.attackCount).toBe(expected.size)
        const fromAttackers = new Set<string>()
        const fromAttacked = new Set<string>()
        let attackedEntries = 0
        for (let x = 0; x < size; x++) {
          const row = [...attackersOf(fw, x)]
          expect(row).toEqual([...row].sort((p, q) => p - q))
          for (const a of row) fromAttackers.add(`${a}>${x}`)
          for (const b of attackedBy(fw, x)) {
            fromAttacked.add(`${x}>${b}`)
            attackedEntries++
          }
        }
        expect(attackedEntries).toBe(expected.size)
        expect(fromAttackers).toEqual(expected)
        expect(fromAttacked).toEqual(expected)
        for (const [a, b] of list) expect(attacks(fw, a, b)).toBe(true)
      }),
      { numRuns: 500, seed: 13 }
    )
  })

  it("names the attack that points outside the framework", () => {
    expect(() =>
      frameworkFromPairs(3, [
        [0, 1],
        [1, 3]
      ])
    ).toThrow("attack 2: attacked argument 3 is not an argument")
    expect(() => makeFramework(2, [0, -1], [1, 0])).toThrow("attack 2: attacker -1")
  })
})

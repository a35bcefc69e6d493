import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  attacks as attacksBetween,
  explain,
  frameworkFromPairs,
  groundedLabelling,
  Label,
  labellingFor,
  preferredLabelling
} from "../../src/argumentation/index.ts"
import { smallFramework } from "./arbitraries.ts"

describe("explanations", () => {
  it("IN: every attacker with what defeats it; OUT: the attacker settled first", () => {
    // 0 -> 1 -> 2, and 3 -> 2 with 4 -> 3: 2 is IN because 0 beats 1 and 4 beats 3.
    const fw = frameworkFromPairs(6, [
      [0, 1],
      [1, 2],
      [3, 2],
      [4, 3],
      [5, 5],
      [5, 0]
    ])
    const labelling = groundedLabelling(fw)
    expect(explain(fw, labelling, 4)).toEqual({ label: "IN", argument: 4, attackers: [] })
    expect(explain(fw, labelling, 3)).toEqual({ label: "OUT", argument: 3, defeatedBy: 4 })
    const undec = explain(fw, labelling, 1)
    expect(undec).toMatchObject({ label: "UNDEC", argument: 1, undecidedAttackers: [0] })
    if (undec.label === "UNDEC") {
      expect(undec.chain).toEqual([1, 0, 5, 5])
      expect(undec.cycle).toEqual([5])
    }
  })

  it("UNDEC through an even cycle under grounded, decided under preferred", () => {
    const fw = frameworkFromPairs(3, [
      [0, 1],
      [1, 0],
      [1, 2]
    ])
    const grounded = groundedLabelling(fw)
    expect(explain(fw, grounded, 2)).toEqual({
      label: "UNDEC",
      argument: 2,
      undecidedAttackers: [1],
      chain: [2, 1, 0, 1],
      cycle: [1, 0]
    })
    const preferred = preferredLabelling(fw)
    if (!preferred.decided) throw new Error("stopped")
    const e = explain(fw, preferred.value, 2)
    expect(["IN", "OUT"]).toContain(e.label)
  })

  it("every explanation is consistent with the labelling and the attacks, under every semantics", () => {
    const semantics = fc.constantFrom(
      "grounded" as const,
      "complete" as const,
      "preferred" as const,
      "stable" as const
    )
    fc.assert(
      fc.property(smallFramework(16, 40), semantics, ({ size, attacks }, chosen) => {
        const fw = frameworkFromPairs(size, attacks)
        const found = labellingFor(fw, chosen)
        if (!found.decided) throw new Error("stopped")
        if (found.value === null) return
        const labelling = found.value
        if (chosen === "grounded" || chosen === "complete") expect(labelling).toEqual(groundedLabelling(fw))
        for (let x = 0; x < size; x++) {
          const e = explain(fw, labelling, x)
          if (e.label === "IN") {
            expect(labelling[x]).toBe(Label.In)
            for (const { attacker, defeatedBy } of e.attackers) {
              expect(attacksBetween(fw, attacker, x)).toBe(true)
              expect(labelling[defeatedBy]).toBe(Label.In)
              expect(attacksBetween(fw, defeatedBy, attacker)).toBe(true)
            }
          } else if (e.label === "OUT") {
            expect(labelling[e.defeatedBy]).toBe(Label.In)
            expect(attacksBetween(fw, e.defeatedBy, x)).toBe(true)
          } else {
            expect(labelling[x]).toBe(Label.Undec)
            expect(e.undecidedAttackers.length).toBeGreaterThan(0)
            expect(e.cycle.length).toBeGreaterThan(0)
            // Each element of the chain is attacked by the next, all UNDEC.
            for (let i = 0; i + 1 < e.chain.length; i++) {
              expect(attacksBetween(fw, e.chain[i + 1]!, e.chain[i]!)).toBe(true)
              expect(labelling[e.chain[i + 1]!]).toBe(Label.Undec)
            }
            // The cycle closes: its first element attacks its last.
            expect(attacksBetween(fw, e.cycle[0]!, e.cycle[e.cycle.length - 1]!)).toBe(true)
          }
        }
      }),
      { numRuns: 300, seed: 10 }
    )
  })
})

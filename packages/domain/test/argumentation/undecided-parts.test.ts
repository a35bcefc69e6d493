import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  frameworkFromPairs,
  groundedLabelling,
  IncrementalGrounded,
  Label,
  undecidedParts
} from "../../src/argumentation/index.ts"
import { smallFramework } from "./arbitraries.ts"
import { extensionsFor, referenceCredulous, referenceExtensions } from "./reference.ts"

describe("undecidedParts", () => {
  it("answers credulous preferred acceptance as the brute-force reference does, after changes in place", () => {
    fc.assert(
      fc.property(smallFramework(9, 25), smallFramework(9, 25), (before, after) => {
        // The framework starts as `before` and is changed in place into `after` (same arguments, or more).
        const size = Math.max(before.size, after.size)
        const grounded = new IncrementalGrounded(size)
        for (const [a, b] of before.attacks) grounded.addAttack(a, b)
        grounded.labels()
        for (const [a, b] of before.attacks) grounded.removeAttack(a, b)
        for (const [a, b] of after.attacks) grounded.addAttack(a, b)
        const labels = grounded.labels()
        const framework = frameworkFromPairs(size, after.attacks)
        expect([...labels]).toEqual([...groundedLabelling(framework)])
        const parts = undecidedParts(grounded, labels)
        const extensions = extensionsFor(referenceExtensions({ size, attacks: after.attacks }), "preferred")
        for (let x = 0; x < size; x++) {
          if (labels[x] !== Label.Undec) {
            expect(parts.partOf(x)).toEqual([])
            expect(parts.couldStillStand(x)).toBeUndefined()
            continue
          }
          expect(parts.partOf(x)).toContain(x)
          expect(parts.couldStillStand(x), `argument ${x}`).toBe(referenceCredulous(extensions, x))
        }
      }),
      { numRuns: 1000 }
    )
  })
})

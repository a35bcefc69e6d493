import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  credulouslyAccepted,
  extensionOf,
  frameworkFromPairs,
  groundedLabelling,
  preferredLabelling,
  type Semantics,
  scepticallyAccepted,
  someExtension
} from "../../src/argumentation/index.ts"
import { smallFramework } from "./arbitraries.ts"
import {
  extensionsFor,
  referenceCredulous,
  referenceExtensions,
  referenceSceptical,
  toBits
} from "./reference.ts"

const searched: ReadonlyArray<Semantics> = ["complete", "preferred", "stable"]

const decidedValue = <A>(outcome: { decided: true; value: A } | { decided: false }): A => {
  if (!outcome.decided) throw new Error("search stopped without a stop condition")
  return outcome.value
}

describe("cross-check against the brute-force reference", () => {
  it("agrees on every task for thousands of random frameworks of up to 10 arguments", () => {
    fc.assert(
      fc.property(smallFramework(10, 30), fc.boolean(), ({ size, attacks }, search) => {
        // Half the runs switch enumeration of small parts off, so the SAT paths are checked too.
        const tuning = search ? { enumerationLimit: 0 } : {}
        const fw = frameworkFromPairs(size, attacks)
        const reference = referenceExtensions({ size, attacks })
        expect(toBits(extensionOf(groundedLabelling(fw)))).toBe(reference.grounded)
        for (const semantics of searched) {
          const extensions = extensionsFor(reference, semantics)
          const one = decidedValue(someExtension(fw, semantics, tuning))
          if (one === null) expect(extensions).toEqual([])
          else expect(extensions).toContain(toBits(one))
          for (let x = 0; x < size; x++) {
            const credulous = decidedValue(
              credulouslyAccepted(fw, semantics, x, { ...tuning, certificate: true })
            )
            expect(credulous.accepted, `DC ${semantics} ${x}`).toBe(referenceCredulous(extensions, x))
            if (credulous.witness !== undefined) {
              expect(extensions).toContain(toBits(credulous.witness))
              expect(credulous.witness).toContain(x)
            }
            const sceptical = decidedValue(
              scepticallyAccepted(fw, semantics, x, { ...tuning, certificate: true })
            )
            expect(sceptical.accepted, `DS ${semantics} ${x}`).toBe(referenceSceptical(extensions, x))
            if (sceptical.witness !== undefined) {
              expect(extensions).toContain(toBits(sceptical.witness))
              expect(sceptical.witness).not.toContain(x)
            }
            // Certificates are asked for exactly when they exist.
            expect(credulous.witness !== undefined).toBe(credulous.accepted)
            expect(sceptical.witness !== undefined).toBe(!sceptical.accepted)
          }
        }
      }),
      { numRuns: 2500, seed: 20260101 }
    )
  })

  it("the SAT search for preferred labellings agrees with the reference when small components are not enumerated", () => {
    fc.assert(
      fc.property(smallFramework(12, 40), ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        const reference = referenceExtensions({ size, attacks })
        const labelling = decidedValue(preferredLabelling(fw, { enumerationLimit: 0 }))
        expect(reference.preferred).toContain(toBits(extensionOf(labelling)))
      }),
      { numRuns: 1500, seed: 7 }
    )
  })

  it("is exact on frameworks of 12 arguments", () => {
    fc.assert(
      fc.property(smallFramework(12, 24), ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        const reference = referenceExtensions({ size, attacks })
        for (let x = 0; x < size; x++) {
          expect(decidedValue(scepticallyAccepted(fw, "preferred", x)).accepted).toBe(
            referenceSceptical(reference.preferred, x)
          )
          expect(decidedValue(credulouslyAccepted(fw, "stable", x)).accepted).toBe(
            referenceCredulous(reference.stable, x)
          )
        }
      }),
      { numRuns: 300, seed: 12 }
    )
  })
})

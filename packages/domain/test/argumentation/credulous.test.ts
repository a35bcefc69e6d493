import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { credulousPreferred, frameworkFromPairs, groundedLabelling } from "../../src/argumentation/index.ts"
import { smallFramework } from "./arbitraries.ts"
import { extensionsFor, referenceCredulous, referenceExtensions } from "./reference.ts"

describe("credulousPreferred", () => {
  it("agrees with the brute-force reference for every argument, asked in any order", () => {
    fc.assert(
      fc.property(
        smallFramework(10, 30).chain((af) =>
          fc
            .shuffledSubarray(
              Array.from({ length: af.size }, (_, i) => i),
              { minLength: af.size, maxLength: af.size }
            )
            .map((order) => ({ af, order }))
        ),
        ({ af, order }) => {
          const framework = frameworkFromPairs(af.size, af.attacks)
          const oracle = credulousPreferred(framework, groundedLabelling(framework))
          const extensions = extensionsFor(referenceExtensions(af), "preferred")
          // One oracle answers every question: the solver it keeps for a part must not carry one
          // question's assumption into the next.
          for (const x of order)
            expect(oracle.accepted(x), `argument ${x}`).toEqual({
              decided: true,
              value: referenceCredulous(extensions, x)
            })
        }
      ),
      { numRuns: 2000 }
    )
  })

  it("answers an undecided argument and names an argument that does not exist", () => {
    // Two arguments attacking each other: undecided, so the answer needs the search.
    const framework = frameworkFromPairs(2, [
      [0, 1],
      [1, 0]
    ])
    const oracle = credulousPreferred(framework, groundedLabelling(framework))
    expect(oracle.accepted(0)).toEqual({ decided: true, value: true })
    expect(() => oracle.accepted(2)).toThrow(/argument 2 is not an argument/)
  })
})

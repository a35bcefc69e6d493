import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  attacks as attacksBetween,
  credulouslyAccepted,
  extensionOf,
  type Framework,
  frameworkFromPairs,
  groundedLabelling,
  IncrementalGrounded,
  Label,
  preferredLabelling,
  scepticallyAccepted,
  someExtension,
  stableLabelling
} from "../../src/argumentation/index.ts"
import { frameworkWithPermutation, smallFramework } from "./arbitraries.ts"

const value = <A>(outcome: { decided: true; value: A } | { decided: false }): A => {
  if (!outcome.decided) throw new Error("stopped")
  return outcome.value
}

const conflictFree = (fw: Framework, set: ArrayLike<number>): boolean => {
  for (let i = 0; i < set.length; i++)
    for (let j = 0; j < set.length; j++) if (attacksBetween(fw, set[i]!, set[j]!)) return false
  return true
}

const attackedBySet = (fw: Framework, set: ArrayLike<number>, x: number): boolean => {
  for (let i = 0; i < set.length; i++) if (attacksBetween(fw, set[i]!, x)) return true
  return false
}

const admissible = (fw: Framework, set: ArrayLike<number>): boolean => {
  if (!conflictFree(fw, set)) return false
  for (let i = 0; i < set.length; i++) {
    const x = set[i]!
    for (let y = 0; y < fw.size; y++) if (attacksBetween(fw, y, x) && !attackedBySet(fw, set, y)) return false
  }
  return true
}

/** Complete labelling rules: IN iff all attackers OUT; OUT iff some attacker IN. */
const isCompleteLabelling = (fw: Framework, labels: Uint8Array): boolean => {
  for (let x = 0; x < fw.size; x++) {
    let allOut = true
    let someIn = false
    for (let y = 0; y < fw.size; y++) {
      if (!attacksBetween(fw, y, x)) continue
      if (labels[y] !== Label.Out) allOut = false
      if (labels[y] === Label.In) someIn = true
    }
    if ((labels[x] === Label.In) !== allOut) return false
    if ((labels[x] === Label.Out) !== someIn) return false
  }
  return true
}

const arb = smallFramework(14, 40)

describe("semantic properties", () => {
  it("grounded, preferred and stable labellings are complete; extensions are admissible", () => {
    fc.assert(
      fc.property(arb, ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        const grounded = groundedLabelling(fw)
        expect(isCompleteLabelling(fw, grounded)).toBe(true)
        const preferred = value(preferredLabelling(fw))
        expect(isCompleteLabelling(fw, preferred)).toBe(true)
        expect(admissible(fw, extensionOf(preferred))).toBe(true)
        const stable = value(stableLabelling(fw))
        if (stable !== null) {
          expect(isCompleteLabelling(fw, stable)).toBe(true)
          expect(stable.includes(Label.Undec)).toBe(false)
        }
      }),
      { numRuns: 400, seed: 1 }
    )
  })

  it("grounded is contained in every preferred and stable extension found, and in every witness", () => {
    fc.assert(
      fc.property(arb, ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        const grounded = extensionOf(groundedLabelling(fw))
        const extensions: Array<Int32Array> = [value(someExtension(fw, "preferred"))!]
        const stable = value(someExtension(fw, "stable"))
        if (stable !== null) extensions.push(stable)
        for (let x = 0; x < size; x++) {
          const w = value(credulouslyAccepted(fw, "complete", x, { certificate: true })).witness
          if (w !== undefined) extensions.push(w)
        }
        for (const e of extensions) for (const g of grounded) expect(e).toContain(g)
      }),
      { numRuns: 300, seed: 2 }
    )
  })

  it("a stable extension attacks every argument outside it", () => {
    fc.assert(
      fc.property(arb, ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        const stable = value(someExtension(fw, "stable"))
        if (stable === null) return
        expect(conflictFree(fw, stable)).toBe(true)
        for (let x = 0; x < size; x++)
          if (!stable.includes(x)) expect(attackedBySet(fw, stable, x)).toBe(true)
      }),
      { numRuns: 400, seed: 3 }
    )
  })

  it("answers do not change when arguments are renamed or attacks reordered", () => {
    fc.assert(
      fc.property(frameworkWithPermutation(12, 36), ({ af, permutation }) => {
        const fw = frameworkFromPairs(af.size, af.attacks)
        const renamedAttacks = af.attacks
          .map(([a, b]) => [permutation[a]!, permutation[b]!] as const)
          .reverse()
        const renamed = frameworkFromPairs(af.size, renamedAttacks)
        const g = groundedLabelling(fw)
        const gr = groundedLabelling(renamed)
        for (let x = 0; x < af.size; x++) expect(gr[permutation[x]!]).toBe(g[x])
        for (const semantics of ["complete", "preferred", "stable"] as const) {
          for (let x = 0; x < af.size; x++) {
            const y = permutation[x]!
            expect(value(credulouslyAccepted(renamed, semantics, y)).accepted).toBe(
              value(credulouslyAccepted(fw, semantics, x)).accepted
            )
            expect(value(scepticallyAccepted(renamed, semantics, y)).accepted).toBe(
              value(scepticallyAccepted(fw, semantics, x)).accepted
            )
          }
        }
      }),
      { numRuns: 200, seed: 4 }
    )
  })

  it("the same attacks in another order give the very same extensions", () => {
    fc.assert(
      fc.property(
        arb.chain((af) =>
          fc.shuffledSubarray([...af.attacks], { minLength: af.attacks.length }).map((s) => ({ af, s }))
        ),
        ({ af, s }) => {
          const a = frameworkFromPairs(af.size, af.attacks)
          const b = frameworkFromPairs(af.size, s)
          expect(value(someExtension(b, "preferred"))).toEqual(value(someExtension(a, "preferred")))
          expect(value(someExtension(b, "stable"))).toEqual(value(someExtension(a, "stable")))
        }
      ),
      { numRuns: 300, seed: 5 }
    )
  })

  it("results of a search that is never stopped are the same as with a stop condition that never fires", () => {
    fc.assert(
      fc.property(arb, ({ size, attacks }) => {
        const fw = frameworkFromPairs(size, attacks)
        expect(value(someExtension(fw, "preferred", { shouldStop: () => false }))).toEqual(
          value(someExtension(fw, "preferred"))
        )
      }),
      { numRuns: 100, seed: 6 }
    )
  })
})

describe("incremental grounded labelling", () => {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), a: fc.nat(40), b: fc.nat(40) }),
    fc.record({ kind: fc.constant("remove" as const), a: fc.nat(40), b: fc.nat(40) }),
    fc.record({ kind: fc.constant("argument" as const), a: fc.constant(0), b: fc.constant(0) }),
    fc.record({ kind: fc.constant("retract" as const), a: fc.nat(40), b: fc.constant(0) })
  )

  /** Applies a batch of edits to the framework, arguments taken modulo its size. */
  const apply = (inc: IncrementalGrounded, batch: ReadonlyArray<{ kind: string; a: number; b: number }>) => {
    for (const e of batch) {
      const n = inc.size
      if (e.kind === "argument") inc.addArgument()
      else if (e.kind === "add") inc.addAttack(e.a % n, e.b % n)
      else if (e.kind === "remove") inc.removeAttack(e.a % n, e.b % n)
      else inc.retractArgument(e.a % n)
    }
  }

  it("equals the labelling computed from scratch after any sequence of edits", () => {
    fc.assert(
      fc.property(
        smallFramework(20, 40),
        fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 8 }),
        fc.boolean(),
        (af, batches, seeded) => {
          const framework = frameworkFromPairs(af.size, af.attacks)
          // Started from the framework's grounded labelling, or labelling it afresh: the same from then on.
          const inc = IncrementalGrounded.fromFramework(
            framework,
            seeded ? groundedLabelling(framework) : undefined
          )
          expect(inc.labels()).toEqual(groundedLabelling(framework))
          for (const batch of batches) {
            apply(inc, batch)
            expect(inc.labels()).toEqual(groundedLabelling(inc.snapshot()))
          }
        }
      ),
      { numRuns: 400, seed: 8 }
    )
  })

  it("cloned, changes apart from the framework it was cloned from, each labelled as from scratch", () => {
    fc.assert(
      fc.property(
        smallFramework(20, 40),
        fc.array(edit, { maxLength: 6 }),
        fc.array(fc.tuple(fc.array(edit, { maxLength: 4 }), fc.array(edit, { maxLength: 4 })), {
          maxLength: 6
        }),
        (af, before, batches) => {
          const inc = IncrementalGrounded.fromFramework(frameworkFromPairs(af.size, af.attacks))
          // Changed before the clone (some of it still pending), then both changed, each its own way.
          apply(inc, before)
          const copy = inc.clone()
          for (const [mine, theirs] of batches) {
            apply(inc, mine)
            apply(copy, theirs)
            expect(inc.labels()).toEqual(groundedLabelling(inc.snapshot()))
            expect(copy.labels()).toEqual(groundedLabelling(copy.snapshot()))
          }
          // The clone's own edits replayed on a fresh copy of the framework as it was give the same framework.
          const again = IncrementalGrounded.fromFramework(frameworkFromPairs(af.size, af.attacks))
          apply(again, before)
          for (const [, theirs] of batches) apply(again, theirs)
          expect(copy.snapshot()).toEqual(again.snapshot())
          expect(copy.attackCount).toBe(again.attackCount)
        }
      ),
      { numRuns: 300, seed: 9 }
    )
  })

  it("re-labels only the downstream closure of a change", () => {
    // Two independent chains: a change in one leaves the other alone.
    const inc = new IncrementalGrounded(200)
    for (let i = 0; i < 99; i++) inc.addAttack(i, i + 1)
    for (let i = 100; i < 199; i++) inc.addAttack(i, i + 1)
    inc.update()
    inc.addAttack(150, 150)
    expect(inc.update()).toBe(50)
    expect(inc.label(0)).toBe(Label.In)
    expect(inc.label(150)).toBe(Label.Undec)
    expect(inc.label(149)).toBe(Label.Out)
    expect(inc.label(151)).toBe(Label.Undec)
    expect(inc.removeAttack(150, 150)).toBe(true)
    expect(inc.label(150)).toBe(Label.In)
    expect(inc.label(151)).toBe(Label.Out)
    expect(inc.relabelledByLastUpdate).toBe(50)
  })
})

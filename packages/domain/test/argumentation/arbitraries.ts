import fc from "fast-check"

/** A small framework: size and attack pairs (self-attacks and duplicates allowed). */
export interface SmallAf {
  readonly size: number
  readonly attacks: ReadonlyArray<readonly [number, number]>
}

export const smallFramework = (maxSize: number, maxAttacks: number): fc.Arbitrary<SmallAf> =>
  fc
    .integer({ min: 1, max: maxSize })
    .chain((size) =>
      fc
        .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: maxAttacks })
        .map((attacks) => ({ size, attacks }))
    )

/** A framework together with a permutation of its arguments (for renaming properties). */
export const frameworkWithPermutation = (maxSize: number, maxAttacks: number) =>
  smallFramework(maxSize, maxAttacks).chain((af) =>
    fc
      .shuffledSubarray(
        Array.from({ length: af.size }, (_, i) => i),
        { minLength: af.size, maxLength: af.size }
      )
      .map((permutation) => ({ af, permutation }))
  )

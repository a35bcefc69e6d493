import { isDeepStrictEqual } from "node:util"
import { expect } from "@effect/vitest"

/** An item of a case built by hand, citing the first paragraph of its source. */
export const cited = <A extends object>(item: A) => ({ cites: [{ paragraph: 1 }], ...item })

/**
 * The same conclusions: Node's deep equality decides (strict, so whatever it accepts toEqual accepts),
 * and only when it finds a difference does toEqual run, to show the difference; toEqual's own walk over
 * evaluations of hundreds of items cost more than a tenth of these tests' time.
 */
export const expectSame = (actual: unknown, expected: unknown) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected)
}

/** A group, and a unit that becomes part of it on `joins` (a day printed as in a case file). */
export const unitJoiningOrg = (joins: string) =>
  [
    { id: "org", kind: "group", name: { primary: "Org" } },
    { id: "unit", kind: "group", name: { primary: "The Unit" }, parents: [{ actor: "org", since: joins }] }
  ].map(cited)

import { describe, expect, it } from "vitest"
import { evaluateCase } from "../../src/reasoning/evaluate.ts"
import { sequence } from "../../src/reasoning/rules/sequence.ts"
import { buildCase, day, findingsOf, statement } from "./build-case.ts"

// The same facts listed in another order must give the same conclusions: an analyst does not choose
// the order of a case file to get a verdict.

const swapped = <A>(items: ReadonlyArray<A>): ReadonlyArray<A> => items.toReversed()

describe("conclusions that do not depend on the order items are listed in", () => {
  const cooperationClaims = [
    // Each side says it works with the other; a break of a pledge between them is not the end of that.
    {
      id: "cl-a",
      kind: "cooperation",
      scope: "org-a",
      actor: "org-a",
      with: "other",
      madeBy: { statement: "st-a" }
    },
    {
      id: "cl-b",
      kind: "cooperation",
      scope: "other",
      actor: "other",
      with: "org-a",
      madeBy: { statement: "st-b" }
    },
    {
      id: "cl-break",
      kind: "break",
      scope: "org-a",
      pledger: "org-a",
      recipient: "other",
      madeBy: { statement: "st-c" }
    }
  ]
  const cooperationStatements = [
    statement("st-a", "ch-a", "1 May 2020"),
    { ...statement("st-b", "ch-b", "3 May 2020"), issuer: { nameAsPrinted: "Other", actor: "other" } },
    statement("st-c", "ch-a", "1 June 2020")
  ]
  const cooperation = (claims: ReadonlyArray<Record<string, unknown>>) =>
    evaluateCase(buildCase({ statements: cooperationStatements, claims }), { asOf: day("2020-12-31") })
      .relationships.filter((relationship) => relationship.kind === "cooperates-with")
      .map(({ id, from, to, start, end, verdict }) => ({ id, from, to, start, end, status: verdict.status }))

  it("a cooperation claimed from both sides has the same ends and dates whichever claim comes first", () => {
    const listed = cooperation(cooperationClaims)
    expect(listed).toHaveLength(1)
    expect(cooperation(swapped(cooperationClaims))).toEqual(listed)
    // A break ends an allegiance, not a cooperation: one episode, not ended on the day of the break.
    expect(listed[0]!.end).toBeUndefined()
  })

  it("a serial used twice is found on the same statement whichever of two overlapping dates is listed first", () => {
    const statements = [
      // "May 2020" spans the whole month, so it overlaps the fifth of May.
      statement("st-month", "ch-a", "May 2020", { serial: { text: "No. 10", number: 10 } }),
      statement("st-day", "ch-a", "5 May 2020", { serial: { text: "No. 10", number: 10 } })
    ]
    const targets = (listed: ReadonlyArray<Record<string, unknown>>) =>
      findingsOf(sequence, buildCase({ statements: listed })).map((finding) =>
        "target" in finding ? finding.target : undefined
      )
    const inOrder = targets(statements)
    expect(inOrder).toHaveLength(1)
    expect(targets(swapped(statements))).toEqual(inOrder)
  })
})

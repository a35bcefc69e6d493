import { generateCaseInput } from "../src/index.ts"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { appendToCase, CaseFile, Claim } from "@allegiance/domain"

const decode = Schema.decodeUnknownSync(CaseFile)

describe("appendToCase", () => {
  const input = generateCaseInput({ statements: 40, seed: 5 })
  const whole = decode(input)
  const base = decode({ ...input, claims: (input.claims ?? []).slice(0, -3) })
  const added = whole.claims.slice(-3)

  it("gives the case a case file with those items would be, sharing what it already held", () => {
    const appended = appendToCase(base, { claims: added })
    expect(appended).toBeInstanceOf(CaseFile)
    expect(appended).toStrictEqual(whole)
    expect(appended.actors).toBe(base.actors)
    expect(appended.statements).toBe(base.statements)
    expect(appended.claims.slice(0, base.claims.length).every((claim, i) => claim === base.claims[i])).toBe(
      true
    )
    expect(base.claims).toHaveLength(whole.claims.length - 3)
  })

  it("refuses an item that is not a well-formed one of its kind, naming where it is", () => {
    const broken = { ...added[0]!, kind: "rumour" } as unknown as Claim
    expect(Schema.is(Claim)(broken)).toBe(false)
    expect(() => appendToCase(base, { claims: [added[1]!, broken] })).toThrow(
      `claims[1] (${added[0]!.id}) is not a well-formed claim`
    )
  })
})

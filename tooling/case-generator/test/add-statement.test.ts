import { checkIntegrity } from "@allegiance/domain/case/integrity"
import { describe, expect, it } from "@effect/vitest"
import { addStatement, generateCase } from "../src/index.ts"

describe("addStatement", () => {
  const base = generateCase({ statements: 2000, seed: 5 })

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8])
    it(`adds one statement with its claims on an existing channel, after that channel's last one (seed ${seed})`, () => {
      const next = addStatement(base, seed)
      expect(next.statements).toHaveLength(base.statements.length + 1)
      const added = next.statements[next.statements.length - 1]!
      const newClaims = next.claims.slice(base.claims.length)
      expect(newClaims.length).toBeGreaterThanOrEqual(1)
      expect(newClaims.length).toBeLessThanOrEqual(2)
      for (const claim of newClaims) expect(claim.madeBy).toEqual({ statement: added.id })
      const channel = base.channels.find((candidate) => candidate.id === added.channel)!
      expect(channel.speaksFor).toBe(added.issuer.actor)
      for (const earlier of base.statements)
        if (earlier.channel === added.channel) expect(added.observed.start > earlier.observed.end).toBe(true)
      expect(checkIntegrity(next)).toEqual([])
    })

  it("is deterministic and leaves the case it was given unchanged", () => {
    const before = base.statements.length
    expect(addStatement(base, 9)).toEqual(addStatement(base, 9))
    expect(base.statements).toHaveLength(before)
  })

  it("can be applied again and again", () => {
    let caseFile = base
    for (let seed = 0; seed < 5; seed++) caseFile = addStatement(caseFile, seed)
    expect(caseFile.statements).toHaveLength(base.statements.length + 5)
    expect(checkIntegrity(caseFile)).toEqual([])
  })

  it("touches the reasoning: across seeds it adds denials and disownings as well as signs of life", () => {
    const kinds = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        addStatement(base, seed).claims.slice(base.claims.length)
      ).flatMap((claims) => claims.map((claim) => claim.kind))
    )
    for (const kind of ["denial", "disowning", "continued-existence"] as const)
      expect(kinds.has(kind)).toBe(true)
  })
})

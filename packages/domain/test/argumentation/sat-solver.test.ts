import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { SatResult, SatSolver } from "../../src/argumentation/index.ts"

const satisfies = (clauses: ReadonlyArray<ReadonlyArray<number>>, value: (v: number) => boolean) =>
  clauses.every((c) => c.some((l) => value(l >> 1) === ((l & 1) === 0)))

const bruteForce = (vars: number, clauses: ReadonlyArray<ReadonlyArray<number>>): boolean => {
  for (let m = 0; m < 1 << vars; m++) if (satisfies(clauses, (v) => ((m >> v) & 1) === 1)) return true
  return false
}

const cnf = fc
  .integer({ min: 1, max: 10 })
  .chain((vars) =>
    fc
      .array(fc.array(fc.nat(2 * vars - 1), { minLength: 1, maxLength: 4 }), { maxLength: 45 })
      .map((clauses) => ({ vars, clauses }))
  )

describe("CDCL SAT solver", () => {
  it("agrees with brute force, and its models satisfy every clause", () => {
    fc.assert(
      fc.property(cnf, ({ vars, clauses }) => {
        const solver = new SatSolver(vars)
        for (const c of clauses) solver.addClause(c)
        const result = solver.solve()
        expect(result === SatResult.Sat).toBe(bruteForce(vars, clauses))
        if (result === SatResult.Sat) expect(satisfies(clauses, (v) => solver.modelValue(v))).toBe(true)
      }),
      { numRuns: 3000, seed: 11 }
    )
  })

  it("solves under assumptions without losing the formula", () => {
    fc.assert(
      fc.property(cnf, fc.array(fc.nat(19), { maxLength: 3 }), ({ vars, clauses }, raw) => {
        const assumptions = raw.map((l) => l % (2 * vars))
        const solver = new SatSolver(vars)
        for (const c of clauses) solver.addClause(c)
        const units = assumptions.map((l) => [l])
        expect(solver.solve(assumptions) === SatResult.Sat).toBe(bruteForce(vars, [...clauses, ...units]))
        expect(solver.solve() === SatResult.Sat).toBe(bruteForce(vars, clauses))
      }),
      { numRuns: 1500, seed: 12 }
    )
  })

  it("stops when asked, and says so", () => {
    // Pigeonhole 9 -> 8 is hard for resolution: the search is still running when stopped.
    const pigeons = 9
    const holes = 8
    const v = (p: number, h: number) => p * holes + h
    const solver = new SatSolver(pigeons * holes)
    for (let p = 0; p < pigeons; p++) solver.addClause(Array.from({ length: holes }, (_, h) => 2 * v(p, h)))
    for (let h = 0; h < holes; h++)
      for (let p = 0; p < pigeons; p++)
        for (let q = p + 1; q < pigeons; q++) solver.addClause([2 * v(p, h) + 1, 2 * v(q, h) + 1])
    let polls = 0
    expect(solver.solve([], () => ++polls > 3)).toBe(SatResult.Stopped)
    expect(polls).toBe(4)
  })
})

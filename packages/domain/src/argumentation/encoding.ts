import type { Framework } from "./framework.ts"
import { negative, positive, SatSolver } from "./sat-solver.ts"

/**
 * A region of a framework handed to the SAT solver: the arguments whose label is still open.
 * Attackers outside the region are settled: OUT ones are irrelevant, and an UNDEC one
 * ("blocked") forbids its target from being IN. The caller guarantees that no open argument
 * has an IN attacker (that would have made it OUT).
 */
export interface Region {
  readonly members: Int32Array
  /** For every argument of the framework: its position in `members`, or -1. */
  readonly localOf: Int32Array
  /** Per member: 1 if it has an UNDEC attacker outside the region. */
  readonly blocked: Uint8Array
}

/** Variable numbers in the complete encoding: member i is IN (2i) or OUT (2i + 1). */
export const inVariable = (i: number): number => 2 * i
export const outVariable = (i: number): number => 2 * i + 1

/**
 * Clauses whose models are exactly the complete labellings of the region given the settled
 * labels around it: IN iff every attacker is OUT, OUT iff some attacker is IN.
 */
export const completeEncoding = (framework: Framework, region: Region): SatSolver => {
  const { members, localOf, blocked } = region
  const solver = new SatSolver()
  for (let i = 0; i < members.length; i++) {
    solver.newVariable(true)
    solver.newVariable(false)
  }
  const { attackersStart, attackers } = framework
  const allOut: Array<number> = []
  const someIn: Array<number> = []
  for (let i = 0; i < members.length; i++) {
    const x = members[i]!
    const inX = positive(inVariable(i))
    const outX = positive(outVariable(i))
    solver.addClause([inX ^ 1, outX ^ 1])
    allOut.length = 0
    someIn.length = 0
    allOut.push(inX)
    someIn.push(outX ^ 1)
    const end = attackersStart[x + 1]!
    for (let k = attackersStart[x]!; k < end; k++) {
      const j = localOf[attackers[k]!]!
      if (j < 0) continue
      const inY = positive(inVariable(j))
      const outY = positive(outVariable(j))
      solver.addClause([inX ^ 1, outY])
      solver.addClause([inY ^ 1, outX])
      allOut.push(outY ^ 1)
      someIn.push(inY)
    }
    if (blocked[i] === 1) solver.addClause([inX ^ 1])
    else solver.addClause(allOut)
    solver.addClause(someIn)
  }
  return solver
}

/**
 * Clauses whose models are exactly the stable extensions restricted to the region (one
 * variable per member: IN or not). Only meaningful when nothing around the region is UNDEC.
 */
export const stableEncoding = (framework: Framework, region: Region): SatSolver => {
  const { members, localOf } = region
  const solver = new SatSolver(members.length)
  const { attackersStart, attackers } = framework
  const covered: Array<number> = []
  for (let i = 0; i < members.length; i++) {
    const x = members[i]!
    covered.length = 0
    covered.push(positive(i))
    const end = attackersStart[x + 1]!
    for (let k = attackersStart[x]!; k < end; k++) {
      const j = localOf[attackers[k]!]!
      if (j < 0) continue
      solver.addClause([negative(i), negative(j)])
      if (j !== i) covered.push(positive(j))
    }
    solver.addClause(covered)
  }
  return solver
}

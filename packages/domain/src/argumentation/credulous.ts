import { completeEncoding, inVariable, type Region } from "./encoding.ts"
import type { Framework } from "./framework.ts"
import { Label, type Labelling } from "./label.ts"
import { positive, SatResult, type SatSolver } from "./sat-solver.ts"
import type { Outcome } from "./semantics.ts"

/** Answers credulous preferred acceptance for any argument of one framework. */
export interface CredulousPreferred {
  /**
   * Whether `argument` belongs to some preferred extension. `shouldStop` is polled during the
   * search; once it answers true the answer is `{ decided: false }`.
   */
  readonly accepted: (argument: number, shouldStop?: () => boolean) => Outcome<boolean>
}

/**
 * Credulous preferred acceptance for many arguments of one framework, given its grounded labelling.
 * IN and OUT arguments are answered from the labelling. An undecided argument is in some preferred
 * extension iff it is IN in some complete labelling, and that depends only on the weakly connected
 * part of the undecided arguments it belongs to (every other argument is settled in every complete
 * labelling). Each part is encoded once, when first asked about, and the solver keeps what it learnt
 * for the next question about the same part: asking about every contested item of a case costs one
 * encoding per part instead of one per item.
 */
export const credulousPreferred = (framework: Framework, grounded: Labelling): CredulousPreferred => {
  const n = framework.size
  const partOf = new Int32Array(n).fill(-1)
  const localOf = new Int32Array(n).fill(-1)
  const solvers: Array<SatSolver> = []
  const membersOf: Array<Int32Array> = []
  // Every argument IN in a model found for one question is credulously accepted too: remembered, it
  // spares most of the searches when a whole part is asked about.
  const knownAccepted = new Uint8Array(n)
  const { attackersStart, attackers, attackedStart, attacked } = framework

  const encodePart = (start: number): number => {
    const part = solvers.length
    const members: Array<number> = [start]
    partOf[start] = part
    for (let head = 0; head < members.length; head++) {
      const x = members[head]!
      const visit = (y: number) => {
        if (grounded[y] === Label.Undec && partOf[y]! < 0) {
          partOf[y] = part
          members.push(y)
        }
      }
      for (let k = attackersStart[x]!; k < attackersStart[x + 1]!; k++) visit(attackers[k]!)
      for (let k = attackedStart[x]!; k < attackedStart[x + 1]!; k++) visit(attacked[k]!)
    }
    const memberArray = Int32Array.from(members)
    for (let i = 0; i < memberArray.length; i++) localOf[memberArray[i]!] = i
    // The part is closed under undecided attackers, so nothing outside it is blocked.
    const region: Region = { members: memberArray, localOf, blocked: new Uint8Array(memberArray.length) }
    solvers.push(completeEncoding(framework, region))
    membersOf.push(memberArray)
    return part
  }

  return {
    accepted: (argument, shouldStop) => {
      if (!Number.isInteger(argument) || argument < 0 || argument >= n)
        throw new RangeError(`argument ${argument} is not an argument (arguments are 0..${n - 1})`)
      const label = grounded[argument]
      if (label === Label.In) return { decided: true, value: true }
      if (label === Label.Out) return { decided: true, value: false }
      if (knownAccepted[argument] === 1) return { decided: true, value: true }
      const part = partOf[argument]! >= 0 ? partOf[argument]! : encodePart(argument)
      const solver = solvers[part]!
      const result = solver.solve([positive(inVariable(localOf[argument]!))], shouldStop)
      if (result === SatResult.Stopped) return { decided: false }
      if (result === SatResult.Unsat) return { decided: true, value: false }
      const members = membersOf[part]!
      for (let i = 0; i < members.length; i++)
        if (solver.modelValue(inVariable(i))) knownAccepted[members[i]!] = 1
      return { decided: true, value: true }
    }
  }
}

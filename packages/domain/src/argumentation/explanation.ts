import type { Framework } from "./framework.ts"
import { Label, type Labelling } from "./label.ts"

/**
 * Why an argument carries its label in a given (complete) labelling, as data the domain layer
 * can put into words. Every argument named is an index of the framework.
 *
 * - `in`: each attacker, with one IN argument that defeats it (its `defeatedBy`). An argument
 *   with no attackers stands unopposed (`attackers` is empty).
 * - `out`: one IN attacker, chosen as the earliest-settled one (for the grounded labelling, the
 *   one whose own justification is shortest), so chains of explanations stay short.
 * - `undec`: no attacker is IN, and the attackers that are not OUT keep it open. `chain` walks
 *   back from the argument through UNDEC attackers until an argument repeats; the repeated
 *   part is `cycle` (the loop that leaves the question unresolved). `cycle` is empty only if
 *   the labelling is not complete.
 */
export type Explanation =
  | {
      readonly label: "IN"
      readonly argument: number
      readonly attackers: ReadonlyArray<{ readonly attacker: number; readonly defeatedBy: number }>
    }
  | { readonly label: "OUT"; readonly argument: number; readonly defeatedBy: number }
  | {
      readonly label: "UNDEC"
      readonly argument: number
      /** UNDEC attackers of the argument (the reasons it is neither IN nor OUT). */
      readonly undecidedAttackers: ReadonlyArray<number>
      /** The argument, then an UNDEC attacker of it, then one of that, ... up to the first repeat. */
      readonly chain: ReadonlyArray<number>
      /** The arguments of `chain` from the first repeated one on: each attacks the one before it. */
      readonly cycle: ReadonlyArray<number>
    }

/**
 * Order in which the grounded algorithm settles arguments (rounds of the characteristic
 * function): 0 for unattacked arguments, k + 1 for what depends on round k. Used to pick the
 * attacker with the shortest justification. Arguments never settled get a large rank.
 */
export const settlementRanks = (framework: Framework, labelling: Labelling): Int32Array => {
  const n = framework.size
  const rank = new Int32Array(n).fill(0x3fffffff)
  const remaining = new Int32Array(n)
  const queue = new Int32Array(n)
  let tail = 0
  const { attackersStart, attackedStart, attacked } = framework
  for (let x = 0; x < n; x++) {
    remaining[x] = attackersStart[x + 1]! - attackersStart[x]!
    if (remaining[x] === 0 && labelling[x] === Label.In) {
      rank[x] = 0
      queue[tail++] = x
    }
  }
  // Breadth-first over the settling order; only the labelling's own labels are followed.
  for (let head = 0; head < tail; head++) {
    const y = queue[head]!
    const end = attackedStart[y + 1]!
    for (let i = attackedStart[y]!; i < end; i++) {
      const x = attacked[i]!
      if (labelling[y] === Label.In && labelling[x] === Label.Out && rank[x] === 0x3fffffff) {
        rank[x] = rank[y]! + 1
        queue[tail++] = x
      } else if (labelling[y] === Label.Out && labelling[x] === Label.In) {
        const left = remaining[x]! - 1
        remaining[x] = left
        if (left === 0 && rank[x] === 0x3fffffff) {
          rank[x] = rank[y]! + 1
          queue[tail++] = x
        }
      }
    }
  }
  return rank
}

const bestInAttacker = (framework: Framework, labelling: Labelling, rank: Int32Array, x: number): number => {
  let best = -1
  const end = framework.attackersStart[x + 1]!
  for (let i = framework.attackersStart[x]!; i < end; i++) {
    const y = framework.attackers[i]!
    if (labelling[y] === Label.In && (best === -1 || rank[y]! < rank[best]!)) best = y
  }
  return best
}

/**
 * Explains the label of `argument` in `labelling` (which should be complete: grounded,
 * preferred or stable). Pass `ranks` from {@link settlementRanks} when explaining many
 * arguments of the same labelling, to compute them once.
 */
export const explain = (
  framework: Framework,
  labelling: Labelling,
  argument: number,
  ranks: Int32Array = settlementRanks(framework, labelling)
): Explanation => {
  if (!Number.isInteger(argument) || argument < 0 || argument >= framework.size) {
    throw new RangeError(
      `argument ${argument} is not in the framework (arguments are 0..${framework.size - 1})`
    )
  }
  const { attackersStart, attackers } = framework
  const label = labelling[argument]
  if (label === Label.In) {
    const list: Array<{ attacker: number; defeatedBy: number }> = []
    const end = attackersStart[argument + 1]!
    for (let i = attackersStart[argument]!; i < end; i++) {
      const y = attackers[i]!
      list.push({ attacker: y, defeatedBy: bestInAttacker(framework, labelling, ranks, y) })
    }
    return { label: "IN", argument, attackers: list }
  }
  if (label === Label.Out) {
    return { label: "OUT", argument, defeatedBy: bestInAttacker(framework, labelling, ranks, argument) }
  }
  const undecOf = (x: number): Array<number> => {
    const out: Array<number> = []
    const end = attackersStart[x + 1]!
    for (let i = attackersStart[x]!; i < end; i++) {
      const y = attackers[i]!
      if (labelling[y] === Label.Undec) out.push(y)
    }
    return out
  }
  const undecidedAttackers = undecOf(argument)
  // Shortest way back to a repeat: breadth-first through UNDEC attackers finds the nearest
  // argument that closes a loop, which gives the smallest cycle reachable from here.
  const chain = shortestLoop(framework, labelling, argument)
  const firstRepeat = chain.length === 0 ? -1 : chain.indexOf(chain[chain.length - 1]!)
  const cycle =
    firstRepeat < 0 || firstRepeat === chain.length - 1 ? [] : chain.slice(firstRepeat, chain.length - 1)
  return { label: "UNDEC", argument, undecidedAttackers, chain, cycle }
}

/**
 * From `start`, walks backwards through UNDEC attackers and returns the path with the first
 * repeated argument at the end. If `start` lies on a loop, the shortest loop through it is
 * taken (breadth-first); otherwise the walk follows the smallest-numbered UNDEC attacker,
 * which in a complete labelling always exists, so a loop is always reached.
 */
const shortestLoop = (framework: Framework, labelling: Labelling, start: number): Array<number> => {
  const { attackersStart, attackers } = framework
  const firstUndecAttacker = (x: number): number => {
    const end = attackersStart[x + 1]!
    for (let i = attackersStart[x]!; i < end; i++)
      if (labelling[attackers[i]!] === Label.Undec) return attackers[i]!
    return -1
  }
  const parent = new Map<number, number>([[start, -1]])
  const queue: Array<number> = [start]
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head]!
    const end = attackersStart[x + 1]!
    for (let i = attackersStart[x]!; i < end; i++) {
      const y = attackers[i]!
      if (labelling[y] !== Label.Undec) continue
      if (y === start) {
        const path: Array<number> = []
        for (let z = x; z !== -1; z = parent.get(z)!) path.push(z)
        return [...path.reverse(), start]
      }
      if (!parent.has(y)) {
        parent.set(y, x)
        queue.push(y)
      }
    }
  }
  const path: Array<number> = [start]
  const seen = new Set<number>([start])
  for (let x = firstUndecAttacker(start); x !== -1; x = firstUndecAttacker(x)) {
    path.push(x)
    if (seen.has(x)) break
    seen.add(x)
  }
  return path
}

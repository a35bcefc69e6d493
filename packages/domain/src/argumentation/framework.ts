/**
 * An abstract argumentation framework over arguments 0..size-1, held as two compressed
 * sparse rows (CSR): who attacks each argument, and whom each argument attacks. Both are free
 * of duplicates. Attacker rows are sorted; attacked rows may keep the input order (sorting
 * them would slow loading and changes no result: every semantics and search here reads
 * attacker rows wherever order could matter, so answers never depend on input order).
 */
export interface Framework {
  readonly size: number
  readonly attackCount: number
  /** Row starts into `attackers`, length size+1: the attackers of x are attackers[attackersStart[x]..attackersStart[x+1]). */
  readonly attackersStart: Int32Array
  readonly attackers: Int32Array
  /** Row starts into `attacked`, length size+1: the arguments x attacks are attacked[attackedStart[x]..attackedStart[x+1]) (any order). */
  readonly attackedStart: Int32Array
  readonly attacked: Int32Array
}

const checkIndex = (value: number, size: number, what: string, position: number): void => {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new RangeError(
      `attack ${position + 1}: ${what} ${value} is not an argument (arguments are 0..${size - 1})`
    )
  }
}

/**
 * Builds a framework from `count` attacks `sources[i]` -> `targets[i]` (both 0-based).
 * Duplicated attacks are kept once. Throws a RangeError naming the offending attack if an
 * index is out of range. Runs in O(size + count) with three counting-sort passes.
 */
export const makeFramework = (
  size: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  count: number = Math.min(sources.length, targets.length)
): Framework => {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`framework size ${size} is not a count`)
  // Pass 1: bucket by source, keeping input order inside a bucket.
  const bySourceStart = new Int32Array(size + 1)
  for (let i = 0; i < count; i++) {
    const s = sources[i]!
    const t = targets[i]!
    checkIndex(s, size, "attacker", i)
    checkIndex(t, size, "attacked argument", i)
    bySourceStart[s + 1]!++
  }
  for (let x = 0; x < size; x++) bySourceStart[x + 1]! += bySourceStart[x]!
  const fill = bySourceStart.slice(0, size)
  const bySource = new Int32Array(count)
  for (let i = 0; i < count; i++) bySource[fill[sources[i]!]!++] = targets[i]!
  return fromSourceBuckets(size, bySourceStart, bySource, fill)
}

/**
 * Finishes a framework from attacks already bucketed by attacker (rows in any order,
 * duplicates allowed). `scratch` is a free Int32Array of at least `size` entries.
 */
export const fromSourceBuckets = (
  size: number,
  bySourceStart: Int32Array,
  bySource: Int32Array,
  scratch: Int32Array
): Framework => {
  const count = bySourceStart[size]!
  // Pass 2: walking sources in increasing order yields attacker rows that are sorted.
  const attackersStart = new Int32Array(size + 1)
  for (let i = 0; i < count; i++) attackersStart[bySource[i]! + 1]!++
  for (let x = 0; x < size; x++) attackersStart[x + 1]! += attackersStart[x]!
  const fill = scratch
  fill.set(attackersStart.subarray(0, size))
  const rawAttackers = new Int32Array(count)
  for (let s = 0; s < size; s++) {
    const end = bySourceStart[s + 1]!
    for (let i = bySourceStart[s]!; i < end; i++) rawAttackers[fill[bySource[i]!]!++] = s
  }
  // Drop duplicates (adjacent in sorted rows) by compacting in place, remembering them.
  let write = 0
  const duplicateAttackers: Array<number> = []
  const duplicateTargets: Array<number> = []
  for (let x = 0; x < size; x++) {
    const start = attackersStart[x]!
    const end = attackersStart[x + 1]!
    attackersStart[x] = write
    let previous = -1
    for (let i = start; i < end; i++) {
      const a = rawAttackers[i]!
      if (a === previous) {
        duplicateAttackers.push(a)
        duplicateTargets.push(x)
        continue
      }
      rawAttackers[write++] = a
      previous = a
    }
  }
  attackersStart[size] = write
  const duplicates = duplicateAttackers.length
  const attackers = duplicates === 0 ? rawAttackers : rawAttackers.slice(0, write)
  if (duplicates * 16 <= count) {
    // The source buckets already are the attacked rows (in input order); sorting them would
    // cost a quarter of the load time of a large file and change no result. A few duplicates
    // are struck out of their rows and the rows closed up in one sequential pass.
    if (duplicates > 0) {
      for (let d = 0; d < duplicates; d++) {
        const a = duplicateAttackers[d]!
        const x = duplicateTargets[d]!
        let first = true
        for (let i = bySourceStart[a]!; i < bySourceStart[a + 1]!; i++) {
          if (bySource[i] !== x) continue
          if (first) first = false
          else {
            bySource[i] = -1
            break
          }
        }
      }
      let kept = 0
      let rowStart = 0
      for (let y = 0; y < size; y++) {
        const end = bySourceStart[y + 1]!
        bySourceStart[y] = kept
        for (let i = rowStart; i < end; i++) {
          const v = bySource[i]!
          if (v >= 0) bySource[kept++] = v
        }
        rowStart = end
      }
      bySourceStart[size] = kept
    }
    return {
      size,
      attackCount: write,
      attackersStart,
      attackers,
      attackedStart: bySourceStart,
      attacked: duplicates === 0 ? bySource : bySource.subarray(0, write)
    }
  }
  // Many duplicates: rebuild the attacked rows from the deduplicated attacker rows.
  const attackedStart = new Int32Array(size + 1)
  for (let i = 0; i < write; i++) attackedStart[attackers[i]! + 1]!++
  for (let x = 0; x < size; x++) attackedStart[x + 1]! += attackedStart[x]!
  fill.set(attackedStart.subarray(0, size))
  const attacked = new Int32Array(write)
  for (let x = 0; x < size; x++) {
    const end = attackersStart[x + 1]!
    for (let i = attackersStart[x]!; i < end; i++) attacked[fill[attackers[i]!]!++] = x
  }
  return { size, attackCount: write, attackersStart, attackers, attackedStart, attacked }
}

/** Builds a framework from a list of `[attacker, attacked]` pairs. */
export const frameworkFromPairs = (
  size: number,
  attacks: ReadonlyArray<readonly [number, number]>
): Framework => {
  const sources = new Int32Array(attacks.length)
  const targets = new Int32Array(attacks.length)
  for (let i = 0; i < attacks.length; i++) {
    const pair = attacks[i]!
    sources[i] = pair[0]
    targets[i] = pair[1]
  }
  // Int32Array would silently wrap non-integers; check the originals first.
  for (let i = 0; i < attacks.length; i++) {
    const pair = attacks[i]!
    checkIndex(pair[0], size, "attacker", i)
    checkIndex(pair[1], size, "attacked argument", i)
  }
  return makeFramework(size, sources, targets)
}

/** Whether `a` attacks `b` (binary search in the sorted row). */
export const attacks = (framework: Framework, a: number, b: number): boolean => {
  let lo = framework.attackersStart[b]!
  let hi = framework.attackersStart[b + 1]! - 1
  const row = framework.attackers
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = row[mid]!
    if (v === a) return true
    if (v < a) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** The attackers of `x`, as a view (no copy). */
export const attackersOf = (framework: Framework, x: number): Int32Array =>
  framework.attackers.subarray(framework.attackersStart[x]!, framework.attackersStart[x + 1]!)

/** The arguments `x` attacks, as a view (no copy). */
export const attackedBy = (framework: Framework, x: number): Int32Array =>
  framework.attacked.subarray(framework.attackedStart[x]!, framework.attackedStart[x + 1]!)

/** Every attack as `[attacker, attacked]`, ordered by attacked then attacker. */
export const attackPairs = (framework: Framework): Array<[number, number]> => {
  const out: Array<[number, number]> = []
  for (let x = 0; x < framework.size; x++) {
    const end = framework.attackersStart[x + 1]!
    for (let i = framework.attackersStart[x]!; i < end; i++) out.push([framework.attackers[i]!, x])
  }
  return out
}

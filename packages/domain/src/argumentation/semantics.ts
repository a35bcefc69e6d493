import { ancestorMask, stronglyConnectedComponents } from "./components.ts"
import { completeEncoding, inVariable, outVariable, type Region, stableEncoding } from "./encoding.ts"
import type { Framework } from "./framework.ts"
import { type GroundedWork, groundedWork, propagate } from "./grounded.ts"
import { extensionOf, Label, type Labelling } from "./label.ts"
import { negative, positive, SatResult, type SatSolver } from "./sat-solver.ts"

/** The semantics this module decides. */
export type Semantics = "grounded" | "complete" | "preferred" | "stable"

export interface SolveOptions {
  /**
   * Polled during the NP-hard searches; once it answers true the search ends with
   * `{ decided: false }`. The core never reads a clock: the caller decides what "too long" is.
   */
  readonly shouldStop?: () => boolean
  /** Also produce the extension that proves the answer (ICCMA certificate). Costs extra search for DC-PR. */
  readonly certificate?: boolean
  /**
   * Parts of at most this many undecided arguments are decided by trying every subset rather
   * than by the SAT solver (default 10; at most 20). Only a tuning knob: answers do not change.
   */
  readonly enumerationLimit?: number
}

/** The answer of a search that may have been stopped before it finished. */
export type Outcome<A> = { readonly decided: true; readonly value: A } | { readonly decided: false }

export interface Acceptance {
  readonly accepted: boolean
  /**
   * When asked for: for credulous YES an extension containing the argument; for sceptical NO an
   * extension without it. Arguments in increasing order.
   */
  readonly witness?: Int32Array
}

const OPEN = 3
const stopped: Outcome<never> = { decided: false }
const decided = <A>(value: A): Outcome<A> => ({ decided: true, value })

/** Working state: a labelling with OPEN for arguments not yet decided, plus counters for propagation. */
type Work = GroundedWork

const groundedStart = (framework: Framework): Work => groundedWork(framework, OPEN)

const copyWork = (work: Work): Work => ({
  labels: work.labels.slice(),
  remaining: work.remaining.slice(),
  queue: new Int32Array(work.queue.length)
})

/** Sets labels of some arguments and draws all consequences on the open ones. */
const settle = (
  framework: Framework,
  work: Work,
  members: ArrayLike<number>,
  labels: ArrayLike<number>
): void => {
  let tail = 0
  for (let i = 0; i < members.length; i++) {
    const x = members[i]!
    const label = labels[i]!
    work.labels[x] = label
    if (label !== Label.Undec) work.queue[tail++] = x
  }
  propagate(framework, work.labels, work.remaining, work.queue, tail, OPEN)
}

const closeOpen = (labels: Uint8Array): Labelling => {
  for (let x = 0; x < labels.length; x++) if (labels[x] === OPEN) labels[x] = Label.Undec
  return labels
}

const makeRegion = (
  framework: Framework,
  labels: Uint8Array,
  members: Int32Array,
  localOf: Int32Array
): Region => {
  for (let i = 0; i < members.length; i++) localOf[members[i]!] = i
  const blocked = new Uint8Array(members.length)
  const { attackersStart, attackers } = framework
  for (let i = 0; i < members.length; i++) {
    const x = members[i]!
    const end = attackersStart[x + 1]!
    for (let k = attackersStart[x]!; k < end; k++) {
      const y = attackers[k]!
      if (localOf[y]! < 0 && labels[y] === Label.Undec) {
        blocked[i] = 1
        break
      }
    }
  }
  return { members, localOf, blocked }
}

const releaseRegion = (region: Region): void => {
  for (let i = 0; i < region.members.length; i++) region.localOf[region.members[i]!] = -1
}

const openMembers = (labels: Uint8Array, mask?: Uint8Array): Int32Array => {
  let count = 0
  for (let x = 0; x < labels.length; x++)
    if (labels[x] === OPEN && (mask === undefined || mask[x] === 1)) count++
  const out = new Int32Array(count)
  let k = 0
  for (let x = 0; x < labels.length; x++)
    if (labels[x] === OPEN && (mask === undefined || mask[x] === 1)) out[k++] = x
  return out
}

const completeModel = (solver: SatSolver, size: number): Uint8Array => {
  const local = new Uint8Array(size)
  for (let i = 0; i < size; i++) {
    local[i] = solver.modelValue(inVariable(i))
      ? Label.In
      : solver.modelValue(outVariable(i))
        ? Label.Out
        : Label.Undec
  }
  return local
}

/**
 * Grows the complete labelling in the solver's last model to one whose IN part is maximal
 * among the region's complete labellings (a preferred labelling of the region). Each round
 * asks for a strictly larger IN set containing the current one.
 */
const maximise = (solver: SatSolver, region: Region, options: SolveOptions): Outcome<Uint8Array> => {
  const size = region.members.length
  let local = completeModel(solver, size)
  const clause: Array<number> = []
  const assumptions: Array<number> = []
  for (;;) {
    clause.length = 0
    assumptions.length = 0
    const act = solver.newVariable()
    clause.push(negative(act))
    assumptions.push(positive(act))
    for (let i = 0; i < size; i++) {
      if (local[i] === Label.In) assumptions.push(positive(inVariable(i)))
      else if (region.blocked[i] === 0) clause.push(positive(inVariable(i)))
    }
    if (clause.length === 1) return decided(local)
    if (options.shouldStop?.() === true) return stopped
    solver.addClause(clause)
    const result = solver.solve(assumptions, options.shouldStop)
    solver.addClause([negative(act)])
    if (result === SatResult.Stopped) return stopped
    if (result === SatResult.Unsat) return decided(local)
    local = completeModel(solver, size)
  }
}

const SMALL_REGION = 10
const enumerationLimit = (options: SolveOptions): number =>
  Math.min(20, Math.max(0, options.enumerationLimit ?? SMALL_REGION))

/**
 * A preferred labelling of a region of at most SMALL_REGION arguments by trying every subset:
 * most components left open in real frameworks are this small, and building a SAT solver for
 * each would cost more than the enumeration. The largest admissible subset is preferred; ties
 * go to the first in a fixed order of the members, so the choice is deterministic.
 */
const smallRegionPreferred = (framework: Framework, region: Region): Uint8Array => {
  const { members, localOf, blocked } = region
  const k = members.length
  const attackersMask = new Int32Array(k)
  const attacksMask = new Int32Array(k)
  for (let i = 0; i < k; i++) {
    const x = members[i]!
    const end = framework.attackersStart[x + 1]!
    for (let e = framework.attackersStart[x]!; e < end; e++) {
      const j = localOf[framework.attackers[e]!]!
      if (j < 0) continue
      attackersMask[i] = attackersMask[i]! | (1 << j)
      attacksMask[j] = attacksMask[j]! | (1 << i)
    }
  }
  let blockedMask = 0
  for (let i = 0; i < k; i++) if (blocked[i] === 1) blockedMask |= 1 << i
  let best = 0
  let bestSize = 0
  for (let set = 1; set < 1 << k; set++) {
    if ((set & blockedMask) !== 0) continue
    let hit = 0
    for (let i = 0; i < k; i++) if ((set >> i) & 1) hit |= attacksMask[i]!
    if ((hit & set) !== 0) continue
    let defended = true
    for (let i = 0; i < k && defended; i++)
      if ((set >> i) & 1 && (attackersMask[i]! & ~hit) !== 0) defended = false
    if (!defended) continue
    let size = 0
    for (let v = set; v !== 0; v &= v - 1) size++
    if (size > bestSize) {
      best = set
      bestSize = size
    }
  }
  let hit = 0
  for (let i = 0; i < k; i++) if ((best >> i) & 1) hit |= attacksMask[i]!
  const local = new Uint8Array(k)
  for (let i = 0; i < k; i++) local[i] = (best >> i) & 1 ? Label.In : (hit >> i) & 1 ? Label.Out : Label.Undec
  return local
}

/**
 * One preferred labelling, built strongly connected component by component in topological
 * order: each component gets an IN-maximal complete labelling given the labels already fixed
 * upstream (preferred semantics is SCC-recursive, so this yields a preferred labelling).
 * Components left open by propagation are usually tiny, so the search stays local.
 */
export const preferredLabelling = (framework: Framework, options: SolveOptions = {}): Outcome<Labelling> => {
  const work = groundedStart(framework)
  const result = completeToPreferred(framework, work, options, enumerationLimit(options))
  return result.decided ? decided(closeOpen(work.labels)) : stopped
}

const completeToPreferred = (
  framework: Framework,
  work: Work,
  options: SolveOptions,
  smallRegion: number
): Outcome<true> => {
  const labels = work.labels
  let anyOpen = false
  for (let x = 0; x < labels.length; x++)
    if (labels[x] === OPEN) {
      anyOpen = true
      break
    }
  if (!anyOpen) return decided(true)
  const components = stronglyConnectedComponents(framework)
  const localOf = new Int32Array(framework.size).fill(-1)
  const scratch: Array<number> = []
  for (let c = 0; c < components.count; c++) {
    scratch.length = 0
    const end = components.start[c + 1]!
    for (let k = components.start[c]!; k < end; k++) {
      const x = components.members[k]!
      if (labels[x] === OPEN) scratch.push(x)
    }
    if (scratch.length === 0) continue
    if (scratch.length === 1) {
      // Still open after propagation: it attacks itself or has an UNDEC attacker, so UNDEC.
      labels[scratch[0]!] = Label.Undec
      continue
    }
    const region = makeRegion(framework, labels, Int32Array.from(scratch), localOf)
    if (scratch.length <= smallRegion) {
      const local = smallRegionPreferred(framework, region)
      releaseRegion(region)
      settle(framework, work, region.members, local)
      continue
    }
    // Many quick searches never reach the solver's own polling interval: poll per component.
    if (options.shouldStop?.() === true) return stopped
    const solver = completeEncoding(framework, region)
    const first = solver.solve([], options.shouldStop)
    if (first === SatResult.Stopped) return stopped
    if (first === SatResult.Unsat) throw new Error("internal error: a component has no complete labelling")
    const best = maximise(solver, region, options)
    releaseRegion(region)
    if (!best.decided) return stopped
    settle(framework, work, region.members, best.value)
  }
  return decided(true)
}

/** The grounded labelling with OPEN for its UNDEC arguments (shared first step of every task). */
/** A stable labelling, `null` when the framework has none. */
export const stableLabelling = (
  framework: Framework,
  options: SolveOptions = {}
): Outcome<Labelling | null> => {
  const work = groundedStart(framework)
  return stableSearch(framework, work, [], options)
}

/**
 * Stable labellings after grounded propagation, one weakly connected part of the open
 * arguments at a time: a stable extension is a union of stable extensions of the parts, so
 * a framework of many small parts never becomes one large search, and the first part
 * without a stable extension settles the answer. Tiny parts are enumerated.
 */
const stableSearch = (
  framework: Framework,
  work: Work,
  assumptionsFor: ReadonlyArray<readonly [number, boolean]>,
  options: SolveOptions
): Outcome<Labelling | null> => {
  const labels = work.labels
  for (const [x, value] of assumptionsFor) {
    if (labels[x] !== OPEN && (labels[x] === Label.In) !== value) return decided(null)
  }
  const members = openMembers(labels)
  if (members.length === 0) return decided(labels.slice())
  const parts = weakParts(framework, labels, members)
  const result = labels.slice()
  const localOf = new Int32Array(framework.size).fill(-1)
  const wanted = new Map<number, boolean>()
  for (const [x, value] of assumptionsFor) if (labels[x] === OPEN) wanted.set(x, value)
  // Parts holding an assumption first: they are the likeliest to have no stable labelling.
  const order = Array.from({ length: parts.count }, (_, c) => c)
  const hasAssumption = new Uint8Array(parts.count)
  for (const x of wanted.keys()) hasAssumption[parts.of[x]!] = 1
  order.sort((a, b) => hasAssumption[b]! - hasAssumption[a]! || a - b)
  for (const c of order) {
    const part = parts.members.subarray(parts.start[c]!, parts.start[c + 1]!)
    const region = makeRegion(framework, labels, part, localOf)
    const local =
      part.length <= enumerationLimit(options) ? smallRegionStable(framework, region, wanted) : undefined
    let found: Uint8Array | null
    if (local !== undefined) found = local
    else {
      if (options.shouldStop?.() === true) return stopped
      const solver = stableEncoding(framework, region)
      const assumptions: Array<number> = []
      for (const [x, value] of wanted) {
        const i = localOf[x]!
        if (i >= 0) assumptions.push(value ? positive(i) : negative(i))
      }
      const answer = solver.solve(assumptions, options.shouldStop)
      if (answer === SatResult.Stopped) return stopped
      found = null
      if (answer === SatResult.Sat) {
        found = new Uint8Array(part.length)
        for (let i = 0; i < part.length; i++) found[i] = solver.modelValue(i) ? Label.In : Label.Out
      }
    }
    releaseRegion(region)
    if (found === null) return decided(null)
    for (let i = 0; i < part.length; i++) result[part[i]!] = found[i]!
  }
  return decided(result)
}

/** Weakly connected parts of the open arguments (union-find over attacks between them). */
const weakParts = (
  framework: Framework,
  labels: Uint8Array,
  members: Int32Array
): { count: number; of: Int32Array; start: Int32Array; members: Int32Array } => {
  const n = framework.size
  const index = new Int32Array(n).fill(-1)
  for (let i = 0; i < members.length; i++) index[members[i]!] = i
  const parent = new Int32Array(members.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root]!
    while (parent[i] !== root) {
      const next = parent[i]!
      parent[i] = root
      i = next
    }
    return root
  }
  const { attackersStart, attackers } = framework
  for (let i = 0; i < members.length; i++) {
    const x = members[i]!
    const end = attackersStart[x + 1]!
    for (let k = attackersStart[x]!; k < end; k++) {
      const y = attackers[k]!
      if (labels[y] !== OPEN) continue
      const a = find(i)
      const b = find(index[y]!)
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    }
  }
  // Number parts by their smallest member, so the numbering depends on arguments only.
  const partOfRoot = new Int32Array(members.length).fill(-1)
  const of = new Int32Array(n).fill(-1)
  let count = 0
  const sizes: Array<number> = []
  for (let i = 0; i < members.length; i++) {
    const root = find(i)
    if (partOfRoot[root] === -1) {
      partOfRoot[root] = count++
      sizes.push(0)
    }
    const c = partOfRoot[root]!
    of[members[i]!] = c
    sizes[c]!++
  }
  const start = new Int32Array(count + 1)
  for (let c = 0; c < count; c++) start[c + 1] = start[c]! + sizes[c]!
  const fill = start.slice(0, count)
  const grouped = new Int32Array(members.length)
  for (let i = 0; i < members.length; i++) grouped[fill[of[members[i]!]!]!++] = members[i]!
  return { count, of, start, members: grouped }
}

/**
 * A stable labelling of a tiny part by trying every subset in a fixed order, honouring the
 * wanted labels; null when there is none.
 */
const smallRegionStable = (
  framework: Framework,
  region: Region,
  wanted: ReadonlyMap<number, boolean>
): Uint8Array | null => {
  const { members, localOf } = region
  const k = members.length
  const attacksMask = new Int32Array(k)
  for (let i = 0; i < k; i++) {
    const x = members[i]!
    const end = framework.attackersStart[x + 1]!
    for (let e = framework.attackersStart[x]!; e < end; e++) {
      const j = localOf[framework.attackers[e]!]!
      if (j >= 0) attacksMask[j] = attacksMask[j]! | (1 << i)
    }
  }
  let mustIn = 0
  let mustOut = 0
  for (const [x, value] of wanted) {
    const i = localOf[x]!
    if (i < 0) continue
    if (value) mustIn |= 1 << i
    else mustOut |= 1 << i
  }
  const all = (1 << k) - 1
  for (let set = 0; set <= all; set++) {
    if ((set & mustIn) !== mustIn || (set & mustOut) !== 0) continue
    let hit = 0
    for (let i = 0; i < k; i++) if ((set >> i) & 1) hit |= attacksMask[i]!
    if ((hit & set) !== 0 || (hit | set) !== all) continue
    const local = new Uint8Array(k)
    for (let i = 0; i < k; i++) local[i] = (set >> i) & 1 ? Label.In : Label.Out
    return local
  }
  return null
}

/** Turns a complete labelling of an unattacked region into a complete labelling of the whole framework. */
const extendComplete = (framework: Framework, work: Work, region: Region, local: Uint8Array): Uint8Array => {
  const extended = copyWork(work)
  settle(framework, extended, region.members, local)
  return closeOpen(extended.labels)
}

/** The smallest preferred extension containing the IN part of a complete labelling (found by search). */
const preferredAbove = (
  framework: Framework,
  completeLabels: Uint8Array,
  options: SolveOptions
): Outcome<Int32Array> => {
  const work = groundedStart(framework)
  const members = openMembers(work.labels)
  const localOf = new Int32Array(framework.size).fill(-1)
  const region = makeRegion(framework, work.labels, members, localOf)
  const solver = completeEncoding(framework, region)
  const assumptions: Array<number> = []
  for (let i = 0; i < members.length; i++) {
    if (completeLabels[members[i]!] === Label.In) assumptions.push(positive(inVariable(i)))
  }
  const first = solver.solve(assumptions, options.shouldStop)
  if (first === SatResult.Stopped) return stopped
  if (first === SatResult.Unsat)
    throw new Error("internal error: a complete extension has no preferred superset")
  const best = maximise(solver, region, options)
  if (!best.decided) return stopped
  settle(framework, work, members, best.value)
  return decided(extensionOf(closeOpen(work.labels)))
}

const checkArgument = (framework: Framework, argument: number): void => {
  if (!Number.isInteger(argument) || argument < 0 || argument >= framework.size) {
    throw new RangeError(
      `argument ${argument} is not in the framework (arguments are 0..${framework.size - 1})`
    )
  }
}

/**
 * One extension of the semantics, arguments in increasing order; `null` only for stable
 * semantics when there is no stable extension. Grounded and complete (the grounded extension
 * is complete) are linear; preferred and stable search.
 */
export const someExtension = (
  framework: Framework,
  semantics: Semantics,
  options: SolveOptions = {}
): Outcome<Int32Array | null> => {
  switch (semantics) {
    case "grounded":
    case "complete":
      return decided(extensionOf(closeOpen(groundedStart(framework).labels)))
    case "preferred": {
      const result = preferredLabelling(framework, options)
      return result.decided ? decided(extensionOf(result.value)) : stopped
    }
    case "stable": {
      const result = stableLabelling(framework, options)
      return result.decided ? decided(result.value === null ? null : extensionOf(result.value)) : stopped
    }
  }
}

/**
 * Credulous acceptance: is `argument` in at least one extension? For complete and preferred
 * (the same question: an argument in an admissible set is in a preferred one) only the
 * arguments from which `argument` can be reached are searched.
 */
export const credulouslyAccepted = (
  framework: Framework,
  semantics: Semantics,
  argument: number,
  options: SolveOptions = {}
): Outcome<Acceptance> => {
  checkArgument(framework, argument)
  const work = groundedStart(framework)
  const label = work.labels[argument]!
  if (semantics === "grounded") {
    return decided(
      withWitness(label === Label.In, options, () => extensionOf(closeOpen(work.labels.slice())))
    )
  }
  if (semantics === "stable") {
    if (label === Label.Out) return decided({ accepted: false })
    const result = stableSearch(framework, work, [[argument, true]], options)
    if (!result.decided) return stopped
    return decided(withWitness(result.value !== null, options, () => extensionOf(result.value!)))
  }
  if (label === Label.In) {
    if (semantics === "complete" || options.certificate !== true) {
      return decided(withWitness(true, options, () => extensionOf(closeOpen(work.labels.slice()))))
    }
    const preferred = preferredLabelling(framework, options)
    return preferred.decided ? decided({ accepted: true, witness: extensionOf(preferred.value) }) : stopped
  }
  if (label === Label.Out) return decided({ accepted: false })
  const mask = ancestorMask(framework, [argument])
  const members = openMembers(work.labels, mask)
  const localOf = new Int32Array(framework.size).fill(-1)
  const region = makeRegion(framework, work.labels, members, localOf)
  const solver = completeEncoding(framework, region)
  const result = solver.solve([positive(inVariable(localOf[argument]!))], options.shouldStop)
  if (result === SatResult.Stopped) return stopped
  if (result === SatResult.Unsat) return decided({ accepted: false })
  if (options.certificate !== true) return decided({ accepted: true })
  const complete = extendComplete(framework, work, region, completeModel(solver, members.length))
  if (semantics === "complete") return decided({ accepted: true, witness: extensionOf(complete) })
  const preferred = preferredAbove(framework, complete, options)
  return preferred.decided ? decided({ accepted: true, witness: preferred.value }) : stopped
}

const withWitness = (accepted: boolean, options: SolveOptions, witness: () => Int32Array): Acceptance =>
  accepted && options.certificate === true ? { accepted, witness: witness() } : { accepted }

const againstWitness = (accepted: boolean, options: SolveOptions, witness: () => Int32Array): Acceptance =>
  !accepted && options.certificate === true ? { accepted, witness: witness() } : { accepted }

/**
 * Sceptical acceptance: is `argument` in every extension? Complete: exactly the grounded
 * extension. Stable: vacuously yes when there is no stable extension. Preferred (Π2-hard):
 * a counterexample-guided loop over the ancestors of `argument`: find a complete extension
 * without it, grow it to a preferred one; if that one still lacks the argument the answer is
 * no, otherwise forbid every subset of that preferred extension and search again.
 */
export const scepticallyAccepted = (
  framework: Framework,
  semantics: Semantics,
  argument: number,
  options: SolveOptions = {}
): Outcome<Acceptance> => {
  checkArgument(framework, argument)
  const work = groundedStart(framework)
  const label = work.labels[argument]!
  if (semantics === "grounded" || semantics === "complete") {
    return decided(
      againstWitness(label === Label.In, options, () => extensionOf(closeOpen(work.labels.slice())))
    )
  }
  if (semantics === "stable") {
    if (label === Label.In) return decided({ accepted: true })
    const result = stableSearch(framework, work, label === Label.Out ? [] : [[argument, false]], options)
    if (!result.decided) return stopped
    return decided(againstWitness(result.value === null, options, () => extensionOf(result.value!)))
  }
  if (label === Label.In) return decided({ accepted: true })
  if (label === Label.Out) {
    if (options.certificate !== true) return decided({ accepted: false })
    const preferred = preferredLabelling(framework, options)
    return preferred.decided ? decided({ accepted: false, witness: extensionOf(preferred.value) }) : stopped
  }
  const mask = ancestorMask(framework, [argument])
  const members = openMembers(work.labels, mask)
  const localOf = new Int32Array(framework.size).fill(-1)
  const region = makeRegion(framework, work.labels, members, localOf)
  const target = localOf[argument]!
  const main = completeEncoding(framework, region)
  const counterexample = (local: Uint8Array): Outcome<Acceptance> => {
    if (options.certificate !== true) return decided({ accepted: false })
    const preferred = preferredAbove(framework, extendComplete(framework, work, region, local), options)
    return preferred.decided ? decided({ accepted: false, witness: preferred.value }) : stopped
  }
  // A complete labelling with the argument OUT grows into a preferred one that still rejects it.
  const outFirst = main.solve([positive(outVariable(target))], options.shouldStop)
  if (outFirst === SatResult.Stopped) return stopped
  if (outFirst === SatResult.Sat) return counterexample(completeModel(main, members.length))
  main.addClause([negative(inVariable(target))])
  const checker = completeEncoding(framework, region)
  const assumptions: Array<number> = []
  const blocking: Array<number> = []
  for (;;) {
    if (options.shouldStop?.() === true) return stopped
    const found = main.solve([], options.shouldStop)
    if (found === SatResult.Stopped) return stopped
    if (found === SatResult.Unsat) return decided({ accepted: true })
    const seed = completeModel(main, members.length)
    assumptions.length = 0
    for (let i = 0; i < members.length; i++)
      if (seed[i] === Label.In) assumptions.push(positive(inVariable(i)))
    const grown = checker.solve(assumptions, options.shouldStop)
    if (grown === SatResult.Stopped) return stopped
    if (grown === SatResult.Unsat) throw new Error("internal error: a complete labelling vanished")
    const best = maximise(checker, region, options)
    if (!best.decided) return stopped
    const preferred = best.value
    if (preferred[target] !== Label.In) return counterexample(preferred)
    blocking.length = 0
    for (let i = 0; i < members.length; i++) {
      if (preferred[i] !== Label.In && region.blocked[i] === 0) blocking.push(positive(inVariable(i)))
    }
    if (!main.addClause(blocking)) return decided({ accepted: true })
  }
}

/**
 * A labelling to explain answers under `semantics`: the grounded labelling for grounded and
 * complete (the least complete labelling, the one every complete labelling extends), one
 * preferred labelling, or one stable labelling (null when there is none).
 */
export const labellingFor = (
  framework: Framework,
  semantics: Semantics,
  options: SolveOptions = {}
): Outcome<Labelling | null> => {
  switch (semantics) {
    case "grounded":
    case "complete":
      return decided(closeOpen(groundedStart(framework).labels))
    case "preferred":
      return preferredLabelling(framework, options)
    case "stable":
      return stableLabelling(framework, options)
  }
}

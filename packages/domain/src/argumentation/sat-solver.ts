/**
 * A small conflict-driven clause-learning (CDCL) SAT solver: two watched literals with a
 * separate binary-implication index, 1UIP learning with clause minimisation, VSIDS, phase
 * saving, Luby restarts, LBD-based clause deletion, and solving under assumptions.
 *
 * It is here rather than a registry package because the NP-hard argumentation tasks must
 * stop cleanly at a deadline that the caller decides (`shouldStop`, polled every few hundred
 * conflicts), must be deterministic (no randomness: the same clauses give the same model),
 * and must stay pure TypeScript with no clock. Literals: variable v (0-based) is `2v` when
 * positive and `2v + 1` when negated.
 */

export const SatResult = {
  Unsat: 0,
  Sat: 1,
  Stopped: 2
} as const
export type SatResult = (typeof SatResult)[keyof typeof SatResult]

export const positive = (v: number): number => v << 1
export const negative = (v: number): number => (v << 1) | 1

const HEADER = 3 // size, flags, lbd
const LEARNT = 1
const DELETED = 2
const NO_REASON = -1

const luby = (y: number, x: number): number => {
  let size = 1
  let seq = 0
  while (size < x + 1) {
    seq++
    size = 2 * size + 1
  }
  while (size - 1 !== x) {
    size = (size - 1) >> 1
    seq--
    x = x % size
  }
  return y ** seq
}

export class SatSolver {
  private varCount = 0
  private capacity = 0
  private values = new Int8Array(0) // per literal: 1 true, -1 false, 0 unassigned
  private levels = new Int32Array(0)
  private reasons = new Int32Array(0) // clause ref, NO_REASON, or -2 - otherLiteral for binaries
  private trail = new Int32Array(0)
  private trailSize = 0
  private trailLimits: Array<number> = []
  private propagateHead = 0
  private activity = new Float64Array(0)
  private activityIncrement = 1
  private heap = new Int32Array(0)
  private heapSize = 0
  private heapIndex = new Int32Array(0)
  private phase = new Uint8Array(0) // 1 = try positive first
  private seen = new Uint8Array(0)
  private levelStamp = new Int32Array(0)
  private stamp = 0
  private watches: Array<Array<number>> = [] // per literal: [clauseRef, blocker, ...], visited when the literal becomes false
  private binaries: Array<Array<number>> = [] // per literal l: literals implied when l becomes false
  private arena = new Int32Array(256)
  private arenaSize = 0
  private wasted = 0
  private learnts: Array<number> = []
  private inconsistent = false
  private conflictA = 0
  private conflictB = 0
  private conflicts = 0
  private nextReduce = 4000
  private reduceCount = 0
  private model = new Int8Array(0)

  constructor(variables = 0) {
    this.reserve(variables)
    for (let i = 0; i < variables; i++) this.newVariable()
  }

  get variables(): number {
    return this.varCount
  }

  get conflictCount(): number {
    return this.conflicts
  }

  private reserve(wanted: number): void {
    if (wanted <= this.capacity) return
    const cap = Math.max(wanted, this.capacity * 2, 16)
    const grow8 = (a: Int8Array, n: number) => {
      const b = new Int8Array(n)
      b.set(a)
      return b
    }
    const growU8 = (a: Uint8Array, n: number) => {
      const b = new Uint8Array(n)
      b.set(a)
      return b
    }
    const grow32 = (a: Int32Array, n: number) => {
      const b = new Int32Array(n)
      b.set(a)
      return b
    }
    this.values = grow8(this.values, 2 * cap)
    this.levels = grow32(this.levels, cap)
    this.reasons = grow32(this.reasons, cap)
    this.trail = grow32(this.trail, cap)
    const act = new Float64Array(cap)
    act.set(this.activity)
    this.activity = act
    this.heap = grow32(this.heap, cap)
    this.heapIndex = grow32(this.heapIndex, cap)
    this.phase = growU8(this.phase, cap)
    this.seen = growU8(this.seen, cap)
    this.levelStamp = grow32(this.levelStamp, cap + 1)
    this.model = grow8(this.model, cap)
    this.capacity = cap
  }

  /** Adds a variable and returns its number. */
  newVariable(preferTrue = false): number {
    const v = this.varCount
    this.reserve(v + 1)
    this.varCount++
    this.values[2 * v] = 0
    this.values[2 * v + 1] = 0
    this.reasons[v] = NO_REASON
    this.activity[v] = 0
    this.phase[v] = preferTrue ? 1 : 0
    this.heapIndex[v] = -1
    this.watches.push([], [])
    this.binaries.push([], [])
    this.heapInsert(v)
    return v
  }

  /** Which value to try first when the solver decides on `v`. */
  setPreferredValue(v: number, value: boolean): void {
    this.phase[v] = value ? 1 : 0
  }

  /** Value of variable `v` in the last model found. */
  modelValue(v: number): boolean {
    return this.model[v] === 1
  }

  /** Adds a clause (a disjunction of literals). Returns false if the formula became unsatisfiable. */
  addClause(literals: ArrayLike<number>): boolean {
    if (this.inconsistent) return false
    this.cancelUntil(0)
    const lits: Array<number> = []
    for (let i = 0; i < literals.length; i++) {
      const l = literals[i]!
      const value = this.values[l]!
      if (value === 1) return true
      if (value === -1) continue
      if (lits.includes(l)) continue
      if (lits.includes(l ^ 1)) return true
      lits.push(l)
    }
    if (lits.length === 0) {
      this.inconsistent = true
      return false
    }
    if (lits.length === 1) {
      this.enqueue(lits[0]!, NO_REASON)
      if (this.propagate() !== NO_REASON) this.inconsistent = true
      return !this.inconsistent
    }
    this.attach(lits, false, 0)
    return true
  }

  private attach(lits: ReadonlyArray<number>, learnt: boolean, lbd: number): number {
    if (lits.length === 2) {
      const a = lits[0]!
      const b = lits[1]!
      this.binaries[a]!.push(b)
      this.binaries[b]!.push(a)
      return -1
    }
    const need = this.arenaSize + HEADER + lits.length
    if (need > this.arena.length) {
      const bigger = new Int32Array(Math.max(need, this.arena.length * 2))
      bigger.set(this.arena.subarray(0, this.arenaSize))
      this.arena = bigger
    }
    const ref = this.arenaSize
    const arena = this.arena
    arena[ref] = lits.length
    arena[ref + 1] = learnt ? LEARNT : 0
    arena[ref + 2] = lbd
    for (let i = 0; i < lits.length; i++) arena[ref + HEADER + i] = lits[i]!
    this.arenaSize = need
    this.watches[lits[0]!]!.push(ref, lits[1]!)
    this.watches[lits[1]!]!.push(ref, lits[0]!)
    if (learnt) this.learnts.push(ref)
    return ref
  }

  private enqueue(lit: number, reason: number): void {
    const v = lit >> 1
    this.values[lit] = 1
    this.values[lit ^ 1] = -1
    this.levels[v] = this.trailLimits.length
    this.reasons[v] = reason
    this.trail[this.trailSize++] = lit
  }

  /** Unit propagation; returns a conflicting clause ref, -2 for a binary conflict, or NO_REASON. */
  private propagate(): number {
    const values = this.values
    const arena = this.arena
    while (this.propagateHead < this.trailSize) {
      const p = this.trail[this.propagateHead++]!
      const falseLit = p ^ 1
      const bins = this.binaries[falseLit]!
      for (let i = 0; i < bins.length; i++) {
        const q = bins[i]!
        const vq = values[q]!
        if (vq === 1) continue
        if (vq === -1) {
          this.conflictA = falseLit
          this.conflictB = q
          this.propagateHead = this.trailSize
          return -2
        }
        this.enqueue(q, -2 - falseLit)
      }
      const ws = this.watches[falseLit]!
      let i = 0
      let j = 0
      const n = ws.length
      while (i < n) {
        const ref = ws[i]!
        const blocker = ws[i + 1]!
        i += 2
        if (values[blocker] === 1) {
          ws[j++] = ref
          ws[j++] = blocker
          continue
        }
        if ((arena[ref + 1]! & DELETED) !== 0) continue
        const base = ref + HEADER
        let first = arena[base]!
        if (first === falseLit) {
          first = arena[base + 1]!
          arena[base] = first
          arena[base + 1] = falseLit
        }
        if (first !== blocker && values[first] === 1) {
          ws[j++] = ref
          ws[j++] = first
          continue
        }
        const size = arena[ref]!
        let moved = false
        for (let k = 2; k < size; k++) {
          const lk = arena[base + k]!
          if (values[lk] !== -1) {
            arena[base + 1] = lk
            arena[base + k] = falseLit
            this.watches[lk]!.push(ref, first)
            moved = true
            break
          }
        }
        if (moved) continue
        ws[j++] = ref
        ws[j++] = first
        if (values[first] === -1) {
          while (i < n) ws[j++] = ws[i++]!
          ws.length = j
          this.propagateHead = this.trailSize
          return ref
        }
        this.enqueue(first, ref)
      }
      ws.length = j
    }
    return NO_REASON
  }

  private cancelUntil(level: number): void {
    if (this.trailLimits.length <= level) return
    const stop = this.trailLimits[level]!
    for (let i = this.trailSize - 1; i >= stop; i--) {
      const lit = this.trail[i]!
      const v = lit >> 1
      this.values[lit] = 0
      this.values[lit ^ 1] = 0
      this.reasons[v] = NO_REASON
      this.phase[v] = (lit & 1) === 0 ? 1 : 0
      if (this.heapIndex[v] === -1) this.heapInsert(v)
    }
    this.trailSize = stop
    this.propagateHead = stop
    this.trailLimits.length = level
  }

  // --- VSIDS heap (max-heap on activity) ---
  private heapLess(a: number, b: number): boolean {
    const x = this.activity[a]!
    const y = this.activity[b]!
    return x > y || (x === y && a < b)
  }

  private heapUp(pos: number): void {
    const heap = this.heap
    const v = heap[pos]!
    while (pos > 0) {
      const parent = (pos - 1) >> 1
      const pv = heap[parent]!
      if (!this.heapLess(v, pv)) break
      heap[pos] = pv
      this.heapIndex[pv] = pos
      pos = parent
    }
    heap[pos] = v
    this.heapIndex[v] = pos
  }

  private heapDown(pos: number): void {
    const heap = this.heap
    const v = heap[pos]!
    const size = this.heapSize
    for (;;) {
      let child = 2 * pos + 1
      if (child >= size) break
      if (child + 1 < size && this.heapLess(heap[child + 1]!, heap[child]!)) child++
      const cv = heap[child]!
      if (!this.heapLess(cv, v)) break
      heap[pos] = cv
      this.heapIndex[cv] = pos
      pos = child
    }
    heap[pos] = v
    this.heapIndex[v] = pos
  }

  private heapInsert(v: number): void {
    this.heap[this.heapSize] = v
    this.heapIndex[v] = this.heapSize
    this.heapSize++
    this.heapUp(this.heapSize - 1)
  }

  private heapPop(): number {
    const top = this.heap[0]!
    this.heapSize--
    this.heapIndex[top] = -1
    if (this.heapSize > 0) {
      this.heap[0] = this.heap[this.heapSize]!
      this.heapDown(0)
    }
    return top
  }

  private bump(v: number): void {
    const act = this.activity[v]! + this.activityIncrement
    this.activity[v] = act
    if (act > 1e100) {
      for (let i = 0; i < this.varCount; i++) this.activity[i]! *= 1e-100
      this.activityIncrement *= 1e-100
    }
    const pos = this.heapIndex[v]!
    if (pos !== -1) this.heapUp(pos)
  }

  // --- conflict analysis ---
  private readonly learnt: Array<number> = []

  /** Builds the 1UIP clause into `this.learnt` (asserting literal first); returns the backjump level. */
  private analyze(conflict: number): number {
    const learnt = this.learnt
    learnt.length = 0
    learnt.push(0)
    const seen = this.seen
    this.analyzeLevel = this.trailLimits.length
    this.pathCount = 0
    let p = -1
    let index = this.trailSize - 1
    let reason = conflict
    for (;;) {
      if (p === -1) {
        if (conflict === -2) {
          this.visit(this.conflictA)
          this.visit(this.conflictB)
        } else {
          this.visitClause(conflict, 0)
        }
      } else if (reason >= 0) {
        this.visitClause(reason, 1)
      } else {
        // Binary reason: the other literal of (p ∨ other).
        this.visit(-2 - reason)
      }
      while (seen[this.trail[index]! >> 1] === 0) index--
      p = this.trail[index]!
      index--
      const v = p >> 1
      reason = this.reasons[v]!
      seen[v] = 0
      this.pathCount--
      if (this.pathCount <= 0) break
    }
    learnt[0] = p ^ 1
    // Minimisation: drop literals whose reason is made only of literals already in the clause.
    const drop = this.dropMarks
    drop.length = 0
    let abstractLevels = 0
    for (let i = 1; i < learnt.length; i++) abstractLevels |= 1 << (this.levels[learnt[i]! >> 1]! & 31)
    const toClear = this.toClear
    toClear.length = 0
    for (let i = 1; i < learnt.length; i++) drop.push(this.redundant(learnt[i]!, abstractLevels))
    for (let i = 1; i < learnt.length; i++) seen[learnt[i]! >> 1] = 0
    for (let i = 0; i < toClear.length; i++) seen[toClear[i]! >> 1] = 0
    let write = 1
    for (let i = 1; i < learnt.length; i++) if (!drop[i - 1]) learnt[write++] = learnt[i]!
    learnt.length = write
    if (write === 1) return 0
    let maxIndex = 1
    for (let i = 2; i < write; i++) {
      if (this.levels[learnt[i]! >> 1]! > this.levels[learnt[maxIndex]! >> 1]!) maxIndex = i
    }
    const swap = learnt[1]!
    learnt[1] = learnt[maxIndex]!
    learnt[maxIndex] = swap
    return this.levels[learnt[1]! >> 1]!
  }

  private readonly dropMarks: Array<boolean> = []
  private analyzeLevel = 0
  private pathCount = 0

  private visit(q: number): void {
    const v = q >> 1
    if (this.seen[v] === 0 && this.levels[v]! > 0) {
      this.bump(v)
      this.seen[v] = 1
      if (this.levels[v]! >= this.analyzeLevel) this.pathCount++
      else this.learnt.push(q)
    }
  }

  private visitClause(ref: number, from: number): void {
    const size = this.arena[ref]!
    const base = ref + HEADER
    if ((this.arena[ref + 1]! & LEARNT) !== 0) this.bumpLbd(ref)
    for (let k = from; k < size; k++) this.visit(this.arena[base + k]!)
  }

  private readonly toClear: Array<number> = []
  private readonly redundantStack: Array<number> = []

  /**
   * Whether learnt literal q is implied by the other literals of the clause (recursive
   * minimisation, as in MiniSat): every path back through reasons ends in literals of the
   * clause or of level 0. Literals proven redundant stay marked in `seen` (listed in toClear).
   */
  private redundant(q: number, abstractLevels: number): boolean {
    if (this.reasons[q >> 1] === NO_REASON) return false
    const seen = this.seen
    const stack = this.redundantStack
    const toClear = this.toClear
    const top = toClear.length
    stack.length = 0
    stack.push(q)
    while (stack.length > 0) {
      const reason = this.reasons[stack.pop()! >> 1]!
      const count = reason <= -2 ? 1 : this.arena[reason]! - 1
      for (let k = 0; k < count; k++) {
        const l = reason <= -2 ? -2 - reason : this.arena[reason + HEADER + 1 + k]!
        const v = l >> 1
        if (seen[v] === 1 || this.levels[v] === 0) continue
        if (this.reasons[v] !== NO_REASON && ((1 << (this.levels[v]! & 31)) & abstractLevels) !== 0) {
          seen[v] = 1
          stack.push(l)
          toClear.push(l)
          continue
        }
        for (let j = top; j < toClear.length; j++) seen[toClear[j]! >> 1] = 0
        toClear.length = top
        return false
      }
    }
    return true
  }

  private computeLbd(lits: ArrayLike<number>, size: number): number {
    this.stamp++
    let lbd = 0
    for (let i = 0; i < size; i++) {
      const lv = this.levels[lits[i]! >> 1]!
      if (this.levelStamp[lv] !== this.stamp) {
        this.levelStamp[lv] = this.stamp
        lbd++
      }
    }
    return lbd
  }

  private bumpLbd(ref: number): void {
    const old = this.arena[ref + 2]!
    if (old <= 2) return
    const lbd = this.computeLbd(
      this.arena.subarray(ref + HEADER, ref + HEADER + this.arena[ref]!),
      this.arena[ref]!
    )
    if (lbd < old) this.arena[ref + 2] = lbd
  }

  private locked(ref: number): boolean {
    const first = this.arena[ref + HEADER]!
    return this.values[first] === 1 && this.reasons[first >> 1] === ref
  }

  private reduceLearnts(): void {
    const arena = this.arena
    const candidates = this.learnts.filter((ref) => (arena[ref + 1]! & DELETED) === 0)
    // Keep glue clauses (LBD ≤ 2) and the better half of the rest; newer first among equals.
    const order = candidates
      .map((ref, i) => ({ ref, i, lbd: arena[ref + 2]! }))
      .sort((a, b) => a.lbd - b.lbd || b.i - a.i)
    const keep: Array<number> = []
    const limit = order.length >> 1
    for (let k = 0; k < order.length; k++) {
      const { ref, lbd } = order[k]!
      if (k < limit || lbd <= 2 || this.locked(ref)) keep.push(ref)
      else {
        arena[ref + 1] = arena[ref + 1]! | DELETED
        this.wasted += arena[ref]! + HEADER
      }
    }
    keep.sort((a, b) => a - b)
    this.learnts = keep
  }

  /** Compacts the clause arena once half of it is deleted clauses (only at level 0). */
  private collectGarbage(): void {
    if (this.wasted * 2 < this.arenaSize || this.trailLimits.length !== 0) return
    const old = this.arena
    const fresh = new Int32Array(Math.max(256, (this.arenaSize - this.wasted) * 2))
    let size = 0
    const learnts: Array<number> = []
    for (const ws of this.watches) ws.length = 0
    for (let ref = 0; ref < this.arenaSize; ) {
      const len = old[ref]!
      const flags = old[ref + 1]!
      if ((flags & DELETED) === 0) {
        const nref = size
        for (let k = 0; k < HEADER + len; k++) fresh[nref + k] = old[ref + k]!
        size += HEADER + len
        this.watches[fresh[nref + HEADER]!]!.push(nref, fresh[nref + HEADER + 1]!)
        this.watches[fresh[nref + HEADER + 1]!]!.push(nref, fresh[nref + HEADER]!)
        if ((flags & LEARNT) !== 0) learnts.push(nref)
      }
      ref += HEADER + len
    }
    // Level-0 reasons are never read again, so they need no relocation.
    for (let i = 0; i < this.trailSize; i++) {
      const v = this.trail[i]! >> 1
      if (this.reasons[v]! >= 0) this.reasons[v] = NO_REASON
    }
    this.arena = fresh
    this.arenaSize = size
    this.wasted = 0
    this.learnts = learnts
  }

  private pickBranch(): number {
    while (this.heapSize > 0) {
      const v = this.heapPop()
      if (this.values[2 * v] === 0) return this.phase[v] === 1 ? 2 * v : 2 * v + 1
    }
    return -1
  }

  /**
   * Searches for a model in which every assumption literal holds. Returns Sat (read it with
   * `modelValue`), Unsat (no model under these assumptions), or Stopped when `shouldStop`
   * answered true; it is polled every 256 conflicts and every 4096 decisions.
   */
  solve(assumptions: ReadonlyArray<number> = [], shouldStop?: () => boolean): SatResult {
    if (this.inconsistent) return SatResult.Unsat
    this.cancelUntil(0)
    if (this.propagate() !== NO_REASON) {
      this.inconsistent = true
      return SatResult.Unsat
    }
    let restart = 0
    let decisions = 0
    for (;;) {
      const budget = luby(2, restart++) * 100
      let conflictsHere = 0
      for (;;) {
        const conflict = this.propagate()
        if (conflict !== NO_REASON) {
          this.conflicts++
          conflictsHere++
          if (this.trailLimits.length === 0) {
            this.inconsistent = true
            return SatResult.Unsat
          }
          const backLevel = this.analyze(conflict)
          this.cancelUntil(backLevel)
          const learnt = this.learnt
          if (learnt.length === 1) {
            this.enqueue(learnt[0]!, NO_REASON)
          } else {
            const lbd = this.computeLbd(learnt, learnt.length)
            const ref = this.attach(learnt, true, lbd)
            this.enqueue(learnt[0]!, ref === -1 ? -2 - learnt[1]! : ref)
          }
          this.activityIncrement /= 0.95
          if ((this.conflicts & 255) === 0 && shouldStop?.() === true) {
            this.cancelUntil(0)
            return SatResult.Stopped
          }
          continue
        }
        if (conflictsHere >= budget) {
          this.cancelUntil(0)
          this.collectGarbage()
          break
        }
        if (this.conflicts >= this.nextReduce) {
          this.reduceCount++
          this.nextReduce = this.conflicts + 4000 + 300 * this.reduceCount
          this.reduceLearnts()
        }
        let next = -1
        while (this.trailLimits.length < assumptions.length) {
          const a = assumptions[this.trailLimits.length]!
          const value = this.values[a]
          if (value === 1) {
            this.trailLimits.push(this.trailSize)
          } else if (value === -1) {
            this.cancelUntil(0)
            return SatResult.Unsat
          } else {
            next = a
            break
          }
        }
        if (next === -1) {
          next = this.pickBranch()
          if (next === -1) {
            for (let v = 0; v < this.varCount; v++) this.model[v] = this.values[2 * v]!
            this.cancelUntil(0)
            return SatResult.Sat
          }
          if ((++decisions & 4095) === 0 && shouldStop?.() === true) {
            this.cancelUntil(0)
            return SatResult.Stopped
          }
        }
        this.trailLimits.push(this.trailSize)
        this.enqueue(next, NO_REASON)
      }
    }
  }
}

import { type Framework, makeFramework } from "./framework.ts"
import { Label, type Labelling } from "./label.ts"

/**
 * A framework that changes a little at a time, with its grounded labelling kept up to date.
 *
 * The grounded label of an argument depends only on the arguments from which it can be
 * reached. So after a change only the downstream closure of the changed arguments (the
 * targets of added or removed attacks, and new arguments) is labelled again, with the labels
 * around it held fixed; the rest is not touched. Changes are collected and applied together
 * on the next read of the labels (or an explicit `update()`).
 *
 * Argument indices are never reused. Retracting an argument removes every attack it makes or
 * receives; it stays in the framework as an isolated argument (IN, as any unattacked
 * argument), and `isRetracted` tells it apart.
 */
export class IncrementalGrounded {
  private count = 0
  private attackersOf: Array<Array<number>> = []
  private attackedOf: Array<Array<number>> = []
  private labelStore = new Uint8Array(16)
  private retracted = new Set<number>()
  private dirty: Array<number> = []
  private lastRelabelled = 0
  private region: ReadonlyArray<number> = []
  private attacks = 0
  /**
   * Since a clone was taken (or this is one), the rows it shares with the other, by argument (1: shared):
   * a shared row is copied before it changes, so that a clone costs a copy of the row lists alone.
   */
  private sharedAttackers: Uint8Array | undefined
  private sharedAttacked: Uint8Array | undefined

  constructor(size = 0) {
    this.addArguments(size)
  }

  /**
   * Starts from an existing framework (its attacks are copied). Given its grounded labelling (as
   * `groundedLabelling` gives it), takes that as the current one instead of labelling every argument again.
   */
  static fromFramework(framework: Framework, grounded?: Labelling): IncrementalGrounded {
    const inc = new IncrementalGrounded(framework.size)
    if (grounded !== undefined) {
      if (grounded.length !== framework.size)
        throw new RangeError(`a labelling of ${grounded.length} arguments given for ${framework.size}`)
      inc.labelStore.set(grounded)
      inc.dirty = []
    }
    for (let x = 0; x < framework.size; x++) {
      const end = framework.attackersStart[x + 1]!
      const row = inc.attackersOf[x]!
      for (let i = framework.attackersStart[x]!; i < end; i++) {
        const y = framework.attackers[i]!
        row.push(y)
        inc.attackedOf[y]!.push(x)
      }
    }
    inc.attacks = framework.attackCount
    return inc
  }

  /** A copy of this framework and its labelling, with its pending changes: each changes apart from the other. */
  clone(): IncrementalGrounded {
    const copy = new IncrementalGrounded()
    copy.count = this.count
    copy.attackersOf = this.attackersOf.slice()
    copy.attackedOf = this.attackedOf.slice()
    this.sharedAttackers = new Uint8Array(this.count).fill(1)
    this.sharedAttacked = new Uint8Array(this.count).fill(1)
    copy.sharedAttackers = this.sharedAttackers.slice()
    copy.sharedAttacked = this.sharedAttacked.slice()
    copy.labelStore = this.labelStore.slice()
    copy.retracted = new Set(this.retracted)
    copy.dirty = this.dirty.slice()
    copy.lastRelabelled = this.lastRelabelled
    copy.region = this.region
    copy.attacks = this.attacks
    return copy
  }

  get size(): number {
    return this.count
  }

  /** How many arguments the last update with pending changes labelled again (the affected region). */
  get relabelledByLastUpdate(): number {
    return this.lastRelabelled
  }

  /** The arguments the last update with pending changes labelled again (the downstream closure of the changes). */
  get lastRegion(): ReadonlyArray<number> {
    return this.region
  }

  /** Who attacks `x` (a live view: do not keep it across changes). */
  attackersOfArgument(x: number): ReadonlyArray<number> {
    this.check(x)
    return this.attackersOf[x]!
  }

  /** Whom `x` attacks (a live view: do not keep it across changes). */
  attackedByArgument(x: number): ReadonlyArray<number> {
    this.check(x)
    return this.attackedOf[x]!
  }

  /** How many attacks the framework holds. */
  get attackCount(): number {
    return this.attacks
  }

  /** Adds `count` new unattacked arguments and returns the index of the first. */
  addArguments(count: number): number {
    const first = this.count
    if (first + count > this.labelStore.length) {
      const grown = new Uint8Array(Math.max(first + count, this.labelStore.length * 2))
      grown.set(this.labelStore)
      this.labelStore = grown
    }
    for (let i = 0; i < count; i++) {
      this.attackersOf.push([])
      this.attackedOf.push([])
      this.dirty.push(first + i)
    }
    this.count += count
    return first
  }

  addArgument(): number {
    return this.addArguments(1)
  }

  private check(x: number): void {
    if (!Number.isInteger(x) || x < 0 || x >= this.count) {
      throw new RangeError(`argument ${x} is not in the framework (arguments are 0..${this.count - 1})`)
    }
  }

  /** The row of `x` in `rows`, its own (copied first if shared with a clone), to change. */
  private ownRow(rows: Array<Array<number>>, shared: Uint8Array | undefined, x: number): Array<number> {
    const row = rows[x]!
    if (shared === undefined || x >= shared.length || shared[x] === 0) return row
    shared[x] = 0
    const copy = row.slice()
    rows[x] = copy
    return copy
  }

  /** Adds the attack a -> b; false if it was already there. */
  addAttack(a: number, b: number): boolean {
    this.check(a)
    this.check(b)
    if (this.attackersOf[b]!.includes(a)) return false
    this.ownRow(this.attackersOf, this.sharedAttackers, b).push(a)
    this.ownRow(this.attackedOf, this.sharedAttacked, a).push(b)
    this.dirty.push(b)
    this.attacks++
    return true
  }

  /** Removes the attack a -> b; false if there was none. */
  removeAttack(a: number, b: number): boolean {
    this.check(a)
    this.check(b)
    const i = this.attackersOf[b]!.indexOf(a)
    if (i < 0) return false
    this.ownRow(this.attackersOf, this.sharedAttackers, b).splice(i, 1)
    const out = this.ownRow(this.attackedOf, this.sharedAttacked, a)
    out.splice(out.indexOf(b), 1)
    this.dirty.push(b)
    this.attacks--
    return true
  }

  /** Removes every attack made or received by `x`. */
  retractArgument(x: number): void {
    this.check(x)
    for (const y of [...this.attackersOf[x]!]) this.removeAttack(y, x)
    for (const z of [...this.attackedOf[x]!]) this.removeAttack(x, z)
    this.retracted.add(x)
    this.dirty.push(x)
  }

  isRetracted(x: number): boolean {
    return this.retracted.has(x)
  }

  /**
   * Re-labels the downstream closure of everything changed since the last update, holding the
   * labels outside it fixed. Returns how many arguments were labelled again.
   */
  update(): number {
    if (this.dirty.length === 0) return 0
    const OPEN = 3
    const labels = this.labelStore
    // Downstream closure of the changed arguments.
    const region: Array<number> = []
    for (const x of this.dirty) {
      if (labels[x] !== OPEN) {
        labels[x] = OPEN
        region.push(x)
      }
    }
    this.dirty = []
    for (let head = 0; head < region.length; head++) {
      for (const z of this.attackedOf[region[head]!]!) {
        if (labels[z] !== OPEN) {
          labels[z] = OPEN
          region.push(z)
        }
      }
    }
    // The counting algorithm on the region, with settled labels around it as boundary.
    // Counts first, while the whole region is still OPEN, so no label set here is counted twice.
    const remaining = new Map<number, number>()
    const beaten: Array<number> = []
    for (const x of region) {
      let live = 0
      for (const y of this.attackersOf[x]!) {
        const l = labels[y]
        if (l === Label.In) {
          beaten.push(x)
          live = -1
          break
        }
        if (l !== Label.Out) live++
      }
      remaining.set(x, live)
    }
    const queue: Array<number> = []
    for (const x of beaten) {
      labels[x] = Label.Out
      queue.push(x)
    }
    for (const x of region) {
      if (remaining.get(x) === 0 && labels[x] === OPEN) {
        labels[x] = Label.In
        queue.push(x)
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const y = queue[head]!
      const yIn = labels[y] === Label.In
      for (const x of this.attackedOf[y]!) {
        if (labels[x] !== OPEN) continue
        if (yIn) {
          labels[x] = Label.Out
          queue.push(x)
        } else {
          const left = remaining.get(x)! - 1
          remaining.set(x, left)
          if (left === 0) {
            labels[x] = Label.In
            queue.push(x)
          }
        }
      }
    }
    for (const x of region) if (labels[x] === OPEN) labels[x] = Label.Undec
    this.lastRelabelled = region.length
    this.region = region
    return region.length
  }

  /** The current grounded labelling (a copy; indices 0..size-1). */
  labels(): Labelling {
    this.update()
    return this.labelStore.slice(0, this.count)
  }

  label(x: number): Label {
    this.check(x)
    this.update()
    return this.labelStore[x] as Label
  }

  /** The current framework as an immutable CSR framework, for the other semantics and explanations. */
  snapshot(): Framework {
    let m = 0
    for (const row of this.attackersOf) m += row.length
    const sources = new Int32Array(m)
    const targets = new Int32Array(m)
    let k = 0
    for (let x = 0; x < this.count; x++) {
      for (const y of this.attackersOf[x]!) {
        sources[k] = y
        targets[k] = x
        k++
      }
    }
    return makeFramework(this.count, sources, targets)
  }
}

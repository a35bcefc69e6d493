/**
 * A small seeded generator (mulberry32): the same seed always gives the same sequence, on every
 * platform, so a benchmark case can be named by its size and seed alone.
 */
export class Random {
  #state: number

  constructor(seed: number) {
    // Mixing the seed first keeps nearby seeds (1, 2, 3) from starting on similar sequences.
    this.#state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [low, high], both ends included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<A>(items: ReadonlyArray<A>): A {
    if (items.length === 0) throw new Error("Random.pick needs at least one item")
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const table = tableOf(weights)
    let roll = this.next() * table.total
    for (let i = 0; i < table.keys.length; i++) {
      roll -= table.weights[i]!
      if (roll < 0) return table.keys[i]!
    }
    return table.keys[table.keys.length - 1]!
  }
}

interface WeightTable<K extends string> {
  readonly keys: ReadonlyArray<K>
  readonly weights: ReadonlyArray<number>
  readonly total: number
}

// Weight records are module constants drawn from hundreds of thousands of times: read each once.
const tables = new WeakMap<object, WeightTable<string>>()

const tableOf = <K extends string>(weights: Readonly<Record<K, number>>): WeightTable<K> => {
  const known = tables.get(weights)
  if (known !== undefined) return known as WeightTable<K>
  const entries = Object.entries(weights) as Array<[K, number]>
  const table: WeightTable<K> = {
    keys: entries.map(([key]) => key),
    weights: entries.map(([, weight]) => weight),
    total: entries.reduce((sum, [, weight]) => sum + weight, 0)
  }
  tables.set(weights, table)
  return table
}

/** Picks indices in proportion to fixed weights, in logarithmic time per pick. */
export class WeightedIndex {
  readonly #cumulative: Float64Array

  constructor(weights: ReadonlyArray<number>) {
    this.#cumulative = new Float64Array(weights.length)
    let total = 0
    weights.forEach((weight, i) => {
      total += weight
      this.#cumulative[i] = total
    })
  }

  get size(): number {
    return this.#cumulative.length
  }

  pick(random: Random): number {
    const cumulative = this.#cumulative
    const roll = random.next() * (cumulative[cumulative.length - 1] ?? 0)
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! > roll) high = middle
      else low = middle + 1
    }
    return low
  }
}

/**
 * A map that later versions extend without copying it: a large base shared by a whole line of versions,
 * a middle layer of what was added since the base, and the few entries added most recently. A version
 * copies only its recent entries; once they are many they join the middle, and once the middle is a
 * fair part of the base, everything is folded into a new base. Each entry is so copied a few times over
 * a long line, where folding every few thousand entries into the base would copy the whole map each time
 * (a quarter of a million entries for a large case, every dozen moves of the as-of day).
 */
export class LayeredMap<V> {
  readonly #base: ReadonlyMap<string, V>
  readonly #middle: ReadonlyMap<string, V>
  readonly #recent: ReadonlyMap<string, V>
  /** Whether the base is all there is: then a read asks one map. */
  readonly #flat: boolean

  private constructor(
    base: ReadonlyMap<string, V>,
    middle: ReadonlyMap<string, V>,
    recent: ReadonlyMap<string, V>
  ) {
    this.#base = base
    this.#middle = middle
    this.#recent = recent
    this.#flat = middle.size === 0 && recent.size === 0
  }

  /** A layered map over `base` (it takes the map over: do not change it afterwards). */
  static over<V>(base: ReadonlyMap<string, V>): LayeredMap<V> {
    return new LayeredMap(base, empty as ReadonlyMap<string, V>, empty as ReadonlyMap<string, V>)
  }

  /** The value under `key`: an undefined value reads as the layer below's, as a key not held does. */
  get(key: string): V | undefined {
    if (this.#flat) return this.#base.get(key)
    return this.#recent.get(key) ?? this.#middle.get(key) ?? this.#base.get(key)
  }

  has(key: string): boolean {
    return this.#recent.has(key) || this.#middle.has(key) || this.#base.has(key)
  }

  /** How many entries the layers hold between them (a key set in two layers counts twice). */
  get size(): number {
    return this.#base.size + this.#middle.size + this.#recent.size
  }

  /** The values of the layers, the base's first (a key set in two layers gives both). */
  *values(): IterableIterator<V> {
    yield* this.#base.values()
    yield* this.#middle.values()
    yield* this.#recent.values()
  }

  /** Every key once, with its latest value; keys first set later come last. */
  *entries(): IterableIterator<readonly [string, V]> {
    const recent = this.#recent
    const middle = this.#middle
    for (const [key, value] of this.#base) yield [key, recent.get(key) ?? middle.get(key) ?? value]
    for (const [key, value] of middle) if (!this.#base.has(key)) yield [key, recent.get(key) ?? value]
    for (const [key, value] of recent) if (!this.#base.has(key) && !middle.has(key)) yield [key, value]
  }

  /** This map with `entries` set over it; this one is left as it was. */
  with(entries: Iterable<readonly [string, V]>): LayeredMap<V> {
    const recent = new Map(this.#recent)
    for (const [key, value] of entries) recent.set(key, value)
    if (recent.size < recentAtMost) return new LayeredMap(this.#base, this.#middle, recent)
    const middle = new Map(this.#middle)
    for (const [key, value] of recent) middle.set(key, value)
    if (middle.size < Math.max(recentAtMost * 8, this.#base.size / 8))
      return new LayeredMap(this.#base, middle, empty as ReadonlyMap<string, V>)
    const base = new Map(this.#base)
    for (const [key, value] of middle) base.set(key, value)
    return LayeredMap.over(base)
  }
}

const empty: ReadonlyMap<string, unknown> = new Map<string, unknown>()

/** How many recent entries a version copies before they join the middle layer. */
const recentAtMost = 4096

const none: ReadonlyArray<never> = []

/** How many keys a later index may override before it folds them into a fresh base of its own. */
const foldAt = 4096

/**
 * Items listed under keys (statements by channel, claims by kind). An index for a case with a few items
 * more is made with `with`, which shares the earlier index and keeps only the lists that changed: adding
 * a statement to a large case costs what the statement touches, not what the case holds.
 */
export class ListIndex<V> {
  readonly #base: ReadonlyMap<string, ReadonlyArray<V>>
  readonly #changed: ReadonlyMap<string, ReadonlyArray<V>>
  readonly #changedNone: boolean

  private constructor(
    base: ReadonlyMap<string, ReadonlyArray<V>>,
    changed: ReadonlyMap<string, ReadonlyArray<V>>
  ) {
    this.#base = base
    this.#changed = changed
    this.#changedNone = changed.size === 0
  }

  /** The values under `key`, in the order they were added. */
  get(key: string): ReadonlyArray<V> {
    // Read millions of times per evaluation: an index with nothing changed reads its base alone.
    if (this.#changedNone) return this.#base.get(key) ?? none
    return this.#changed.get(key) ?? this.#base.get(key) ?? none
  }

  /** An index of lists already gathered by key (the index takes them over). */
  static of<V>(lists: ReadonlyMap<string, ReadonlyArray<V>>): ListIndex<V> {
    return new ListIndex<V>(lists, new Map())
  }

  /** Every key with its values; keys first listed later come last. */
  *entries(): IterableIterator<readonly [string, ReadonlyArray<V>]> {
    for (const [key, values] of this.#base) yield [key, this.#changed.get(key) ?? values]
    for (const [key, values] of this.#changed) if (!this.#base.has(key)) yield [key, values]
  }

  /**
   * This index with more values under their keys; this one is left as it was. The values go at the end
   * of their lists, or, given `rank` (where each value stands in the case), in their places among the
   * values already listed: items that come into a view as its day moves on may stand anywhere in the case.
   */
  with(
    fill: (add: (key: string, value: V) => void) => void,
    rank?: (value: V) => number | undefined
  ): ListIndex<V> {
    const changed = new Map(this.#changed)
    const grown = rank === undefined ? undefined : new Set<string>()
    fill((key, value) => {
      changed.set(key, [...(changed.get(key) ?? this.#base.get(key) ?? none), value])
      grown?.add(key)
    })
    if (grown !== undefined && rank !== undefined)
      for (const key of grown) changed.set(key, inRankOrder(changed.get(key)!, rank))
    if (changed.size < foldAt) return new ListIndex(this.#base, changed)
    const folded = new Map(this.#base)
    for (const [key, values] of changed) folded.set(key, values)
    return new ListIndex(folded, new Map())
  }
}

/**
 * `list` in the order of `rank`, keeping the order of values that rank alike or have no rank; the list
 * itself when it is in that order already, as a list with values appended after it mostly is.
 */
const inRankOrder = <V>(list: ReadonlyArray<V>, rank: (value: V) => number | undefined): ReadonlyArray<V> => {
  const ranks = list.map(rank)
  if (ranks.some((at) => at === undefined)) return list
  let ordered = true
  for (let i = 1; i < ranks.length && ordered; i++) ordered = ranks[i - 1]! <= ranks[i]!
  if (ordered) return list
  const places = list.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b)
  return places.map((i) => list[i]!)
}

/** A lookup by id that a later view extends with new entries without copying the earlier one. */
export class Lookup<V> {
  readonly #base: ReadonlyMap<string, V>
  readonly #added: ReadonlyMap<string, V>
  readonly #addedNone: boolean

  private constructor(base: ReadonlyMap<string, V>, added: ReadonlyMap<string, V>) {
    this.#base = base
    this.#added = added
    this.#addedNone = added.size === 0
  }

  get(id: string): V | undefined {
    // Looked up millions of times per evaluation: a lookup with nothing added reads its base alone.
    if (this.#addedNone) return this.#base.get(id)
    return this.#added.get(id) ?? this.#base.get(id)
  }

  static of<V>(entries: Iterable<readonly [string, V]>): Lookup<V> {
    return new Lookup(new Map(entries), new Map())
  }

  /** A lookup over a map already built (the lookup takes it over: do not change it afterwards). */
  static over<V>(map: ReadonlyMap<string, V>): Lookup<V> {
    return new Lookup(map, new Map())
  }

  has(id: string): boolean {
    return this.#added.has(id) || this.#base.has(id)
  }

  get size(): number {
    return this.#base.size + this.#added.size
  }

  *values(): IterableIterator<V> {
    yield* this.#base.values()
    yield* this.#added.values()
  }

  /** This lookup with new entries, or new values for ids it holds; this one is left as it was. */
  with(entries: Iterable<readonly [string, V]>): Lookup<V> {
    const added = new Map(this.#added)
    for (const [id, value] of entries) added.set(id, value)
    if (added.size < foldAt) return new Lookup(this.#base, added)
    return new Lookup(new Map([...this.#base, ...added]), new Map())
  }
}

import { LayeredMap } from "./layered-map.ts"

const none: ReadonlyArray<never> = []

/**
 * Items listed under keys (statements by channel, claims by kind). An index for a case with a few items
 * more is made with `with`, which shares the earlier index and keeps only the lists that changed: adding
 * a statement to a large case costs what the statement touches, not what the case holds.
 */
export class ListIndex<V> {
  readonly #lists: LayeredMap<ReadonlyArray<V>>

  private constructor(lists: LayeredMap<ReadonlyArray<V>>) {
    this.#lists = lists
  }

  /** The values under `key`, in the order they were added. */
  get(key: string): ReadonlyArray<V> {
    // Read millions of times per evaluation: the layered map reads one map while nothing was added.
    return this.#lists.get(key) ?? none
  }

  /** An index of lists already gathered by key (the index takes them over). */
  static of<V>(lists: ReadonlyMap<string, ReadonlyArray<V>>): ListIndex<V> {
    return new ListIndex<V>(LayeredMap.over(lists))
  }

  /** Every key with its values; keys first listed later come last. */
  entries(): IterableIterator<readonly [string, ReadonlyArray<V>]> {
    return this.#lists.entries()
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
    // Each list that grows is copied once, however many values join it.
    const grown = new Map<string, { readonly earlier: ReadonlyArray<V>; readonly added: Array<V> }>()
    fill((key, value) => {
      const list = grown.get(key)
      if (list !== undefined) list.added.push(value)
      else grown.set(key, { earlier: this.get(key), added: [value] })
    })
    const changed: Array<readonly [string, ReadonlyArray<V>]> = []
    for (const [key, { earlier, added }] of grown)
      changed.push([key, rank === undefined ? earlier.concat(added) : inRankOrder(earlier, added, rank)])
    return new ListIndex(this.#lists.with(changed))
  }

  /** This index with the values under `keys` that `leaves` says leave taken out; this one is left as it was. */
  without(keys: Iterable<string>, leaves: (value: V) => boolean): ListIndex<V> {
    const changed: Array<readonly [string, ReadonlyArray<V>]> = []
    for (const key of keys) {
      const list = this.get(key)
      const kept = list.filter((value) => !leaves(value))
      if (kept.length < list.length) changed.push([key, kept])
    }
    return changed.length === 0 ? this : new ListIndex(this.#lists.with(changed))
  }
}

/**
 * Lists known to be in the order of a rank function, every value ranked, with the rank of their last
 * value: a list such a list grows into by a few values is put in order by placing those values, without
 * ranking the many it holds again.
 */
const orderedLists = new WeakMap<object, WeakMap<ReadonlyArray<unknown>, number>>()

const knownOrdered = (rank: object): WeakMap<ReadonlyArray<unknown>, number> => {
  let lists = orderedLists.get(rank)
  if (lists === undefined) {
    lists = new WeakMap()
    orderedLists.set(rank, lists)
  }
  return lists
}

/**
 * `earlier` with `added` after it, in the order of `rank`, keeping the order of values that rank alike;
 * as they were (appended) when a value has no rank; the list itself when it is in that order already, as
 * a list with values appended after it mostly is.
 */
const inRankOrder = <V>(
  earlier: ReadonlyArray<V>,
  added: ReadonlyArray<V>,
  rank: (value: V) => number | undefined
): ReadonlyArray<V> => {
  const ordered = knownOrdered(rank)
  const last = ordered.get(earlier)
  const addedRanks = added.map(rank)
  if (last === undefined || addedRanks.some((at) => at === undefined))
    return sortedByRank([...earlier, ...added], rank, ordered)
  // The added values in order (a stable sort of a few), then placed among the earlier ones.
  const places = added.map((_, i) => i).sort((a, b) => addedRanks[a]! - addedRanks[b]! || a - b)
  const merged = mergedByRank(
    earlier,
    places.map((i) => added[i]!),
    rank,
    last
  )
  ordered.set(merged, Math.max(last, addedRanks[places.at(-1)!]!))
  return merged
}

/**
 * Two lists each in the order of `rank`, as one in that order: each value of `more` (a few) is placed by
 * a search among `list`'s (many), after every value there that ranks before it or alike, so that only a
 * few of those are ranked; given `last`, the rank of `list`'s last value, one that ranks after it is
 * placed without a search.
 */
export const mergedByRank = <V>(
  list: ReadonlyArray<V>,
  more: ReadonlyArray<V>,
  rank: (value: V) => number | undefined,
  last = Number.POSITIVE_INFINITY
): ReadonlyArray<V> => {
  if (more.length === 0) return list
  let merged: Array<V> | undefined
  let from = 0
  for (const value of more) {
    const at = rank(value) ?? Number.POSITIVE_INFINITY
    let low = from
    let high = list.length
    if (at >= last) low = high
    else
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((rank(list[middle]!) ?? 0) <= at) low = middle + 1
        else high = middle
      }
    // The values before the first placed are copied at once: as the as-of day moves on, the items coming
    // in mostly stand after most of those known, and a list of tens of thousands is copied for each step.
    if (merged === undefined) merged = list.slice(0, low)
    else for (let i = from; i < low; i++) merged.push(list[i]!)
    merged.push(value)
    from = low
  }
  for (let i = from; i < list.length; i++) merged!.push(list[i]!)
  return merged!
}

/** `list` sorted by rank (stably), or as it is when a value has no rank; recorded as ordered if it is. */
const sortedByRank = <V>(
  list: ReadonlyArray<V>,
  rank: (value: V) => number | undefined,
  ordered: WeakMap<ReadonlyArray<unknown>, number>
): ReadonlyArray<V> => {
  // Values without ranks (ids, say) are left as they are: found at the first, not after ranking them all.
  const ranks: Array<number> = []
  for (const value of list) {
    const at = rank(value)
    if (at === undefined) return list
    ranks.push(at)
  }
  let inOrder = true
  for (let i = 1; i < ranks.length && inOrder; i++) inOrder = ranks[i - 1]! <= ranks[i]!
  const sorted = inOrder
    ? list
    : list
        .map((_, i) => i)
        .sort((a, b) => ranks[a]! - ranks[b]! || a - b)
        .map((i) => list[i]!)
  let last = Number.NEGATIVE_INFINITY
  for (const at of ranks) if (at > last) last = at
  if (sorted.length > 0) ordered.set(sorted, last)
  return sorted
}

/** A lookup by id that a later view extends with new entries without copying the earlier one. */
export class Lookup<V> {
  readonly #entries: LayeredMap<V>

  private constructor(entries: LayeredMap<V>) {
    this.#entries = entries
  }

  get(id: string): V | undefined {
    // Looked up millions of times per evaluation: the layered map reads one map while nothing was added.
    return this.#entries.get(id)
  }

  static of<V>(entries: Iterable<readonly [string, V]>): Lookup<V> {
    return new Lookup(LayeredMap.over(new Map(entries)))
  }

  /** A lookup over a map already built (the lookup takes it over: do not change it afterwards). */
  static over<V>(map: ReadonlyMap<string, V>): Lookup<V> {
    return new Lookup(LayeredMap.over(map))
  }

  has(id: string): boolean {
    return this.#entries.has(id)
  }

  get size(): number {
    return this.#entries.size
  }

  values(): IterableIterator<V> {
    return this.#entries.values()
  }

  /** This lookup with new entries, or new values for ids it holds; this one is left as it was. */
  with(entries: Iterable<readonly [string, V]>): Lookup<V> {
    return new Lookup(this.#entries.with(entries))
  }
}

/** How many keys a line of views may let go before a carried memory starts afresh. */
const letGoAt = 1 << 14

/**
 * A memory of what was worked out in a view (names, say), carried over to the views that extend it: a
 * value stands in every view of a line unless its key was let go on the way there (its item came in or
 * was renamed), and is worked out afresh in a view that let it go. The values that never were let go
 * are shared by the whole line, so a view asks one map, not each view's before it; the keys let go are
 * copied from view to view, and once they are many the line starts afresh.
 */
export class CarriedMemory<V> {
  readonly #shared: Map<string, V>
  readonly #letGo: ReadonlySet<string>
  readonly #own: Map<string, V>

  private constructor(shared: Map<string, V>, letGo: ReadonlySet<string>, own: Map<string, V>) {
    this.#shared = shared
    this.#letGo = letGo
    this.#own = own
  }

  static empty<V>(): CarriedMemory<V> {
    return new CarriedMemory<V>(new Map(), new Set(), new Map())
  }

  get(key: string): V | undefined {
    return this.#letGo.has(key) ? this.#own.get(key) : this.#shared.get(key)
  }

  set(key: string, value: V): void {
    if (this.#letGo.has(key)) this.#own.set(key, value)
    else this.#shared.set(key, value)
  }

  /** The memory for a view that extends this one's, in which the values of `dropped` no longer stand. */
  carried(dropped: ReadonlySet<string>): CarriedMemory<V> {
    if (dropped.size === 0) return new CarriedMemory(this.#shared, this.#letGo, new Map(this.#own))
    if (this.#letGo.size + dropped.size > letGoAt) return CarriedMemory.empty()
    const letGo = new Set(this.#letGo)
    for (const key of dropped) letGo.add(key)
    const own = new Map(this.#own)
    for (const key of dropped) own.delete(key)
    return new CarriedMemory(this.#shared, letGo, own)
  }
}

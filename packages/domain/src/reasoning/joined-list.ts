import { mergedByRank } from "./list-index.ts"

/**
 * A view's list (its statements, claims or observations) that is the list of the view it extends with a
 * few items more, joined only when first read. Each update of a large case makes a view with one or two
 * items more, and copying its lists (a quarter of a million values at 100k statements) for them was a
 * sixth of the update, though the update itself reads the lists only where an item was renamed or an
 * actor moved. Unread lists of
 * views made one after another are joined in one copy, from the last one read.
 */
export class JoinedList<V> {
  #made: ReadonlyArray<V> | undefined
  #base: JoinedList<V> | undefined
  #more: ReadonlyArray<V>
  readonly #rank: ((value: V) => number | undefined) | undefined

  private constructor(
    made: ReadonlyArray<V> | undefined,
    base: JoinedList<V> | undefined,
    more: ReadonlyArray<V>,
    rank: ((value: V) => number | undefined) | undefined
  ) {
    this.#made = made
    this.#base = base
    this.#more = more
    this.#rank = rank
  }

  static of<V>(list: ReadonlyArray<V>): JoinedList<V> {
    return new JoinedList(list, undefined, [], undefined)
  }

  /**
   * This list with `more` joined to it: after its values, or given `rank`, each in its place in the
   * order of `rank` (both lists being in that order).
   */
  with(more: ReadonlyArray<V>, rank?: (value: V) => number | undefined): JoinedList<V> {
    return more.length === 0 ? this : new JoinedList<V>(undefined, this, more, rank)
  }

  /** The values, joined now if they were not yet. */
  list(): ReadonlyArray<V> {
    if (this.#made !== undefined) return this.#made
    // The lists joined since the last one read, the earliest first: walked, not recursed into, as an
    // analyst may add many items one after another without anything reading the lists in between.
    const pending: Array<JoinedList<V>> = []
    let at: JoinedList<V> = this
    while (at.#made === undefined) {
      pending.push(at)
      at = at.#base!
    }
    let made = at.#made
    // Values appended after the list's own are gathered in one copy, however many views added them.
    let appended: Array<V> | undefined
    for (let i = pending.length - 1; i >= 0; i--) {
      const joined = pending[i]!
      if (joined.#rank === undefined) {
        appended ??= made.slice()
        for (const value of joined.#more) appended.push(value)
      } else {
        made = mergedByRank(appended ?? made, joined.#more, joined.#rank)
        appended = undefined
      }
    }
    if (appended !== undefined) made = appended
    this.#made = made
    // What it was made from may go: the views before this one need not be kept for it.
    this.#base = undefined
    this.#more = []
    return made
  }
}

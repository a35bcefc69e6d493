import type { Finding } from "./finding.ts"

/**
 * An evaluation's findings, listed when first read: an update knows which findings it removed and
 * added, and copying hundreds of thousands of them for every added statement would cost more than the
 * update itself. Reading them replays the updates since the last list read, keeping only the result.
 */
export class FindingList {
  #list: ReadonlyArray<Finding> | undefined
  #before: FindingList | undefined
  readonly #removed: ReadonlySet<Finding>
  readonly #added: ReadonlyArray<Finding>

  private constructor(
    list: ReadonlyArray<Finding> | undefined,
    before: FindingList | undefined,
    removed: ReadonlySet<Finding>,
    added: ReadonlyArray<Finding>
  ) {
    this.#list = list
    this.#before = before
    this.#removed = removed
    this.#added = added
  }

  static of(list: ReadonlyArray<Finding>): FindingList {
    return new FindingList(list, undefined, new Set(), [])
  }

  /** The findings after an update that removed `removed` and added `added`. */
  updated(removed: ReadonlySet<Finding>, added: ReadonlyArray<Finding>): FindingList {
    return new FindingList(undefined, this, removed, added)
  }

  list(): ReadonlyArray<Finding> {
    if (this.#list !== undefined) return this.#list
    const updates: Array<FindingList> = []
    let listed: FindingList = this
    while (listed.#list === undefined) {
      updates.push(listed)
      listed = listed.#before!
    }
    let list = listed.#list
    for (const update of updates.reverse())
      list =
        update.#removed.size === 0
          ? [...list, ...update.#added]
          : [...list.filter((finding) => !update.#removed.has(finding)), ...update.#added]
    this.#list = list
    this.#before = undefined
    return list
  }
}

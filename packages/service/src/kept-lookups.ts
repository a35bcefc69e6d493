/**
 * What every request looks up, kept in memory while the store's change mark stays the same: the
 * token its id names, and the head of the case it reads. The mark (SQLite's change counters) moves
 * with any write to the store, through this server or any other process, so a revocation or a new
 * revision made by `allegiance token revoke` or another writer is seen on the next request. The mark
 * is read once per request (`markNow`); values are kept only under the mark read before they were
 * looked up, so a write between the two leaves nothing stale behind. Where the store has no such
 * mark (D1), nothing is kept and every lookup is a query.
 */
import type { TokenRow } from "@allegiance/store/edge-tables"

export class KeptLookups {
  readonly #mark: (() => string) | undefined
  readonly #capacity: number
  #seen: string | undefined
  readonly #tokens = new Map<string, TokenRow>()
  readonly #heads = new Map<string, number>()

  constructor(mark: (() => string) | undefined, capacity = 1024) {
    this.#mark = mark
    this.#capacity = capacity
  }

  /** Reads the mark; what was kept under another one is dropped. `undefined` when nothing is kept. */
  markNow(): string | undefined {
    if (this.#mark === undefined) return undefined
    const at = this.#mark()
    if (at !== this.#seen) {
      this.#tokens.clear()
      this.#heads.clear()
      this.#seen = at
    }
    return at
  }

  /** The token row kept for `id` under the mark last read; `undefined` when it must be looked up. */
  token(id: string): TokenRow | undefined {
    return this.#tokens.get(id)
  }

  /** The number of the case's head kept under the mark last read; `undefined` when it must be looked up. */
  head(caseName: string): number | undefined {
    return this.#heads.get(caseName)
  }

  /** Keeps a token row looked up after the mark `at` was read, if the mark has not moved since. */
  keepToken(at: string | undefined, row: TokenRow): void {
    if (at !== undefined && at === this.#seen) this.#put(this.#tokens, row.id, row)
  }

  /** Keeps a case's head looked up after the mark `at` was read, if the mark has not moved since. */
  keepHead(at: string | undefined, caseName: string, head: number): void {
    if (at !== undefined && at === this.#seen) this.#put(this.#heads, caseName, head)
  }

  #put<V>(values: Map<string, V>, key: string, value: V) {
    if (!values.has(key) && values.size >= this.#capacity) values.delete(values.keys().next().value!)
    values.set(key, value)
  }
}

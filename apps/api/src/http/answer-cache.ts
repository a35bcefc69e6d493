/**
 * Answers to reads, kept as the bytes that were sent: a dashboard asking for the same verdicts again
 * and again is answered from here, with nothing worked out, validated or serialized again (see
 * `cached-reads.ts`). An answer is kept under its request's path and query, with what it was read at:
 * the case's revision, and the as-of day when the request named none ("today"). It stays good while
 * the case's head is that revision (or always, when the request named its revision: a revision never
 * changes) and while today is that day. Only answers the routes gave in full are kept, so every rule a
 * route applies to its query held for the same query before.
 */

export interface CachedAnswer {
  readonly caseName: string
  /** The revision the answer was read at. */
  readonly revision: number
  /** Whether the request read the head (named no revision): then the answer holds while the head is `revision`. */
  readonly atHead: boolean
  /** The day the answer was read as of, when the request named none: it holds while today is that day. */
  readonly today: string | undefined
  readonly etag: string
  /** The media types the route offers (its `producedAt`): what a request's Accept must take. */
  readonly offered: ReadonlyArray<string>
  /**
   * The body as the bytes sent: encoded once, when the route answered. (A text body is encoded again
   * for every answer, and its length worked out again: for a verdict whose explanation holds a
   * character outside Latin-1, that took more of a kept read's time than everything else it does.)
   */
  readonly body: Uint8Array
  /** The headers of the answer itself (its type, tag and cache rules), without the per-request ones. */
  readonly headers: Readonly<Record<string, string>>
}

/** The path and query of a request's URL: what a cached answer is kept under. */
export const requestKey = (url: string): string => {
  const path = url.indexOf("/", url.indexOf("//") + 2)
  return path < 0 ? "/" : url.slice(path)
}

export class AnswerCache {
  readonly #answers = new Map<string, CachedAnswer>()
  readonly #maxBytes: number
  #bytes = 0

  /** At most `maxBytes` of bodies (and their keys) are kept (64 MiB by default); the least recently used go first. */
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes
  }

  get(key: string): CachedAnswer | undefined {
    const found = this.#answers.get(key)
    if (found !== undefined) {
      this.#answers.delete(key)
      this.#answers.set(key, found)
    }
    return found
  }

  keep(key: string, answer: CachedAnswer): void {
    const size = answer.body.byteLength + key.length
    if (size > this.#maxBytes / 8) return
    this.#drop(key)
    this.#answers.set(key, answer)
    this.#bytes += size
    while (this.#bytes > this.#maxBytes) this.#drop(this.#answers.keys().next().value!)
  }

  get size(): number {
    return this.#answers.size
  }

  #drop(key: string) {
    const known = this.#answers.get(key)
    if (known === undefined) return
    this.#answers.delete(key)
    this.#bytes -= known.body.byteLength + key.length
  }
}

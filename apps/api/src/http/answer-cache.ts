/**
 * Answers to reads, kept as the bytes that were sent: a dashboard asking for the same verdicts again
 * and again is answered from here, with nothing worked out, validated or serialized again (see
 * `cached-reads.ts`). An answer is kept under its request's path and query, with what it was read at:
 * the case's revision, and the as-of day when the request named none ("today"). It stays good while
 * the case's head is that revision (or always, when the request named its revision: a revision never
 * changes) and while today is that day. Only answers the routes gave in full are kept, so every rule a
 * route applies to its query held for the same query before.
 */
import { securityHeaders } from "./answer.ts"

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
   * The body as sent: its text when that is ASCII (one byte a character, so it costs nothing to
   * encode and Node writes it with the head in one piece), its UTF-8 bytes otherwise (encoded once,
   * when the route answered: for a verdict whose explanation holds a character outside Latin-1,
   * encoding the text again took more of a kept read's time than everything else it does).
   */
  readonly body: string | Uint8Array
  /** The headers of the answer itself (its type, tag and cache rules), without the per-request ones. */
  readonly headers: Readonly<Record<string, string>>
}

/** The body of an answer as `CachedAnswer` keeps it, from its text and that text's UTF-8 bytes. */
export const keptBody = (text: string, bytes: Uint8Array): string | Uint8Array =>
  bytes.byteLength === text.length ? text : bytes

/** What a Node server writes for a kept answer, made the first time it does (see `node-answers.ts`). */
export interface NodeWire {
  /** The 200's header lines as one flat list (name, value, ...), its last three values the rate's. */
  readonly ok: Array<string>
  /** The 304's, the same way. */
  readonly notModified: Array<string>
}

/** A kept answer, with what every answer of it would otherwise work out again. */
export interface KeptAnswer extends CachedAnswer {
  /** The security headers and the answer's own, as one object: a request adds its rate headers. */
  readonly allHeaders: Readonly<Record<string, string>>
  readonly byteLength: number
  /** Asked for since the eviction last passed it (see `AnswerCache`). */
  used: boolean
  /** The last Accept header seen with this answer, and whether the routes would answer it. */
  lastAccept: string | undefined
  lastAcceptable: boolean
  nodeWire: NodeWire | undefined
}

/** The path and query of a request's URL: what a cached answer is kept under. */
export const requestKey = (url: string): string => {
  const path = url.indexOf("/", url.indexOf("//") + 2)
  return path < 0 ? "/" : url.slice(path)
}

export class AnswerCache {
  readonly #answers = new Map<string, KeptAnswer>()
  readonly #maxBytes: number
  #bytes = 0

  /**
   * At most `maxBytes` of bodies (and their keys) are kept (64 MiB by default). When more would be,
   * the oldest go first unless they were asked for since the eviction last passed them (the "clock"
   * approximation of least recently used): a kept read marks its answer used, and moves nothing.
   */
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes
  }

  get(key: string): KeptAnswer | undefined {
    const found = this.#answers.get(key)
    if (found !== undefined) found.used = true
    return found
  }

  keep(key: string, answer: CachedAnswer): void {
    const byteLength = typeof answer.body === "string" ? answer.body.length : answer.body.byteLength
    const size = byteLength + key.length
    if (size > this.#maxBytes / 8) return
    this.#drop(key)
    this.#answers.set(key, {
      ...answer,
      allHeaders: { ...securityHeaders, ...answer.headers },
      byteLength,
      // Kept just now counts as asked for: the first eviction passes it by.
      used: true,
      lastAccept: undefined,
      lastAcceptable: false,
      nodeWire: undefined
    })
    this.#bytes += size
    while (this.#bytes > this.#maxBytes) this.#evictOne()
  }

  get size(): number {
    return this.#answers.size
  }

  #evictOne() {
    for (const [key, answer] of this.#answers) {
      if (!answer.used) return this.#drop(key)
      // A second chance: to the back of the line, unmarked.
      answer.used = false
      this.#answers.delete(key)
      this.#answers.set(key, answer)
    }
  }

  #drop(key: string) {
    const known = this.#answers.get(key)
    if (known === undefined) return
    this.#answers.delete(key)
    this.#bytes -= known.byteLength + key.length
  }
}

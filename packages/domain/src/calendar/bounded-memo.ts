/**
 * A memo of a pure function, each answer under a string key that says everything the answer
 * depends on, holding at most `capacity` answers. A large case prints the same few thousand
 * dates hundreds of thousands of times, and reading one is far dearer than looking it up; the
 * bound keeps a long-running process (the API, the terminal UI) from growing without limit on
 * dates it will not see again. The function must be pure, so a remembered answer is always the
 * one it would give again: remembering changes speed, never results.
 */
export class BoundedMemo<A> {
  readonly #answers = new Map<string, A>()
  readonly #capacity: number

  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`a memo needs room for at least one answer, not ${capacity}`)
    this.#capacity = capacity
  }

  /** The answer under `key`: the remembered one, or `compute()`'s, remembered from now on. */
  get(key: string, compute: () => A): A {
    const known = this.#answers.get(key)
    if (known !== undefined || this.#answers.has(key)) return known as A
    const answer = compute()
    // The answer remembered longest ago goes first: a map iterates in insertion order.
    if (this.#answers.size >= this.#capacity) this.#answers.delete(this.#answers.keys().next().value!)
    this.#answers.set(key, answer)
    return answer
  }

  /** How many answers are remembered now (never more than the capacity). */
  get size(): number {
    return this.#answers.size
  }
}

/**
 * Arguments of the reasoning, named by what they stand for:
 * - `auth:S`  statement S is authentically the issuer's;
 * - `rep:S`   statement S speaks for its issuer as a whole, not only for the part that signed it;
 * - `claim:C` claim C should be accepted;
 * - `obs:O`   what observation O reports was so;
 * - `continues:A` actor A goes on existing;
 * - `overreach:C` claim C says more than the evidence it rests on (a rule's own argument).
 */
export type ArgumentKey = string

/**
 * The key of an argument kind for an item id, always the same string for the same id. Rules name the
 * same argument hundreds of thousands of times in a large case, and the graph looks each name up: a
 * string written afresh must be copied and hashed every time, one handed back from here is hashed once.
 * The memory is dropped when it grows past what any one case needs, so it cannot grow without limit.
 */
const keyMaker = (prefix: string): ((id: string) => ArgumentKey) => {
  const made = new Map<string, ArgumentKey>()
  return (id) => {
    let key = made.get(id)
    if (key === undefined) {
      if (made.size >= 1 << 21) made.clear()
      key = `${prefix}${id}`
      made.set(id, key)
    }
    return key
  }
}

export const authOf = keyMaker("auth:")
export const repOf = keyMaker("rep:")
export const claimArg = keyMaker("claim:")
export const obsArg = keyMaker("obs:")
export const continuesOf = keyMaker("continues:")

/**
 * What a rule found. An attack says that `attacker` defeats `target` if it stands; a support says that
 * `supporter` counts in favour of `target` (a target with supports is unsupported when none stand); a
 * dependency says that `target` can only stand while `on` does; a caution lowers confidence without
 * deciding anything; a note records a reading the explanation should mention; a detachment frees a claim
 * from resting on its statement's authorship alone. `rule` is the name of
 * the rule that found it (`Rule.name`).
 */
export type Finding =
  | {
      readonly kind: "attack"
      readonly rule: string
      readonly attacker: ArgumentKey
      readonly target: ArgumentKey
      readonly items: ReadonlyArray<string>
      readonly sentence: string
      /** What evidence would settle the matter if the attack leaves the target contested. */
      readonly settle?: string
    }
  | {
      readonly kind: "support"
      readonly rule: string
      readonly supporter: ArgumentKey
      readonly target: ArgumentKey
      readonly items: ReadonlyArray<string>
      readonly sentence: string
    }
  | {
      readonly kind: "dependency"
      readonly rule: string
      readonly target: ArgumentKey
      readonly on: ArgumentKey
      readonly sentence: string
    }
  | {
      /**
       * `target` (a claim) no longer rests on `from` (the authorship of the statement making it) alone:
       * the rule gives it another footing (a later confirmation of its content) through the attacks it adds.
       */
      readonly kind: "detach"
      readonly rule: string
      readonly target: ArgumentKey
      readonly from: ArgumentKey
      readonly items: ReadonlyArray<string>
      readonly sentence: string
    }
  | {
      readonly kind: "caution" | "note"
      readonly rule: string
      readonly target: ArgumentKey
      readonly items: ReadonlyArray<string>
      readonly sentence: string
      /** For cautions: how much the caution lowers confidence, in steps of the estimative scale. */
      readonly weight?: number
    }

/** A finding as a rule writes it: its sentence (and what would settle it) as functions, called only when read. */
export type WordedLater = Finding extends infer F
  ? F extends Finding
    ? Omit<F, "sentence" | "settle"> & {
        readonly sentence: () => string
        readonly settle?: (() => string) | undefined
      }
    : never
  : never

/**
 * Holds a finding's words until someone reads them. A large case gives hundreds of thousands of findings
 * and an explanation shows a handful, so the sentences are written on demand (once) rather than
 * up front. The getters live on the prototype so that every finding of a shape shares one layout.
 */
class Worded {
  readonly #say: () => string
  readonly #settle: (() => string) | undefined
  #sentence: string | undefined
  /** The line of views whose names its words were made of, and what else they were made of (`wordedFrom`). */
  #line: object | undefined = undefined
  #madeOf: unknown = undefined

  constructor(say: () => string, settle: (() => string) | undefined) {
    this.#say = say
    this.#settle = settle
  }

  static wordedFrom(finding: Finding, line: object, madeOf: unknown): void {
    if (finding instanceof Worded) {
      finding.#line = line
      finding.#madeOf = madeOf
    }
  }

  static wordedAlike(a: Finding, b: Finding): boolean {
    return (
      a instanceof Worded &&
      b instanceof Worded &&
      a.#line !== undefined &&
      a.#line === b.#line &&
      a.#madeOf === b.#madeOf
    )
  }

  get sentence(): string {
    this.#sentence ??= this.#say()
    return this.#sentence
  }

  get settle(): string | undefined {
    return this.#settle?.()
  }

  toJSON(): object {
    const settle = this.settle
    return { ...this, sentence: this.sentence, ...(settle === undefined ? {} : { settle }) }
  }
}

/** A finding whose sentence is written when first read. */
export const worded = ({ sentence, settle, ...fields }: WordedLater): Finding =>
  Object.assign(new Worded(sentence, settle), fields) as unknown as Finding

/**
 * Says what a finding's words are made of: the names of a line of views (views moved on one from
 * another, in which the names it reads stay as they were) and `madeOf`, all else they read. A maker
 * that can vouch for that (`carriedFindings`) marks its findings, so that two of them can be known to
 * read alike without writing either's words.
 */
export const wordedFrom: (finding: Finding, line: object, madeOf: unknown) => void = Worded.wordedFrom

/** Whether two findings' words are known to read the same: made of the same, with the same names. */
export const wordedAlike: (a: Finding, b: Finding) => boolean = Worded.wordedAlike

/** What the reasoning concludes about one item. */
export const statuses = ["established", "refuted", "contested", "unsupported"] as const
export type Status = (typeof statuses)[number]

/** Words of estimative probability, from least to most likely. */
export const estimativeScale = [
  "almost no chance",
  "very unlikely",
  "unlikely",
  "roughly even chance",
  "likely",
  "very likely",
  "almost certainly"
] as const
export type Estimative = (typeof estimativeScale)[number]

export const estimative = (level: number): Estimative =>
  estimativeScale[Math.max(0, Math.min(estimativeScale.length - 1, Math.round(level)))]!

export interface Confidence {
  readonly words: Estimative
  /** Why this level and not another, in a sentence. */
  readonly reason: string
}

/** One step of an explanation: a sentence, the rule behind it if any, and the items (by id) it rests on. */
export interface ExplanationStep {
  readonly rule?: string
  readonly items: ReadonlyArray<string>
  readonly sentence: string
}

export const subjects = [
  "statement",
  "claim",
  "observation",
  "continuation",
  "relationship",
  "hypothesis"
] as const
export type Subject = (typeof subjects)[number]

export interface Verdict {
  readonly id: string
  readonly subject: Subject
  /** What is being judged, in words: "the attribution of Statement 12 on @group_media to the group". */
  readonly about: string
  readonly status: Status
  readonly confidence: Confidence
  readonly explanation: ReadonlyArray<ExplanationStep>
  /** For contested items: what missing evidence would tip the balance. */
  readonly wouldSettle: ReadonlyArray<string>
  /** For contested items: whether it could still stand (it belongs to some preferred extension). */
  readonly couldStillStand?: boolean
}

/** The explanation as one paragraph a writer can paste into a brief. */
export const explanationText = (verdict: Verdict): string => verdict.explanation.map(stepText).join(" ")

/**
 * One step as a reader sees it: the sentence in a writer's words, then the ids of the items it rests on
 * in a trailing bracket, where a reader looks them up (ids never stand in the running text).
 */
export const stepText = (step: ExplanationStep): string =>
  step.items.length === 0 ? step.sentence : `${step.sentence} [${[...new Set(step.items)].join(", ")}]`

/**
 * A verdict whose words are written when read, as JSON: every field, in the order a reader expects,
 * the words included. Its own fields are the ones decided up front; the rest are read through.
 */
export const verdictJSON = (verdict: Verdict): object => {
  const { id, subject, ...decided } = verdict as Omit<Verdict, "about" | "explanation" | "couldStillStand">
  const couldStillStand = verdict.couldStillStand
  return {
    id,
    subject,
    about: verdict.about,
    ...decided,
    ...(couldStillStand === undefined ? {} : { couldStillStand }),
    explanation: verdict.explanation
  }
}

/** The words of a verdict, written when first read. */
export interface VerdictWords {
  readonly about: () => string
  readonly explanation: () => ReadonlyArray<ExplanationStep>
  /** For contested items: whether it could still stand, worked out when first asked (it takes a search). */
  readonly couldStillStand?: (() => boolean | undefined) | undefined
}

/**
 * Holds a verdict's words (what it is about, its explanation) until someone reads them. A large case has
 * hundreds of thousands of verdicts and a reader looks at a few, so each is written on demand (once).
 * The getters live on the prototype so that every verdict shares one object layout.
 */
class WrittenLater {
  readonly #words: VerdictWords
  #about: string | undefined
  #steps: ReadonlyArray<ExplanationStep> | undefined
  #couldStillStand: { readonly value: boolean | undefined } | undefined

  constructor(words: VerdictWords) {
    this.#words = words
  }

  get about(): string {
    this.#about ??= this.#words.about()
    return this.#about
  }

  get explanation(): ReadonlyArray<ExplanationStep> {
    this.#steps ??= this.#words.explanation()
    return this.#steps
  }

  get couldStillStand(): boolean | undefined {
    this.#couldStillStand ??= { value: this.#words.couldStillStand?.() }
    return this.#couldStillStand.value
  }

  toJSON(): object {
    return verdictJSON(this as unknown as Verdict)
  }
}

/** A verdict whose words (and whether a contested item could still stand) are worked out when first read. */
export const writtenLater = (
  fields: Omit<Verdict, "about" | "explanation" | "couldStillStand">,
  words: VerdictWords
): Verdict => Object.assign(new WrittenLater(words), fields) as unknown as Verdict

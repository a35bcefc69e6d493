/**
 * Evaluations kept per case, revision and as-of day. A read of verdicts finds the evaluation it needs
 * here; a write that appends statements, claims or observations does not evaluate anything: it leaves
 * the next revision's evaluation to be brought up to date from the last one by the incremental
 * evaluator, when something first reads it. Several writes in a row with no read between them are
 * brought up to date in one step. Each evaluation also keeps what views derive from it (its verdicts
 * by id, the labels of the case, rows of the timeline), worked out once, when first asked.
 */
import {
  type CaseEvaluation,
  type CaseEvaluator,
  type CaseFile,
  caseEvaluator,
  type IsoDay
} from "@allegiance/domain"
import { type CaseLabels, caseLabels, indexVerdicts, type VerdictIndex } from "@allegiance/present"
import type { RevisionInfo } from "@allegiance/store"

export interface CachedEvaluation {
  readonly caseName: string
  readonly revision: RevisionInfo
  readonly caseFile: CaseFile
  readonly asOf: IsoDay
  readonly evaluation: () => CaseEvaluation
  readonly verdicts: () => VerdictIndex
  readonly labels: () => CaseLabels
  /** Something derived from this evaluation, worked out once per name. */
  readonly derived: <A>(name: string, make: () => A) => A
  /** Whether its evaluation has been worked out already. */
  readonly ready: () => boolean
}

const lazy = <A>(make: () => A) => {
  let made = false
  let value: A | undefined
  return {
    get: () => {
      if (!made) {
        value = make()
        made = true
      }
      return value as A
    },
    made: () => made
  }
}

interface Entry {
  readonly public: CachedEvaluation
  readonly evaluator: ReturnType<typeof lazy<CaseEvaluator>>
  /** The evaluator this entry's is brought up to date from, when it has not been worked out yet. */
  readonly from: (() => CaseEvaluator) | undefined
}

const keyOf = (caseName: string, revision: number, asOf: string) =>
  `${caseName}\u0000${revision}\u0000${asOf}`

export class EvaluationCache {
  readonly #entries = new Map<string, Entry>()
  readonly #capacity: number
  /** How many evaluations were worked out whole, and how many brought up to date. */
  readonly counts = { whole: 0, incremental: 0 }

  constructor(capacity = 12) {
    this.#capacity = capacity
  }

  /** The evaluation of `caseFile` (the case at `revision`) as of `asOf`. */
  get(caseName: string, revision: RevisionInfo, caseFile: CaseFile, asOf: IsoDay): CachedEvaluation {
    const key = keyOf(caseName, revision.number, asOf)
    const known = this.#entries.get(key)
    if (known !== undefined && known.public.caseFile === caseFile) {
      this.#entries.delete(key)
      this.#entries.set(key, known)
      return known.public
    }
    return this.#put(key, this.#entry(caseName, revision, caseFile, asOf, undefined))
  }

  /**
   * The case moved from revision `from` to `to` by appending items, giving `caseFile`: each evaluation
   * of `from` gets a successor that will be brought up to date from it (or from the evaluation it was
   * itself to be brought up to date from, when nobody read it).
   */
  appended(caseName: string, from: number, to: RevisionInfo, caseFile: CaseFile): void {
    for (const entry of [...this.#entries.values()]) {
      const kept = entry.public
      if (kept.caseName !== caseName || kept.revision.number !== from) continue
      const source = entry.evaluator.made() || entry.from === undefined ? entry.evaluator.get : entry.from
      this.#put(keyOf(caseName, to.number, kept.asOf), this.#entry(caseName, to, caseFile, kept.asOf, source))
    }
  }

  #entry(
    caseName: string,
    revision: RevisionInfo,
    caseFile: CaseFile,
    asOf: IsoDay,
    from: (() => CaseEvaluator) | undefined
  ): Entry {
    const evaluator = lazy(() => {
      if (from === undefined) {
        this.counts.whole++
        return caseEvaluator(caseFile, { asOf })
      }
      const next = from().reevaluate(caseFile)
      if (next.incremental) this.counts.incremental++
      else this.counts.whole++
      return next
    })
    const verdicts = lazy(() => indexVerdicts(evaluator.get().evaluation))
    const labels = lazy(() => caseLabels(caseFile))
    const derived = new Map<string, unknown>()
    return {
      evaluator,
      from,
      public: {
        caseName,
        revision,
        caseFile,
        asOf,
        evaluation: () => evaluator.get().evaluation,
        verdicts: verdicts.get,
        labels: labels.get,
        ready: evaluator.made,
        derived: <A>(name: string, make: () => A): A => {
          if (!derived.has(name)) derived.set(name, make())
          return derived.get(name) as A
        }
      }
    }
  }

  #put(key: string, entry: Entry): CachedEvaluation {
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    while (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!)
    return entry.public
  }
}

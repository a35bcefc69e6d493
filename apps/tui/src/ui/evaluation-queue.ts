/**
 * Evaluations asked of the access one at a time, the last day asked for winning: days stepped through
 * while one is worked out are not each evaluated, only the one the reader stopped on. A day already
 * shown at the revision wanted is not asked for again.
 */
import type { IsoDay } from "@allegiance/domain"
import type { AccessProblem, Evaluated, Outcome } from "../access/case-access.ts"

export interface EvaluationQueue {
  /** The views of `day` at `revision` are wanted next. */
  readonly want: (day: IsoDay, revision: number) => void
}

export const evaluationQueue = (handlers: {
  readonly evaluate: (day: IsoDay) => Promise<Outcome<Evaluated>>
  /** The day and revision on screen, if any. */
  readonly shown: () => { readonly day: string; readonly revision: number } | undefined
  readonly show: (evaluated: Evaluated) => void
  readonly fail: (problem: AccessProblem) => void
  /** The day being evaluated, or undefined once nothing is. */
  readonly evaluating: (day: IsoDay | undefined) => void
}): EvaluationQueue => {
  let inFlight = false
  let wanted: { readonly day: IsoDay; readonly revision: number } | undefined
  const next = () => {
    if (inFlight || wanted === undefined) return
    const { day, revision } = wanted
    wanted = undefined
    const current = handlers.shown()
    if (current !== undefined && current.day === day && current.revision === revision) {
      handlers.evaluating(undefined)
      return
    }
    inFlight = true
    handlers.evaluating(day)
    void handlers.evaluate(day).then((outcome) => {
      inFlight = false
      if (outcome.ok) handlers.show(outcome.value)
      else handlers.fail(outcome.problem)
      if (wanted === undefined) handlers.evaluating(undefined)
      next()
    })
  }
  return {
    want: (day, revision) => {
      wanted = { day, revision }
      next()
    }
  }
}

import type { CaseEvaluation, Status, Verdict } from "@allegiance/domain"
import { stepBetween, type VerdictIndex } from "./verdict-index.ts"

export { indexVerdicts, type VerdictIndex } from "./verdict-index.ts"

/**
 * What a list needs of a verdict: its status and how sure. A `VerdictIndex` is one; so is the lookup of
 * a day's `TimelineVerdicts`, which carry only these two across a worker thread or an HTTP response.
 */
export interface VerdictLookup {
  readonly get: (
    id: string
  ) => { readonly status: Status; readonly confidence: { readonly words: string } } | undefined
}

/** How many verdicts of each status an evaluation gives, for each kind of thing judged. */
export interface StatusCounts {
  readonly subject: Verdict["subject"]
  readonly counts: { readonly [S in Status]: number }
}

export const statusCounts = (evaluation: CaseEvaluation): ReadonlyArray<StatusCounts> => {
  const tally = (subject: Verdict["subject"], verdicts: Iterable<Verdict>): StatusCounts => {
    const counts = { established: 0, refuted: 0, contested: 0, unsupported: 0 }
    for (const verdict of verdicts) counts[verdict.status]++
    return { subject, counts }
  }
  return [
    tally("statement", evaluation.statements),
    tally("claim", evaluation.claims),
    tally("observation", evaluation.observations),
    tally("continuation", evaluation.continuations),
    tally("relationship", relationshipVerdicts(evaluation)),
    tally("hypothesis", hypothesisVerdicts(evaluation))
  ]
}

const relationshipVerdicts = function* (evaluation: CaseEvaluation): Iterable<Verdict> {
  for (const relationship of evaluation.relationships) yield relationship.verdict
}

const hypothesisVerdicts = function* (evaluation: CaseEvaluation): Iterable<Verdict> {
  for (const question of evaluation.questions)
    for (const hypothesis of question.hypotheses) yield hypothesis.verdict
}

/** A verdict that is not what it was in an earlier evaluation (or is new in this one). */
export interface VerdictShift {
  readonly id: string
  readonly subject: Verdict["subject"]
  readonly about: string
  readonly from: Status | "not yet known"
  readonly to: Status
}

/** What changed between two evaluations of the same case (for instance one as-of step apart). */
export const verdictShifts = (before: VerdictIndex, after: VerdictIndex): ReadonlyArray<VerdictShift> => {
  const step = stepBetween(before, after)
  if (step !== undefined) {
    // Only what differs between the two can have shifted: the rest is the same verdict in both.
    const shifted = step.filter(
      (change) => change.after !== undefined && change.before?.status !== change.after.status
    )
    return shifted
      .sort((a, b) => a.afterAt - b.afterAt)
      .map((change) => shiftOf(change.after!, change.before))
  }
  const shifts: Array<VerdictShift> = []
  for (const verdict of after.all()) {
    const earlier = before.get(verdict.id)
    if (earlier?.status !== verdict.status) shifts.push(shiftOf(verdict, earlier))
  }
  return shifts
}

const shiftOf = (verdict: Verdict, earlier: Verdict | undefined): VerdictShift => ({
  id: verdict.id,
  subject: verdict.subject,
  about: verdict.about,
  from: earlier?.status ?? "not yet known",
  to: verdict.status
})

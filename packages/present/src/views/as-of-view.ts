import type { CaseEvaluation } from "@allegiance/domain"
import type { CaseOutline } from "./case-outline.ts"
import { type KeyJudgments, keyJudgmentsListing } from "./key-judgments.ts"
import { placesOfIds, type TimelineVerdicts, timelineVerdicts } from "./timeline-verdicts.ts"
import { stepBetween } from "./verdict-index.ts"
import { indexVerdicts, type VerdictIndex, verdictShifts } from "./verdicts.ts"

/** How many contested and changed items a view lists (their totals are given beside). */
export const listedAtMost = 40

/**
 * What the views of a case show on every as-of day, as plain data that crosses a worker thread (or an
 * HTTP response) as it is: the key judgments, with what changed since the day looked at before (the
 * first `listedAtMost` of what is contested and what changed, and how many in all), and the verdict of
 * each row of the outline's timeline. What only one view shows, and is large in a large case, is asked
 * for when that view is drawn: the actors with their lifecycles (`actorRows`) and the relationships
 * (`relationshipRows`) run to tens of megabytes at 100,000 statements, the hypotheses matrices
 * (`hypothesesMatrices`) to a few; an item's detail (`itemDetail`).
 */
export interface AsOfView {
  readonly asOf: string
  readonly judgments: KeyJudgments
  readonly totals: { readonly contested: number; readonly changed: number }
  /** The verdicts of the timeline of the outline given, place by place. */
  readonly timeline: TimelineVerdicts
  /** The places of that timeline whose verdict differs from the earlier evaluation given: what this step changed. */
  readonly changed: ReadonlyArray<number>
}

export const asOfView = (
  evaluation: CaseEvaluation,
  outline: CaseOutline,
  earlier?: VerdictIndex,
  verdicts: VerdictIndex = indexVerdicts(evaluation)
): AsOfView => {
  const { judgments, contestedInAll } = keyJudgmentsListing(evaluation, verdicts, listedAtMost)
  const view: AsOfView = {
    asOf: evaluation.asOf,
    judgments,
    totals: { contested: contestedInAll, changed: 0 },
    timeline: timelineVerdicts(outline, verdicts),
    changed: []
  }
  return earlier === undefined ? view : viewSince(view, outline, earlier, verdicts)
}

/**
 * A day's views with what changed since an earlier evaluation of the case: a view worked out once per
 * day says something else beside each day it is reached from.
 */
export const viewSince = (
  view: AsOfView,
  outline: CaseOutline,
  earlier: VerdictIndex,
  verdicts: VerdictIndex
): AsOfView => {
  const shifts = verdictShifts(earlier, verdicts)
  return {
    ...view,
    judgments: { ...view.judgments, changed: shifts.slice(0, listedAtMost) },
    totals: { ...view.totals, changed: shifts.length },
    changed: changedPlaces(outline, earlier, verdicts)
  }
}

/** The places of the outline's timeline whose status differs between the two, in order. */
const changedPlaces = (
  outline: CaseOutline,
  earlier: VerdictIndex,
  verdicts: VerdictIndex
): ReadonlyArray<number> => {
  const step = stepBetween(earlier, verdicts)
  const { items } = outline.timeline
  const { ids } = outline.names
  if (step === undefined) {
    const changed: Array<number> = []
    for (let at = 0; at < items.length; at++) {
      const id = ids[items[at]!]!
      if (earlier.get(id)?.status !== verdicts.get(id)?.status) changed.push(at)
    }
    return changed
  }
  // Only what differs between the two can have changed status.
  return placesOfIds(
    outline,
    step.filter((change) => change.before?.status !== change.after?.status).map((change) => change.id)
  )
}

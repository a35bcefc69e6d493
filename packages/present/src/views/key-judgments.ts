import { type CaseEvaluation, leftOutCount, type Status, type Verdict } from "@allegiance/domain"
import { type Badge, badgeOf } from "./status-badge.ts"
import { differenceOf } from "./verdict-index.ts"
import {
  type StatusCounts,
  statusCounts,
  type VerdictIndex,
  type VerdictShift,
  verdictShifts
} from "./verdicts.ts"

/** A verdict in one line: what it is about, its status and how sure. */
export interface JudgedItem {
  readonly id: string
  readonly subject: Verdict["subject"]
  readonly about: string
  readonly status: Status
  readonly badge: Badge
  readonly confidence: string
  readonly reason: string
}

export const judgedItem = (verdict: Verdict): JudgedItem => ({
  id: verdict.id,
  subject: verdict.subject,
  about: verdict.about,
  status: verdict.status,
  badge: badgeOf(verdict.status),
  confidence: verdict.confidence.words,
  reason: verdict.confidence.reason
})

/** What a reader should see first: each open question's ranked answers, what is in dispute, what just changed. */
export interface KeyJudgments {
  readonly caseId: string
  readonly asOf: string
  readonly questions: ReadonlyArray<{
    readonly id: string
    readonly text: string
    readonly ranked: ReadonlyArray<JudgedItem & { readonly rank: number; readonly text: string }>
  }>
  readonly contested: ReadonlyArray<JudgedItem>
  /** Verdicts that differ from the earlier evaluation given (empty without one). */
  readonly changed: ReadonlyArray<VerdictShift>
  readonly counts: ReadonlyArray<StatusCounts>
  /** How many items were left out as not yet known on the as-of day. */
  readonly leftOut: number
}

export const keyJudgments = (
  evaluation: CaseEvaluation,
  verdicts: VerdictIndex,
  earlier?: VerdictIndex
): KeyJudgments => keyJudgmentsListing(evaluation, verdicts, Number.POSITIVE_INFINITY, earlier).judgments

/**
 * The key judgments with at most `listed` of the contested items (the first, in the order of the
 * evaluation), and how many are contested in all: a view lists a few, and a large case has thousands.
 */
export const keyJudgmentsListing = (
  evaluation: CaseEvaluation,
  verdicts: VerdictIndex,
  listed: number,
  earlier?: VerdictIndex
): { readonly judgments: KeyJudgments; readonly contestedInAll: number } => {
  // A hypothesis's verdict is its question's to rank, not a disputed item.
  const counts = countsFor(evaluation, verdicts)
  let contestedInAll = 0
  for (const { subject, counts: of } of counts) if (subject !== "hypothesis") contestedInAll += of.contested
  // The first contested in the order of the index. The counts say how many there are (a step's are the
  // step before's with what changed), so the lists are read only as far as the last one listed.
  const contested: Array<JudgedItem> = []
  const wanted = Math.min(listed, contestedInAll)
  for (const verdict of disputable(evaluation)) {
    if (contested.length >= wanted) break
    if (verdict.status === "contested") contested.push(judgedItem(verdict))
  }
  const judgments: KeyJudgments = {
    caseId: evaluation.caseId,
    asOf: evaluation.asOf,
    questions: evaluation.questions.map((question) => ({
      id: question.question,
      text: question.text,
      ranked: question.hypotheses.map((hypothesis) => ({
        ...judgedItem(hypothesis.verdict),
        rank: hypothesis.rank,
        text: hypothesis.text
      }))
    })),
    contested,
    changed: earlier === undefined ? [] : verdictShifts(earlier, verdicts),
    counts,
    leftOut: leftOutCount(evaluation)
  }
  return { judgments, contestedInAll }
}

/** The verdicts that may be in dispute, in the order of the index. */
const disputable = function* (evaluation: CaseEvaluation): Iterable<Verdict> {
  yield* evaluation.statements
  yield* evaluation.claims
  yield* evaluation.observations
  yield* evaluation.continuations
  for (const { verdict } of evaluation.relationships) yield verdict
}

/** The status counts of each index, once worked out: an index built from another adds what differs to its counts. */
const countsOf = new WeakMap<VerdictIndex, ReadonlyArray<StatusCounts>>()

const countsFor = (evaluation: CaseEvaluation, verdicts: VerdictIndex): ReadonlyArray<StatusCounts> => {
  const known = countsOf.get(verdicts)
  if (known !== undefined) return known
  const difference = differenceOf(verdicts)
  const earlier = difference === undefined ? undefined : countsOf.get(difference.from)
  let counts: ReadonlyArray<StatusCounts>
  if (difference === undefined || earlier === undefined) counts = statusCounts(evaluation)
  else {
    const tally = new Map(earlier.map((entry) => [entry.subject, { ...entry.counts }]))
    for (const { later, earlier: before } of difference.changes) {
      if (before !== undefined) tally.get(before.subject)![before.status]--
      if (later !== undefined) tally.get(later.subject)![later.status]++
    }
    counts = earlier.map((entry) => ({ subject: entry.subject, counts: tally.get(entry.subject)! }))
  }
  countsOf.set(verdicts, counts)
  return counts
}

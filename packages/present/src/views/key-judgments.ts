import type { CaseEvaluation, Status, Verdict } from "@allegiance/domain"
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
  const contested: Array<JudgedItem> = []
  let contestedInAll = 0
  // In the order of the index (a hypothesis's verdict is its question's to rank, not a disputed item).
  for (const list of [
    evaluation.statements,
    evaluation.claims,
    evaluation.observations,
    evaluation.continuations
  ])
    for (const verdict of list)
      if (verdict.status === "contested" && contestedInAll++ < listed) contested.push(judgedItem(verdict))
  for (const { verdict } of evaluation.relationships)
    if (verdict.status === "contested" && contestedInAll++ < listed) contested.push(judgedItem(verdict))
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
    counts: countsFor(evaluation, verdicts),
    leftOut: evaluation.leftOut.length
  }
  return { judgments, contestedInAll }
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

import type { CaseEvaluation, Status, Verdict } from "@allegiance/domain"
import { type Badge, badgeOf } from "./status-badge.ts"
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
): KeyJudgments => {
  const contested: Array<JudgedItem> = []
  for (const verdict of verdicts.all())
    if (verdict.status === "contested" && verdict.subject !== "hypothesis")
      contested.push(judgedItem(verdict))
  return {
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
    counts: statusCounts(evaluation),
    leftOut: evaluation.leftOut.length
  }
}

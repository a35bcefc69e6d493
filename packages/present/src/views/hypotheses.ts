import type { CaseEvaluation, QuestionAssessment, RatingValue, Status } from "@allegiance/domain"
import type { CaseLabels } from "./labels.ts"
import { type Badge, badgeOf } from "./status-badge.ts"

/** One cell of the matrix: how one evidence item rates against one hypothesis, and who said so. */
export interface MatrixCell {
  readonly rating: RatingValue
  readonly by: "reasoning" | "analyst"
  readonly reason: string
}

/**
 * The Analysis of Competing Hypotheses matrix of one open question: hypotheses in rank order (columns),
 * evidence items most diagnostic first (rows), each cell consistent, inconsistent or neutral.
 */
export interface HypothesesMatrix {
  readonly question: string
  readonly text: string
  readonly hypotheses: ReadonlyArray<{
    readonly id: string
    readonly text: string
    readonly rank: number
    readonly status: Status
    readonly badge: Badge
    readonly confidence: string
    readonly confidenceReason: string
    readonly inconsistencies: number
    readonly weightedInconsistency: number
  }>
  readonly evidence: ReadonlyArray<{
    readonly id: string
    readonly label: string
    /** How far apart this item sets the hypotheses, weighted by how it fares: 0 when it rates them alike. */
    readonly diagnosticity: number
    /** By hypothesis id; a hypothesis the item does not bear on has no cell. */
    readonly cells: Readonly<Record<string, MatrixCell>>
  }>
}

export const hypothesesMatrix = (question: QuestionAssessment, labels: CaseLabels): HypothesesMatrix => {
  const diagnosticity = new Map(question.diagnosticity.map((entry) => [entry.evidence, entry.value]))
  const cells = new Map<string, Record<string, MatrixCell>>()
  for (const hypothesis of question.hypotheses)
    for (const rating of hypothesis.ratings) {
      let row = cells.get(rating.evidence)
      if (row === undefined) {
        row = {}
        cells.set(rating.evidence, row)
      }
      row[hypothesis.hypothesis] = { rating: rating.rating, by: rating.by, reason: rating.reason }
    }
  const evidence = [...cells.entries()]
    .map(([id, row]) => ({ id, label: labels.of(id), diagnosticity: diagnosticity.get(id) ?? 0, cells: row }))
    .sort((a, b) => b.diagnosticity - a.diagnosticity || (a.id < b.id ? -1 : 1))
  return {
    question: question.question,
    text: question.text,
    hypotheses: question.hypotheses.map((hypothesis) => ({
      id: hypothesis.hypothesis,
      text: hypothesis.text,
      rank: hypothesis.rank,
      status: hypothesis.verdict.status,
      badge: badgeOf(hypothesis.verdict.status),
      confidence: hypothesis.verdict.confidence.words,
      confidenceReason: hypothesis.verdict.confidence.reason,
      inconsistencies: hypothesis.inconsistencies,
      weightedInconsistency: hypothesis.weightedInconsistency
    })),
    evidence
  }
}

/** The matrix of every question the evaluation assesses, in its order: what the Hypotheses view pages through. */
export const hypothesesMatrices = (
  evaluation: CaseEvaluation,
  labels: CaseLabels
): ReadonlyArray<HypothesesMatrix> =>
  evaluation.questions.map((question) => hypothesesMatrix(question, labels))

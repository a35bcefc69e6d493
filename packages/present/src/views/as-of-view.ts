import type { CaseEvaluation, CaseFile } from "@allegiance/domain"
import { type ActorRow, actorRows } from "./actors.ts"
import { type HypothesesMatrix, hypothesesMatrix } from "./hypotheses.ts"
import { type KeyJudgments, keyJudgments } from "./key-judgments.ts"
import type { CaseLabels } from "./labels.ts"
import { type RelationshipRow, relationshipRows } from "./relationships.ts"
import { type VerdictDigest, verdictDigest } from "./verdict-digest.ts"
import { indexVerdicts, type VerdictIndex } from "./verdicts.ts"

/**
 * Everything the views of a case show for one as-of day, as plain data that crosses a worker thread
 * (or an HTTP response) as it is: the key judgments, with what changed since the day looked at
 * before; the actors with their lifecycles; the relationships; the hypotheses matrices; and every
 * verdict's status for the lists. An item's full detail is asked for on its own (`itemDetail`).
 */
export interface AsOfView {
  readonly asOf: string
  readonly judgments: KeyJudgments
  readonly actors: ReadonlyArray<ActorRow>
  readonly relationships: ReadonlyArray<RelationshipRow>
  readonly hypotheses: ReadonlyArray<HypothesesMatrix>
  readonly verdicts: VerdictDigest
  /** The ids whose verdict differs from the earlier evaluation given: what this step changed. */
  readonly changed: ReadonlyArray<string>
}

export const asOfView = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  labels: CaseLabels,
  earlier?: VerdictIndex,
  verdicts: VerdictIndex = indexVerdicts(evaluation)
): AsOfView => {
  const judgments = keyJudgments(evaluation, verdicts, earlier)
  const relationships = relationshipRows(evaluation, labels)
  return {
    asOf: evaluation.asOf,
    judgments,
    actors: actorRows(caseFile, evaluation, labels, relationships),
    relationships,
    hypotheses: evaluation.questions.map((question) => hypothesesMatrix(question, labels)),
    verdicts: verdictDigest(evaluation, verdicts),
    changed: judgments.changed.map((shift) => shift.id)
  }
}

/**
 * The validity reasoning: rules over a case as of a day, argumentation to decide what stands, and
 * verdicts with confidence and explanations for statements, claims, relationships and hypotheses.
 */
export { type CaseEvaluator, caseEvaluator } from "./case-evaluator.ts"
export { type CaseEvaluation, type EvaluateOptions, evaluateCase, leftOutCount } from "./evaluate.ts"
export type { Finding } from "./finding.ts"
export {
  allVerdicts,
  eventDays,
  type HistoryProgress,
  itemHistory,
  type VerdictChange,
  verdictChange,
  verdictHistory
} from "./history.ts"
export type { HypothesisAssessment, QuestionAssessment, Rating } from "./hypotheses.ts"
export type { DerivedRelationship, Lifecycle } from "./relationships.ts"
export type { Rule } from "./rule.ts"
export { builtInRules } from "./rules/index.ts"
export {
  type Confidence,
  type Estimative,
  type ExplanationStep,
  estimativeScale,
  explanationText,
  type Status,
  statuses,
  stepText,
  subjects,
  type Verdict
} from "./verdict.ts"

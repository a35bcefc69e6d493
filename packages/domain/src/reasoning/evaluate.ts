import type { IsoDay } from "../calendar/printed-date.ts"
import type { ClaimKind } from "../claims/claim-kind.ts"
import type { CaseFile } from "../model/case-file.ts"
import { buildArgumentGraph } from "./argument-graph.ts"
import { type LeftOut, viewCase } from "./case-view.ts"
import type { Finding } from "./finding.ts"
import { assessQuestions, type QuestionAssessment } from "./hypotheses.ts"
import { itemVerdicts } from "./item-verdicts.ts"
import { type DerivedRelationship, deriveRelationships, type Lifecycle, lifecycles } from "./relationships.ts"
import { assessSupport } from "./rules/corroboration-and-reliability.ts"
import type { Rule } from "./rule.ts"
import { rulesToApply } from "./rules/index.ts"
import type { Verdict } from "./verdict.ts"

export interface EvaluateOptions {
  /** Only what was known by this day counts. */
  readonly asOf: IsoDay
  /** The kinds of claim the case holds: the built-in ones (`builtInKinds`) unless given. */
  readonly kinds?: ReadonlyArray<ClaimKind> | undefined
  /** The rules to apply: the built-in ones (`builtInRules`) unless given. */
  readonly rules?: ReadonlyArray<Rule> | undefined
}

/** Everything the reasoning concludes about a case as of one day. */
export interface CaseEvaluation {
  readonly caseId: string
  readonly asOf: IsoDay
  readonly statements: ReadonlyArray<Verdict>
  readonly claims: ReadonlyArray<Verdict>
  readonly observations: ReadonlyArray<Verdict>
  /** "Continues to exist", for every actor with evidence of activity. */
  readonly continuations: ReadonlyArray<Verdict>
  readonly relationships: ReadonlyArray<DerivedRelationship>
  readonly lifecycles: ReadonlyArray<Lifecycle>
  readonly questions: ReadonlyArray<QuestionAssessment>
  /** Items left out because they were not (or not surely) known by the as-of day. */
  readonly leftOut: ReadonlyArray<LeftOut>
  readonly findings: ReadonlyArray<Finding>
  readonly argumentCount: number
  readonly attackCount: number
}

/** The evaluations that know how many items they leave out before listing them, and how many. */
const leftOutCounts = new WeakMap<CaseEvaluation, number>()

/**
 * How many items an evaluation leaves out as not yet known: its `leftOut`'s length, told without
 * listing them where the evaluation has not (an as-of day moved on lists them only when read).
 */
export const leftOutCount = (evaluation: CaseEvaluation): number =>
  leftOutCounts.get(evaluation) ?? evaluation.leftOut.length

/** `evaluation`, whose `leftOut` holds `count` items, known to before it is read. */
export const withLeftOutCounted = (evaluation: CaseEvaluation, count: number): CaseEvaluation => {
  leftOutCounts.set(evaluation, count)
  return evaluation
}

/**
 * Evaluates a case as of a day: runs every rule over what was known by then, decides what stands with
 * the grounded labelling of the resulting argumentation framework, and turns labels into verdicts with
 * a confidence and an explanation. Pure: the same case and day always give the same evaluation, whatever
 * the order of the items in the case file.
 */
export const evaluateCase = (caseFile: CaseFile, options: EvaluateOptions): CaseEvaluation => {
  const view = viewCase(caseFile, options.asOf, options.kinds)
  const findings = rulesToApply(options.rules).flatMap((rule) => rule.apply(view))
  const support = assessSupport(view)
  const graph = buildArgumentGraph(view, findings, support)
  const items = itemVerdicts(view, graph, findings, support)
  const byId = (verdicts: ReadonlyArray<Verdict>) => new Map(verdicts.map((verdict) => [verdict.id, verdict]))
  const claimVerdicts = byId(items.claims)
  const life = lifecycles(view, claimVerdicts, byId(items.continuations))
  return {
    caseId: caseFile.case.id,
    asOf: options.asOf,
    ...items,
    relationships: deriveRelationships(view, claimVerdicts, life),
    lifecycles: life,
    questions: assessQuestions(view, claimVerdicts, byId(items.observations)),
    leftOut: view.leftOut,
    findings,
    argumentCount: graph.framework.size,
    attackCount: graph.framework.attackCount
  }
}

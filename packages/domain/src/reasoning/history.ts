import type { IsoDay } from "../calendar/printed-date.ts"
import type { CaseFile } from "../model/case-file.ts"
import { claimDate, observationKnown } from "./case-view.ts"
import { type CaseEvaluation, type EvaluateOptions, evaluateCase } from "./evaluate.ts"
import type { Status, Verdict } from "./verdict.ts"

/** A day on which a verdict changed, and why. */
export interface VerdictChange {
  readonly day: IsoDay
  readonly id: string
  readonly about: string
  readonly from: Status | "not yet known"
  readonly to: Status
  readonly why: string
}

/** Every verdict of an evaluation: statements, claims, observations, continuations, relationships, hypotheses. */
export const allVerdicts = (evaluation: CaseEvaluation): ReadonlyArray<Verdict> => [
  ...evaluation.statements,
  ...evaluation.claims,
  ...evaluation.observations,
  ...evaluation.continuations,
  ...evaluation.relationships.map((relationship) => relationship.verdict),
  ...evaluation.questions.flatMap((question) => question.hypotheses.map((hypothesis) => hypothesis.verdict))
]

/** The days on which something in the case became known, in order: the only days a verdict can change on. */
export const eventDays = (caseFile: CaseFile): ReadonlyArray<IsoDay> => {
  const statementById = new Map(caseFile.statements.map((statement) => [statement.id as string, statement]))
  const days = new Set<IsoDay>()
  for (const statement of caseFile.statements) days.add(statement.observed.end)
  for (const claim of caseFile.claims) {
    const date = claimDate(claim, statementById)
    if (date !== undefined) days.add(date.end)
  }
  for (const observation of caseFile.observations) days.add(observationKnown(observation).end)
  return [...days].sort()
}

/**
 * How `verdict`, as of `day`, changed from the status it had before (`before`; undefined where it was not
 * yet known): the change with the sentence that explains the new status, or undefined for none.
 */
export const verdictChange = (
  day: IsoDay,
  verdict: Verdict,
  before: Status | undefined
): VerdictChange | undefined =>
  before === verdict.status
    ? undefined
    : {
        day,
        id: verdict.id,
        about: verdict.about,
        from: before ?? "not yet known",
        to: verdict.status,
        why: verdict.explanation.at(-2)?.sentence ?? verdict.explanation.at(-1)?.sentence ?? ""
      }

/**
 * How verdicts changed over time: the case is evaluated on each day something became known (up to
 * `until`), and every change of status is listed with the sentence that explains the new one.
 * `only` restricts the list to one item's verdict; `options` give the kinds and rules, as to `evaluateCase`.
 */
export const verdictHistory = (
  caseFile: CaseFile,
  until: IsoDay,
  only?: string,
  options: Omit<EvaluateOptions, "asOf"> = {}
): ReadonlyArray<VerdictChange> => {
  const ordered = eventDays(caseFile).filter((day) => day <= until)
  const changes: Array<VerdictChange> = []
  let previous = new Map<string, Status>()
  for (const day of ordered) {
    const current = new Map<string, Status>()
    for (const verdict of allVerdicts(evaluateCase(caseFile, { ...options, asOf: day }))) {
      if (only !== undefined && verdict.id !== only) continue
      current.set(verdict.id, verdict.status)
      const change = verdictChange(day, verdict, previous.get(verdict.id))
      if (change !== undefined) changes.push(change)
    }
    previous = current
  }
  return changes
}

import type { IsoDay } from "../calendar/printed-date.ts"
import type { CaseFile } from "../model/case-file.ts"
import { type CaseEvaluator, caseEvaluator } from "./case-evaluator.ts"
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
 * `only` restricts the list to one item's verdict (`itemHistory`, which moves one evaluation on from day to
 * day); `options` give the kinds and rules, as to `evaluateCase`.
 */
export const verdictHistory = (
  caseFile: CaseFile,
  until: IsoDay,
  only?: string,
  options: Omit<EvaluateOptions, "asOf"> = {}
): ReadonlyArray<VerdictChange> => {
  if (only !== undefined) {
    let last: ReadonlyArray<VerdictChange> = []
    for (const progress of itemHistory(caseFile, only, until, options)) last = progress.changes
    return last
  }
  const ordered = eventDays(caseFile).filter((day) => day <= until)
  const changes: Array<VerdictChange> = []
  let previous = new Map<string, Status>()
  for (const day of ordered) {
    const current = new Map<string, Status>()
    for (const verdict of allVerdicts(evaluateCase(caseFile, { ...options, asOf: day }))) {
      current.set(verdict.id, verdict.status)
      const change = verdictChange(day, verdict, previous.get(verdict.id))
      if (change !== undefined) changes.push(change)
    }
    previous = current
  }
  return changes
}

/** One item's history so far: its changes up to the last day looked at, of the days to look at. */
export interface HistoryProgress {
  readonly changes: ReadonlyArray<VerdictChange>
  /** The event days looked at so far, and in all. */
  readonly daysDone: number
  readonly daysInAll: number
  /** The last day looked at. */
  readonly through?: IsoDay
  readonly done: boolean
}

/**
 * One item's history (`verdictHistory` for that item), a day at a time: each event day from the first on
 * which the item could be known, up to `until`, looked at by moving one evaluation on from the day
 * before. The first is a whole evaluation, which takes seconds in a large case, and a step can take long;
 * the caller takes the steps between other work and may stop at any time. `kept` hands back the item's
 * verdict on a day whose evaluation the caller holds already (`{ verdict: undefined }`: not known then).
 */
export function* itemHistory(
  caseFile: CaseFile,
  id: string,
  until: IsoDay,
  options: Omit<EvaluateOptions, "asOf"> = {},
  kept: (day: IsoDay) => { readonly verdict: Verdict | undefined } | undefined = () => undefined
): Generator<HistoryProgress, void, void> {
  const from = firstDayKnowable(caseFile, id)
  const days = eventDays(caseFile).filter((day) => day <= until && (from === undefined || day >= from))
  const changes: Array<VerdictChange> = []
  let previous: Status | undefined
  let done = 0
  yield { changes: [], daysDone: 0, daysInAll: days.length, done: days.length === 0 }
  let line: CaseEvaluator | undefined
  for (const day of days) {
    const held = kept(day)
    let verdict = held?.verdict
    if (held === undefined) {
      line = line === undefined ? caseEvaluator(caseFile, { ...options, asOf: day }) : line.atDay(day)
      verdict = verdictIn(line.evaluation, id)
    }
    done++
    const change = verdict === undefined ? undefined : verdictChange(day, verdict, previous)
    if (change !== undefined) changes.push(change)
    previous = verdict?.status
    yield {
      changes: [...changes],
      daysDone: done,
      daysInAll: days.length,
      through: day,
      done: done === days.length
    }
  }
}

/** One item's verdict in an evaluation: among the statements, claims and observations first. */
const verdictIn = (evaluation: CaseEvaluation, id: string): Verdict | undefined =>
  evaluation.statements.find((verdict) => verdict.id === id) ??
  evaluation.claims.find((verdict) => verdict.id === id) ??
  evaluation.observations.find((verdict) => verdict.id === id) ??
  allVerdicts(evaluation).find((verdict) => verdict.id === id)

/** The first day a statement, claim or observation could be known (undefined for anything else). */
const firstDayKnowable = (caseFile: CaseFile, id: string): IsoDay | undefined => {
  const statement = caseFile.statements.find((item) => item.id === id)
  if (statement !== undefined) return statement.observed.start
  const observation = caseFile.observations.find((item) => item.id === id)
  if (observation !== undefined) return observation.date.start
  const claim = caseFile.claims.find((item) => item.id === id)
  if (claim?.reported !== undefined) return claim.reported.start
  if (claim !== undefined && "statement" in claim.madeBy) {
    const made = claim.madeBy.statement
    return caseFile.statements.find((item) => item.id === made)?.observed.start
  }
  return undefined
}

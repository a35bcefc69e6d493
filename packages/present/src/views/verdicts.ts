import type { CaseEvaluation, Status, Verdict } from "@allegiance/domain"

/**
 * What a list needs of a verdict: its status and how sure. A `VerdictIndex` is one; so is the lookup of
 * a day's `TimelineVerdicts`, which carry only these two across a worker thread or an HTTP response.
 */
export interface VerdictLookup {
  readonly get: (
    id: string
  ) => { readonly status: Status; readonly confidence: { readonly words: string } } | undefined
}

/** Every verdict of an evaluation, by the id of what it judges. */
export interface VerdictIndex {
  readonly get: (id: string) => Verdict | undefined
  readonly all: () => Iterable<Verdict>
}

export const indexVerdicts = (evaluation: CaseEvaluation): VerdictIndex => {
  const byId = new Map<string, Verdict>()
  const add = (verdict: Verdict) => byId.set(verdict.id, verdict)
  for (const verdict of evaluation.statements) add(verdict)
  for (const verdict of evaluation.claims) add(verdict)
  for (const verdict of evaluation.observations) add(verdict)
  for (const verdict of evaluation.continuations) add(verdict)
  for (const relationship of evaluation.relationships) add(relationship.verdict)
  for (const question of evaluation.questions)
    for (const hypothesis of question.hypotheses) add(hypothesis.verdict)
  return { get: (id) => byId.get(id), all: () => byId.values() }
}

/** How many verdicts of each status an evaluation gives, for each kind of thing judged. */
export interface StatusCounts {
  readonly subject: Verdict["subject"]
  readonly counts: { readonly [S in Status]: number }
}

export const statusCounts = (evaluation: CaseEvaluation): ReadonlyArray<StatusCounts> => {
  const groups: ReadonlyArray<readonly [Verdict["subject"], Iterable<Verdict>]> = [
    ["statement", evaluation.statements],
    ["claim", evaluation.claims],
    ["observation", evaluation.observations],
    ["continuation", evaluation.continuations],
    ["relationship", evaluation.relationships.map((relationship) => relationship.verdict)],
    ["hypothesis", evaluation.questions.flatMap((question) => question.hypotheses.map((h) => h.verdict))]
  ]
  return groups.map(([subject, verdicts]) => {
    const counts = { established: 0, refuted: 0, contested: 0, unsupported: 0 }
    for (const verdict of verdicts) counts[verdict.status]++
    return { subject, counts }
  })
}

/** A verdict that is not what it was in an earlier evaluation (or is new in this one). */
export interface VerdictShift {
  readonly id: string
  readonly subject: Verdict["subject"]
  readonly about: string
  readonly from: Status | "not yet known"
  readonly to: Status
}

/** What changed between two evaluations of the same case (for instance one as-of step apart). */
export const verdictShifts = (before: VerdictIndex, after: VerdictIndex): ReadonlyArray<VerdictShift> => {
  const shifts: Array<VerdictShift> = []
  for (const verdict of after.all()) {
    const earlier = before.get(verdict.id)
    if (earlier?.status === verdict.status) continue
    shifts.push({
      id: verdict.id,
      subject: verdict.subject,
      about: verdict.about,
      from: earlier?.status ?? "not yet known",
      to: verdict.status
    })
  }
  return shifts
}

import type { Expectation, Question, RatingValue } from "../model/question.ts"
import { type ActivityEvidence, endingClaims } from "./activity.ts"
import { type CaseView, itemName, push } from "./case-view.ts"
import { notSurelyBefore } from "./dates.ts"
import { describeClaim } from "./item-verdicts.ts"
import { estimative, type Status, type Verdict } from "./verdict.ts"

/** One evidence item rated against one hypothesis. */
export interface Rating {
  readonly evidence: string
  readonly rating: RatingValue
  /** Derived from the reasoning, or the analyst's override with its reason. */
  readonly by: "reasoning" | "analyst"
  readonly reason: string
}

export interface HypothesisAssessment {
  readonly hypothesis: string
  readonly text: string
  readonly rank: number
  readonly inconsistencies: number
  readonly weightedInconsistency: number
  readonly ratings: ReadonlyArray<Rating>
  readonly verdict: Verdict
}

export interface QuestionAssessment {
  readonly question: string
  readonly text: string
  readonly hypotheses: ReadonlyArray<HypothesisAssessment>
  /** How much each evidence item tells the hypotheses apart: 0 when it rates them all alike. */
  readonly diagnosticity: ReadonlyArray<{ readonly evidence: string; readonly value: number }>
}

const verdictWeight: Record<Status, number> = {
  established: 1,
  contested: 0.5,
  unsupported: 0.25,
  refuted: 0.1
}

/** Whether a claim states the proposition an expectation names: same kind, and every role it names matches. */
const matches = (
  claim: { readonly kind: string } & Record<string, unknown>,
  expectation: Expectation
): boolean => {
  if (claim.kind !== expectation.kind) return false
  for (const [role, value] of Object.entries(expectation))
    if (role !== "kind" && role !== "holds" && value !== undefined && claim[role] !== value) return false
  return true
}

/**
 * Analysis of Competing Hypotheses over the reasoning's verdicts. An evidence item bears on an
 * expectation when it states the proposition (for), or when the rules make it count against it: activity
 * not dated before a claimed end counts against that end and for going on; a claimed end counts against
 * going on; word that only part of an actor acted counts against a whole-actor pledge. Items are weighted
 * by their own verdict; hypotheses are ranked by weighted inconsistency, least first.
 */
export const assessQuestions = (
  view: CaseView,
  claimVerdicts: ReadonlyMap<string, Verdict>,
  observationVerdicts: ReadonlyMap<string, Verdict>,
  activity: ReadonlyMap<string, ReadonlyArray<ActivityEvidence>>
): ReadonlyArray<QuestionAssessment> => {
  // Only evidence that names an actor or channel the hypotheses name can bear on them.
  const named = new Set<string>()
  for (const question of view.caseFile.questions)
    for (const hypothesis of question.hypotheses)
      for (const expectation of hypothesis.expects)
        for (const [role, value] of Object.entries(expectation))
          if (role !== "kind" && role !== "holds" && typeof value === "string") {
            named.add(value)
            const speaksFor = view.channels.get(value)?.speaksFor
            if (speaksFor !== undefined) named.add(speaksFor)
          }
  const mentions = evidenceByMention(view, activity, named)
  const activityById = new Map<string, Array<ActivityEvidence>>()
  for (const items of activity.values()) for (const item of items) push(activityById, item.id, item)
  return view.caseFile.questions.map((question) => {
    const candidates = new Set<string>(question.ratings.map((rating) => rating.evidence))
    for (const hypothesis of question.hypotheses)
      for (const expectation of hypothesis.expects)
        for (const [role, value] of Object.entries(expectation))
          if (role !== "kind" && role !== "holds" && typeof value === "string") {
            for (const id of mentions.get(value) ?? []) candidates.add(id)
            const speaksFor = view.channels.get(value)?.speaksFor
            if (speaksFor !== undefined) for (const id of mentions.get(speaksFor) ?? []) candidates.add(id)
          }
    return assessQuestion(
      view,
      question,
      [...candidates].sort(),
      claimVerdicts,
      observationVerdicts,
      activityById
    )
  })
}

/** Evidence items (claims, observations) by each of the `named` actors and channels they name. */
const evidenceByMention = (
  view: CaseView,
  activity: ReadonlyMap<string, ReadonlyArray<ActivityEvidence>>,
  named: ReadonlySet<string>
): ReadonlyMap<string, ReadonlyArray<string>> => {
  const index = new Map<string, Array<string>>()
  if (named.size === 0) return index
  const note = (name: unknown, id: string) => {
    if (typeof name !== "string" || !named.has(name)) return
    const list = index.get(name)
    if (list === undefined) index.set(name, [id])
    else if (list.at(-1) !== id) list.push(id)
  }
  for (const claim of view.claims) {
    const roles = claim as unknown as Record<string, unknown>
    for (const role in roles)
      if (role !== "id" && role !== "madeBy" && role !== "restsOn" && role !== "cites")
        note(roles[role], claim.id)
  }
  for (const observation of view.observations) note(observation.actor, observation.id)
  for (const [actor, items] of activity) for (const item of items) note(actor, item.id)
  return index
}

const assessQuestion = (
  view: CaseView,
  question: Question,
  evidenceIds: ReadonlyArray<string>,
  claimVerdicts: ReadonlyMap<string, Verdict>,
  observationVerdicts: ReadonlyMap<string, Verdict>,
  activityById: ReadonlyMap<string, ReadonlyArray<ActivityEvidence>>
): QuestionAssessment => {
  type Bearing = { readonly sign: 1 | -1; readonly why: string }
  const bearing = (evidence: string, expectation: Expectation): Bearing | undefined => {
    const claim = view.claimById.get(evidence)
    if (claim !== undefined) {
      if (matches(claim as unknown as { readonly kind: string } & Record<string, unknown>, expectation))
        return { sign: 1, why: `it states ${describeClaim(view, claim)}` }
      const actor = expectation.actor ?? expectation.absorbed ?? expectation.pledger
      if (expectation.kind === "continued-existence" && actor !== undefined) {
        if (
          (claim.kind === "dissolution" && claim.actor === actor) ||
          (claim.kind === "merger" && claim.absorbed === actor)
        )
          return { sign: -1, why: `it states ${describeClaim(view, claim)}` }
      }
      if (
        expectation.kind === "pledge" &&
        claim.kind === "partial-involvement" &&
        claim.actor === expectation.pledger
      )
        return {
          sign: -1,
          why: `it says only ${claim.part} acted, not the whole of ${itemName(view, claim.actor)}`
        }
      if (
        expectation.kind === "sole-official-channel" &&
        claim.kind === "sole-official-channel" &&
        claim.channel !== expectation.channel &&
        claim.scope === view.channels.get(expectation.channel ?? "")?.speaksFor
      )
        return { sign: -1, why: `it declares another channel the sole official one` }
    }
    const evidenceOfActivity = activityById
      .get(evidence)
      ?.find((item) => item.actor === (expectation.actor ?? expectation.absorbed))
    if (evidenceOfActivity !== undefined) {
      if (expectation.kind === "continued-existence")
        return { sign: 1, why: `it shows the actor at work (${evidenceOfActivity.date.text})` }
      if (expectation.kind === "dissolution" || expectation.kind === "merger") {
        const ends = endingClaims(view).get(expectation.absorbed ?? expectation.actor ?? "") ?? []
        const afterAnEnd =
          ends.length === 0 ||
          ends.some((end) => {
            const date =
              "statement" in end.madeBy
                ? view.statementById.get(end.madeBy.statement)?.observed
                : end.reported
            return date !== undefined && notSurelyBefore(evidenceOfActivity.date, date)
          })
        if (afterAnEnd)
          return {
            sign: -1,
            why: `it shows the actor at work (${evidenceOfActivity.date.text}), not before the claimed end`
          }
      }
    }
    return undefined
  }
  const weightOf = (id: string) => {
    const verdict = claimVerdicts.get(id) ?? observationVerdicts.get(id)
    return verdict === undefined ? 0 : verdictWeight[verdict.status]
  }
  const rated = question.hypotheses.map((hypothesis) => {
    const ratings: Array<Rating> = []
    for (const evidence of evidenceIds) {
      const override = question.ratings.find((r) => r.hypothesis === hypothesis.id && r.evidence === evidence)
      if (override !== undefined) {
        ratings.push({ evidence, rating: override.rating, by: "analyst", reason: override.reason })
        continue
      }
      let consistent: string | undefined
      let inconsistent: string | undefined
      for (const expectation of hypothesis.expects) {
        const bears = bearing(evidence, expectation)
        if (bears === undefined) continue
        const agrees = (bears.sign === 1) === expectation.holds
        if (agrees) consistent ??= bears.why
        else inconsistent ??= bears.why
      }
      if (inconsistent !== undefined)
        ratings.push({ evidence, rating: "inconsistent", by: "reasoning", reason: inconsistent })
      else if (consistent !== undefined)
        ratings.push({ evidence, rating: "consistent", by: "reasoning", reason: consistent })
    }
    const inconsistentItems = ratings.filter((r) => r.rating === "inconsistent")
    const weighted = inconsistentItems.reduce((sum, r) => sum + weightOf(r.evidence), 0)
    return { hypothesis, ratings, inconsistencies: inconsistentItems.length, weighted }
  })
  const ordered = [...rated].sort(
    (a, b) =>
      a.weighted - b.weighted ||
      a.inconsistencies - b.inconsistencies ||
      (a.hypothesis.id < b.hypothesis.id ? -1 : 1)
  )
  const best = ordered[0]
  const runnerUp = ordered[1]
  const hypotheses = ordered.map((entry, i): HypothesisAssessment => {
    const establishedAgainst = entry.ratings.filter(
      (r) => r.rating === "inconsistent" && weightOf(r.evidence) >= 1
    )
    const standingFor = entry.ratings.filter((r) => r.rating === "consistent" && weightOf(r.evidence) >= 1)
    const margin = runnerUp === undefined ? Infinity : runnerUp.weighted - (best?.weighted ?? 0)
    const status: Status =
      entry.ratings.length === 0
        ? "unsupported"
        : establishedAgainst.length > 0
          ? "refuted"
          : i === 0 && standingFor.length > 0 && margin >= 1
            ? "established"
            : "contested"
    const level =
      status === "established"
        ? margin >= 3
          ? 5
          : 4
        : status === "refuted"
          ? establishedAgainst.length >= 2
            ? 1
            : 2
          : 3
    const steps = [
      {
        items: [],
        sentence: `Hypothesis: ${entry.hypothesis.text} Rank ${i + 1} of ${ordered.length}, with ${entry.inconsistencies} inconsistent item${entry.inconsistencies === 1 ? "" : "s"} (weighted ${entry.weighted.toFixed(2)}).`
      },
      ...entry.ratings
        .filter((r) => r.rating !== "neutral")
        .sort((a, b) => (a.rating === b.rating ? 0 : a.rating === "inconsistent" ? -1 : 1))
        .map((r) => ({
          items: [r.evidence],
          sentence: `${r.evidence} is ${r.rating} with it${r.by === "analyst" ? " (the analyst's rating)" : ""}: ${r.reason}, and it is ${claimVerdicts.get(r.evidence)?.status ?? observationVerdicts.get(r.evidence)?.status ?? "not evaluated"}.`
        }))
    ]
    return {
      hypothesis: entry.hypothesis.id,
      text: entry.hypothesis.text,
      rank: i + 1,
      inconsistencies: entry.inconsistencies,
      weightedInconsistency: entry.weighted,
      ratings: entry.ratings,
      verdict: {
        id: entry.hypothesis.id,
        subject: "hypothesis",
        about: `the hypothesis "${entry.hypothesis.text}"`,
        status,
        confidence: {
          words: estimative(level),
          reason:
            status === "established"
              ? `it has the fewest weighted inconsistencies, ${margin === Infinity ? "with no rival" : `${margin.toFixed(2)} fewer than the next`}, and established evidence for it`
              : status === "refuted"
                ? `${establishedAgainst.length} established item${establishedAgainst.length === 1 ? " is" : "s are"} inconsistent with it`
                : status === "contested"
                  ? "the evidence does not set it clearly apart from its rivals"
                  : "no evidence bears on it"
        },
        explanation: steps,
        wouldSettle:
          status === "contested"
            ? [
                "Evidence that is consistent with one hypothesis and inconsistent with the others (a diagnostic item) would separate them."
              ]
            : []
      }
    }
  })
  const ratingMaps = rated.map((entry) => new Map(entry.ratings.map((rating) => [rating.evidence, rating])))
  const value = (rating: RatingValue | undefined) =>
    rating === "consistent" ? 1 : rating === "inconsistent" ? -1 : 0
  const diagnosticity = evidenceIds
    .map((evidence) => {
      const values = ratingMaps.map((ratings) => value(ratings.get(evidence)?.rating))
      return { evidence, value: (Math.max(...values) - Math.min(...values)) * weightOf(evidence) }
    })
    .filter((entry) => entry.value > 0)
    .sort((a, b) => b.value - a.value || (a.evidence < b.evidence ? -1 : 1))
  return { question: question.id, text: question.text, hypotheses, diagnosticity }
}

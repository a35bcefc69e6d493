import type { Claim } from "../model/claim.ts"
import type { Expectation, Hypothesis, Question, RatingValue } from "../model/question.ts"
import {
  type ActivityEvidence,
  activityEvidence,
  addedEvidence,
  additionsWithout,
  endedBy,
  endingClaims,
  itemIds
} from "./activity.ts"
import { type Additions, type CaseView, itemName, perView, push } from "./case-view.ts"
import { notSurelyBefore } from "./dates.ts"
import { describeClaim } from "./item-verdicts.ts"
import { ListIndex } from "./list-index.ts"
import type { VerdictsById } from "./relationships.ts"
import { type ExplanationStep, estimative, type Status, type Verdict, writtenLater } from "./verdict.ts"

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

/** The roles an expectation names (beside its kind and whether it holds), with their values. */
const namedRoles = (expectation: Expectation): ReadonlyArray<readonly [string, unknown]> =>
  Object.entries(expectation).filter(
    ([role, value]) => role !== "kind" && role !== "holds" && value !== undefined
  )

/** Whether a claim states the proposition an expectation names: same kind, and every role it names matches. */
const matches = (
  claim: { readonly kind: string } & Record<string, unknown>,
  kind: string,
  roles: ReadonlyArray<readonly [string, unknown]>
): boolean => {
  if (claim.kind !== kind) return false
  for (const [role, value] of roles) if (claim[role] !== value) return false
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
  claimVerdicts: VerdictsById,
  observationVerdicts: VerdictsById
): ReadonlyArray<QuestionAssessment> =>
  view.caseFile.questions.map((question) =>
    assessQuestion(view, question, claimVerdicts, observationVerdicts)
  )

/** The values (actors, channels, the actor a channel speaks for) an expectation names. */
const namedBy = function* (view: CaseView, expectation: Expectation): Iterable<string> {
  for (const [role, value] of Object.entries(expectation))
    if (role !== "kind" && role !== "holds" && typeof value === "string") {
      yield value
      const speaksFor = view.channels.get(value)?.speaksFor
      if (speaksFor !== undefined) yield speaksFor
    }
}

interface QuestionIndex {
  /** Every actor or channel some hypothesis names. */
  readonly named: ReadonlySet<string>
  /** The positions of the questions naming each actor or channel, or rating an evidence item by id. */
  readonly questionsAt: ReadonlyMap<string, ReadonlyArray<number>>
  /** Evidence items (claims, observations, activity) by each named actor and channel they name. */
  readonly mentions: ListIndex<string>
  readonly activityById: ListIndex<ActivityEvidence>
}

const gatherMentions = (
  named: ReadonlySet<string>,
  items: Additions,
  activity: Iterable<ActivityEvidence>,
  add: (name: string, id: string) => void
) => {
  if (named.size === 0) return
  const note = (name: unknown, id: string) => {
    if (typeof name === "string" && named.has(name)) add(name, id)
  }
  for (const claim of items.claims) {
    const roles = claim as unknown as Record<string, unknown>
    for (const role in roles)
      if (role !== "id" && role !== "madeBy" && role !== "restsOn" && role !== "cites")
        note(roles[role], claim.id)
  }
  for (const observation of items.observations) note(observation.actor, observation.id)
  for (const item of activity) note(item.actor, item.id)
}

const allEvidence = function* (view: CaseView): Iterable<ActivityEvidence> {
  for (const [, items] of activityEvidence(view).entries()) yield* items
}

// The questions never change between a view and its extensions: only the evidence they index grows.
const questionIndex = perView(
  (view): QuestionIndex => {
    const named = new Set<string>()
    const questionsAt = new Map<string, Array<number>>()
    view.caseFile.questions.forEach((question, at) => {
      for (const rating of question.ratings) push(questionsAt, rating.evidence, at)
      for (const hypothesis of question.hypotheses)
        for (const expectation of hypothesis.expects)
          for (const value of namedBy(view, expectation)) {
            named.add(value)
            push(questionsAt, value, at)
          }
    })
    const mentions = new Map<string, Array<string>>()
    gatherMentions(named, view, allEvidence(view), (name, id) => push(mentions, name, id))
    const activityById = new Map<string, Array<ActivityEvidence>>()
    for (const item of allEvidence(view)) push(activityById, item.id, item)
    return { named, questionsAt, mentions: ListIndex.of(mentions), activityById: ListIndex.of(activityById) }
  },
  (earlier, view, additions) => withEvidence(earlier, view, additions, addedEvidence(view, additions)),
  {
    // The questions read no tree; the activity they index does, for the actors its items name. On a day
    // an actor moved, the moved items' evidence is taken out and gathered again, and the rest stands.
    rebuild: (view, earlier) => {
      const { treeMoved, additions } = view.extends!
      const moved = treeMoved!
      const ids = itemIds(moved)
      const gathered: Array<ActivityEvidence> = []
      for (const id of ids) gathered.push(...earlier.activityById.get(id))
      const listedUnder = new Set<string>()
      gatherMentions(earlier.named, moved, gathered, (name) => listedUnder.add(name))
      const kept: QuestionIndex = {
        ...earlier,
        mentions: earlier.mentions.without(listedUnder, (id) => ids.has(id)),
        activityById: earlier.activityById.without(ids, () => true)
      }
      const rest = additionsWithout(additions, ids)
      const again = withEvidence(kept, view, moved, addedEvidence(view, moved))
      return withEvidence(again, view, rest, addedEvidence(view, rest))
    }
  }
)

/** The index with `items` and the evidence of activity they give. */
const withEvidence = (
  index: QuestionIndex,
  view: CaseView,
  items: Additions,
  evidence: ReadonlyArray<ActivityEvidence>
): QuestionIndex => ({
  ...index,
  mentions: index.mentions.with((add) => gatherMentions(index.named, items, evidence, add)),
  activityById: index.activityById.with((add) => {
    for (const item of evidence) add(item.id, item)
  }, view.extends?.rank)
})

/**
 * The positions (in the case's list of questions) of the questions that items with these ids, naming
 * these actors and channels, can bear on: a question whose evidence has not changed needs no new look.
 */
export const questionsConcerning = (view: CaseView, idsAndNames: Iterable<string>): ReadonlySet<number> => {
  const { questionsAt } = questionIndex(view)
  const found = new Set<number>()
  for (const value of idsAndNames) for (const at of questionsAt.get(value) ?? []) found.add(at)
  return found
}

/**
 * The evidence that can bear on a question, sorted: what it rates, and what names what its hypotheses
 * name. Given the evidence of an `earlier` rating, where all of it still can (as the as-of day moves on,
 * evidence only comes in), only what came in since is sorted and merged with it.
 */
const candidatesOf = (view: CaseView, question: Question, earlier?: RatedQuestion): ReadonlyArray<string> => {
  const { mentions } = questionIndex(view)
  const candidates = new Set<string>(question.ratings.map((rating) => rating.evidence))
  for (const value of namesOf(view, question)) for (const id of mentions.get(value)) candidates.add(id)
  if (earlier === undefined) return [...candidates].sort()
  const added: Array<string> = []
  for (const id of candidates) if (!earlier.byEvidence.has(id)) added.push(id)
  // Every earlier item is still a candidate exactly when the others make up the rest.
  if (candidates.size !== earlier.evidenceIds.length + added.length) return [...candidates].sort()
  return mergedSorted(earlier.evidenceIds, added.sort())
}

/** Two sorted lists of distinct strings as one sorted list. */
const mergedSorted = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): ReadonlyArray<string> => {
  if (b.length === 0) return a
  const merged: Array<string> = []
  let i = 0
  for (const value of b) {
    while (i < a.length && a[i]! < value) merged.push(a[i++]!)
    merged.push(value)
  }
  while (i < a.length) merged.push(a[i++]!)
  return merged
}

// The actors and channels a question's hypotheses name, each once: hypotheses of one question name the
// same actors again and again. Kept by the case's channels (who a channel speaks for is among the names)
// and the question, neither of which changes between views of a case.
const questionNames = new WeakMap<object, WeakMap<Question, ReadonlyArray<string>>>()

const namesOf = (view: CaseView, question: Question): ReadonlyArray<string> => {
  let byQuestion = questionNames.get(view.channels)
  if (byQuestion === undefined) {
    byQuestion = new WeakMap()
    questionNames.set(view.channels, byQuestion)
  }
  let names = byQuestion.get(question)
  if (names === undefined) {
    const distinct = new Set<string>()
    for (const hypothesis of question.hypotheses)
      for (const expectation of hypothesis.expects)
        for (const value of namedBy(view, expectation)) distinct.add(value)
    names = [...distinct]
    byQuestion.set(question, names)
  }
  return names
}

/** A reason as the analyst wrote it, without the full stop the sentence it goes into adds. */
const withoutFinalStop = (reason: string) => reason.replace(/\.+$/u, "")

/** One question: its hypotheses rated against the evidence, weighted, and ranked. */
export const assessQuestion = (
  view: CaseView,
  question: Question,
  claimVerdicts: VerdictsById,
  observationVerdicts: VerdictsById,
  rated: RatedQuestion = rateQuestion(view, question)
): QuestionAssessment =>
  weighQuestion(question, rated, claimVerdicts, observationVerdicts, (id) => itemName(view, id))

/**
 * A question's hypotheses rated against the evidence that can bear on them. The ratings rest on what the
 * evidence says, not on how it fares, so they hold until evidence naming what the question names is
 * added; only the weighing reads the verdicts.
 */
export interface RatedQuestion {
  readonly evidenceIds: ReadonlyArray<string>
  readonly rated: ReadonlyArray<{ readonly hypothesis: Hypothesis; readonly ratings: ReadonlyArray<Rating> }>
  /** Each evidence item's rating by each hypothesis (in the question's order), where it rates it. */
  readonly byEvidence: ReadonlyMap<string, ReadonlyArray<Rating | undefined>>
}

/**
 * What may keep an earlier rating of a question's evidence items: `earlier` rated them in the view this
 * one extends, and `stale` says which of them read something that changed since (their names, or what
 * they name). A rating reads what the item says, not how it fares, so the others stand as they were.
 */
export interface EarlierRatings {
  readonly earlier: RatedQuestion
  readonly stale: (evidence: string) => boolean
}

export const rateQuestion = (view: CaseView, question: Question, kept?: EarlierRatings): RatedQuestion => {
  const evidenceIds = candidatesOf(view, question, kept?.earlier)
  const { activityById } = questionIndex(view)
  type Bearing = { readonly sign: 1 | -1; readonly why: string }
  const name = (id: string) => itemName(view, id)
  /**
   * How an evidence item bears on what an expectation names, read the same whether the expectation
   * holds or not (that only says which way the bearing counts). Hypotheses of one question name the
   * same propositions again and again, so each proposition is asked about once per item.
   */
  const bearing = (
    claim: Claim | undefined,
    activity: ReadonlyArray<ActivityEvidence>,
    expectation: Expectation,
    roles: ReadonlyArray<readonly [string, unknown]>
  ): Bearing | undefined => {
    if (claim !== undefined) {
      if (
        matches(
          claim as unknown as { readonly kind: string } & Record<string, unknown>,
          expectation.kind,
          roles
        )
      )
        return { sign: 1, why: `it states ${describeClaim(view, claim)}` }
      const actor = expectation.actor ?? expectation.absorbed ?? expectation.pledger
      // A claimed end of the actor counts against its going on, whatever kind of end it is.
      if (expectation.kind === "continued-existence" && actor !== undefined && endedBy(view, claim) === actor)
        return { sign: -1, why: `it states ${describeClaim(view, claim)}` }
      const against = view.model.kindOf(claim).against?.(claim, expectation, view, name)
      if (against !== undefined) return { sign: -1, why: against }
    }
    if (activity.length === 0) return undefined
    const evidenceOfActivity = activity.find(
      (item) => item.actor === (expectation.actor ?? expectation.absorbed)
    )
    if (evidenceOfActivity !== undefined) {
      if (expectation.kind === "continued-existence")
        return { sign: 1, why: `it shows the actor at work (${evidenceOfActivity.date.text})` }
      if (view.model.kindNamed(expectation.kind)?.ends !== undefined) {
        const ends = endingClaims(view).get(expectation.absorbed ?? expectation.actor ?? "")
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
  // Each distinct proposition the hypotheses name (kind and roles, whatever it says of holding), once.
  const propositions = new Map<string, number>()
  const askedOf: Array<{
    readonly expectation: Expectation
    readonly roles: ReadonlyArray<readonly [string, unknown]>
  }> = []
  const expects = question.hypotheses.map((hypothesis) =>
    hypothesis.expects.map((expectation) => {
      const roles = namedRoles(expectation)
      const signature = JSON.stringify([expectation.kind, roles])
      let at = propositions.get(signature)
      if (at === undefined) {
        at = askedOf.length
        propositions.set(signature, at)
        askedOf.push({ expectation, roles })
      }
      return { holds: expectation.holds, at }
    })
  )
  const overrides = new Map(
    question.ratings.map((rating) => [`${rating.hypothesis}\u0000${rating.evidence}`, rating])
  )
  const ratingsOf = question.hypotheses.map((): Array<Rating> => [])
  const bearings: Array<Bearing | undefined> = new Array(askedOf.length)
  const rowOf = (evidence: string): ReadonlyArray<Rating | undefined> => {
    const claim = view.claimById.get(evidence)
    const activity = activityById.get(evidence)
    for (let at = 0; at < askedOf.length; at++) {
      const asked = askedOf[at]!
      bearings[at] = bearing(claim, activity, asked.expectation, asked.roles)
    }
    return question.hypotheses.map((hypothesis, h): Rating | undefined => {
      const override = overrides.size === 0 ? undefined : overrides.get(`${hypothesis.id}\u0000${evidence}`)
      if (override !== undefined)
        return { evidence, rating: override.rating, by: "analyst", reason: override.reason }
      let consistent: string | undefined
      let inconsistent: string | undefined
      for (const { holds, at } of expects[h]!) {
        const bears = bearings[at]
        if (bears === undefined) continue
        const agrees = (bears.sign === 1) === holds
        if (agrees) consistent ??= bears.why
        else inconsistent ??= bears.why
      }
      if (inconsistent !== undefined)
        return { evidence, rating: "inconsistent", by: "reasoning", reason: inconsistent }
      if (consistent !== undefined)
        return { evidence, rating: "consistent", by: "reasoning", reason: consistent }
      return undefined
    })
  }
  const byEvidence = new Map<string, ReadonlyArray<Rating | undefined>>()
  for (const evidence of evidenceIds) {
    const earlier = kept?.earlier.byEvidence.get(evidence)
    const row = earlier !== undefined && !kept!.stale(evidence) ? earlier : rowOf(evidence)
    byEvidence.set(evidence, row)
    for (let h = 0; h < row.length; h++) {
      const rating = row[h]
      if (rating !== undefined) ratingsOf[h]!.push(rating)
    }
  }
  const rated = question.hypotheses.map((hypothesis, h) => ({ hypothesis, ratings: ratingsOf[h]! }))
  return { evidenceIds, rated, byEvidence }
}

/** Weighs a question's ratings by how each item fares, and ranks its hypotheses. */
const weighQuestion = (
  question: Question,
  { evidenceIds, rated: unweighed }: RatedQuestion,
  claimVerdicts: VerdictsById,
  observationVerdicts: VerdictsById,
  /** The name a writer would use for an item, when an explanation is read. */
  name: (id: string) => string
): QuestionAssessment => {
  // Each item is weighed several times (for each hypothesis rating it, and for its diagnosticity): once is enough.
  const weights = new Map<string, number>()
  const weightOf = (id: string) => {
    let weight = weights.get(id)
    if (weight === undefined) {
      const verdict = claimVerdicts.get(id) ?? observationVerdicts.get(id)
      weight = verdict === undefined ? 0 : verdictWeight[verdict.status]
      weights.set(id, weight)
    }
    return weight
  }
  const rated = unweighed.map(({ hypothesis, ratings }) => {
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
    const steps = (): ReadonlyArray<ExplanationStep> => [
      {
        items: [],
        sentence: `Hypothesis: ${entry.hypothesis.text} Rank ${i + 1} of ${ordered.length}, with ${entry.inconsistencies} inconsistent item${entry.inconsistencies === 1 ? "" : "s"} (weighted ${entry.weighted.toFixed(2)}).`
      },
      ...entry.ratings
        .filter((r) => r.rating !== "neutral")
        .sort((a, b) => (a.rating === b.rating ? 0 : a.rating === "inconsistent" ? -1 : 1))
        .map((r) => ({
          items: [r.evidence],
          sentence: (() => {
            const status =
              claimVerdicts.get(r.evidence)?.status ?? observationVerdicts.get(r.evidence)?.status
            const named = name(r.evidence)
            return `${named.charAt(0).toUpperCase()}${named.slice(1)} is ${r.rating} with it${r.by === "analyst" ? " (the analyst's rating)" : ""}: ${withoutFinalStop(r.reason)}${status === undefined ? "" : `, and it is ${status}`}.`
          })()
        }))
    ]
    return {
      hypothesis: entry.hypothesis.id,
      text: entry.hypothesis.text,
      rank: i + 1,
      inconsistencies: entry.inconsistencies,
      weightedInconsistency: entry.weighted,
      ratings: entry.ratings,
      verdict: writtenLater(
        {
          id: entry.hypothesis.id,
          subject: "hypothesis",
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
          wouldSettle:
            status === "contested"
              ? [
                  "Evidence that is consistent with one hypothesis and inconsistent with the others (a diagnostic item) would separate them."
                ]
              : []
        },
        { about: () => `the hypothesis "${entry.hypothesis.text}"`, explanation: steps }
      )
    }
  })
  const ratingMaps = rated.map((entry) => new Map(entry.ratings.map((rating) => [rating.evidence, rating])))
  const value = (rating: RatingValue | undefined) =>
    rating === "consistent" ? 1 : rating === "inconsistent" ? -1 : 0
  // Only an item rated apart by some two hypotheses can separate them: the others are not weighed at all.
  const diagnosticity: Array<{ readonly evidence: string; readonly value: number }> = []
  for (const evidence of evidenceIds) {
    let highest = Number.NEGATIVE_INFINITY
    let lowest = Number.POSITIVE_INFINITY
    for (const ratings of ratingMaps) {
      const rating = value(ratings.get(evidence)?.rating)
      if (rating > highest) highest = rating
      if (rating < lowest) lowest = rating
    }
    if (!(highest > lowest)) continue
    const weighted = (highest - lowest) * weightOf(evidence)
    if (weighted > 0) diagnosticity.push({ evidence, value: weighted })
  }
  diagnosticity.sort((a, b) => b.value - a.value || (a.evidence < b.evidence ? -1 : 1))
  return { question: question.id, text: question.text, hypotheses, diagnosticity }
}

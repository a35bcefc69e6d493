import type { IsoDay } from "../calendar/printed-date.ts"
import type { Claim } from "../model/claim.ts"
import type { RelationshipKind } from "../model/relationship.ts"
import { endingClaims } from "./activity.ts"
import {
  type CaseView,
  claimDate,
  dateInSentence,
  indexPerView,
  itemName,
  knownBy,
  readsNoTree,
  shortSource
} from "./case-view.ts"
import { type Allegiance, acceptancesOf, isAcknowledgement } from "./rules/acceptance.ts"
import {
  type ExplanationStep,
  estimative,
  estimativeScale,
  type Status,
  type Verdict,
  writtenLater
} from "./verdict.ts"

/** A time-bounded link between two actors, derived from the claims and background the case holds. */
export interface DerivedRelationship {
  readonly id: string
  readonly kind: RelationshipKind
  readonly from: string
  readonly to: string
  readonly start?: IsoDay
  readonly end?: IsoDay
  /** For allegiance: whether the recipient acknowledged it (rule 9). */
  readonly accepted?: boolean
  readonly claims: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
  readonly verdict: Verdict
}

/** An actor's life as the reasoning sees it: active, ceased from a date, or not known either way. */
export interface Lifecycle {
  readonly actor: string
  readonly state: "active" | "ceased" | "unknown"
  readonly since?: IsoDay
  readonly because: string
  readonly items: ReadonlyArray<string>
}

const rank: Record<Status, number> = { established: 3, contested: 2, unsupported: 1, refuted: 0 }

/** The relationship a claim asserts, as its kind says: its kind and its two ends. */
const endpoints = (
  view: CaseView,
  claim: Claim
):
  | {
      readonly kind: RelationshipKind
      readonly from: string
      readonly to: string
      readonly symmetric: boolean
    }
  | undefined => {
  const relationship = view.model.kindOf(claim).relationship
  if (relationship === undefined) return undefined
  const [from, to] = relationship.between(claim)
  return { kind: relationship.kind, from, to, symmetric: relationship.symmetric === true }
}

/** Actors' lifecycles: ceased once an end (dissolution, merger away) is established, active while evidence of activity stands. */
export const lifecycles = (
  view: CaseView,
  claimVerdicts: VerdictsById,
  continuations: VerdictsById
): ReadonlyArray<Lifecycle> =>
  [...view.actors.keys()].map((actor) => lifecycleOf(view, actor, claimVerdicts, continuations))

/** Verdicts by the id of what they judge. */
export interface VerdictsById {
  readonly get: (id: string) => Verdict | undefined
}

/** One actor's lifecycle. */
export const lifecycleOf = (
  view: CaseView,
  actor: string,
  claimVerdicts: VerdictsById,
  continuations: VerdictsById
): Lifecycle => {
  const ends = endingClaims(view)
    .get(actor)
    .filter((claim) => claimVerdicts.get(claim.id)?.status === "established")
    .map((claim) => ({ claim, date: claimDate(claim, view.statementById) }))
    .filter((end) => end.date !== undefined)
    .sort((a, b) => (a.date!.start < b.date!.start ? -1 : 1))
  const first = ends[0]
  const continuation = continuations.get(`continues:${actor}`)
  if (first !== undefined && continuation?.status === "established")
    return {
      actor,
      state: "active",
      because: `${itemName(view, actor)} is said to have ended (${itemName(view, first.claim.id)}, ${first.date!.text}), yet evidence of it going on stands beside it: it goes on in another form.`,
      items: [first.claim.id, continuation.id]
    }
  if (first !== undefined)
    return {
      actor,
      state: "ceased",
      since: first.date!.start,
      because: `${itemName(view, actor)} ceased to exist as an actor ${fromDate(first.date!.text)}: ${itemName(view, first.claim.id)} is established.`,
      items: ends.map((end) => end.claim.id)
    }
  if (continuation?.status === "established")
    return {
      actor,
      state: "active",
      because: `${itemName(view, actor)} is active: evidence of activity stands.`,
      items: [continuation.id]
    }
  return {
    actor,
    state: "unknown",
    because: `Nothing established says whether ${itemName(view, actor)} is active or has ceased.`,
    items: []
  }
}

/** The relationship a claim bears on, as a key (its kind and the two actors), with its ends. */
const relationshipOf = (
  view: CaseView,
  claim: Claim
): { readonly key: string; readonly from: string; readonly to: string } | undefined => {
  const ends = endpoints(view, claim)
  if (ends === undefined) return undefined
  const { kind, from, to, symmetric } = ends
  return { key: `${kind}:${symmetric ? [from, to].sort().join("~") : `${from}>${to}`}`, from, to }
}

/** The key of the relationship a claim bears on, if it bears on one. */
export const relationshipKey = (view: CaseView, claim: Claim): string | undefined =>
  relationshipOf(view, claim)?.key

/** The claims bearing on each relationship, by its key, relationships in the order first claimed. */
export const relationshipClaims = indexPerView<Claim>((view, items, add) => {
  for (const claim of items.claims) {
    const relationship = relationshipOf(view, claim)
    if (relationship !== undefined) add(relationship.key, claim)
  }
}, readsNoTree)

/** The keys of the relationships each actor is party to (a key may repeat). */
export const relationshipsOfActor = indexPerView<string>((view, items, add) => {
  for (const claim of items.claims) {
    const relationship = relationshipOf(view, claim)
    if (relationship === undefined) continue
    add(relationship.from, relationship.key)
    add(relationship.to, relationship.key)
  }
}, readsNoTree)

const breaksOf = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims)
    if (claim.kind === "break") add(`${claim.pledger}>${claim.recipient}`, claim)
}, readsNoTree)

/** When each ceased actor ceased, from the lifecycles. */
export const ceasedSince = (lifecycle: Iterable<Lifecycle>): Map<string, IsoDay | undefined> => {
  const ceased = new Map<string, IsoDay | undefined>()
  for (const life of lifecycle) if (life.state === "ceased") ceased.set(life.actor, life.since)
  return ceased
}

/**
 * Relationships derived from claims, one per proposition and allegiance episode (a break starts a new
 * episode), plus the background the case states directly. Status is the best any of its claims reaches;
 * the interval runs from the earliest claim to a break or the end of either actor.
 */
export const deriveRelationships = (
  view: CaseView,
  claimVerdicts: VerdictsById,
  lifecycle: ReadonlyArray<Lifecycle>
): ReadonlyArray<DerivedRelationship> => {
  const ceased = ceasedSince(lifecycle)
  const derived: Array<DerivedRelationship> = []
  for (const [key, claims] of relationshipClaims(view).entries())
    for (const relationship of claimedRelationships(view, key, claims, claimVerdicts, ceased))
      derived.push(relationship)
  for (const relationship of backgroundRelationships(view)) derived.push(relationship)
  return derived
}

/** How many of the sorted `breaks` fall on or before `day`: the episode a claim of that day belongs to. */
const breaksUpTo = (breaks: ReadonlyArray<IsoDay>, day: IsoDay): number => {
  let low = 0
  let high = breaks.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (breaks[middle]! <= day) low = middle + 1
    else high = middle
  }
  return low
}

/** The relationships one group of claims gives: one per allegiance episode. */
export const claimedRelationships = (
  view: CaseView,
  key: string,
  claims: ReadonlyArray<Claim>,
  claimVerdicts: VerdictsById,
  ceased: ReadonlyMap<string, IsoDay | undefined>
): ReadonlyArray<DerivedRelationship> => {
  const derived: Array<DerivedRelationship> = []
  // The ends as the claim with the first id puts them, so that the order of the case file does not matter.
  const first = claims.reduce((a, b) => (b.id < a.id ? b : a))
  const { kind, from, to } = endpoints(view, first)!
  // Breaks end allegiance episodes, not cooperation or rivalry.
  const allegiance = kind === "pledged-to" || kind === "accepted-by"
  const breaks = (allegiance ? breaksOf(view).get(`${from}>${to}`) : [])
    .map((claim) => claimDate(claim, view.statementById)?.start)
    .filter((day): day is IsoDay => day !== undefined)
    .sort()
  // Each stretch between breaks is an allegiance episode of its own.
  const episodes = new Map<number, Array<Claim>>()
  for (const claim of claims) {
    const day = (claim.occurred ?? claimDate(claim, view.statementById))?.start
    const episode = day === undefined ? 0 : breaksUpTo(breaks, day)
    const list = episodes.get(episode)
    if (list === undefined) episodes.set(episode, [claim])
    else list.push(claim)
  }
  for (const [episode, members] of episodes) {
    const starts = members
      .map((claim) => (claim.occurred ?? claimDate(claim, view.statementById))?.start)
      .filter((day): day is IsoDay => day !== undefined)
      .sort()
    const endCandidates = [
      breaks[episode],
      ceased.get(from),
      kind === "merged-into" ? undefined : ceased.get(to)
    ]
      .filter((day): day is IsoDay => day !== undefined && (starts[0] === undefined || day > starts[0]))
      .sort()
    const pledges = members.filter(
      (claim): claim is Allegiance => claim.kind === "pledge" || claim.kind === "reaffirmation"
    )
    const acknowledged = pledges.some((pledge) =>
      acceptancesOf(view, pledge).some(
        (acceptance) => claimVerdicts.get(acceptance.id)?.status === "established"
      )
    )
    // Only renewals of an allegiance held before the case: its acceptance is not in question here.
    const renewalsOnly = pledges.length > 0 && pledges.every((pledge) => pledge.kind === "reaffirmation")
    const accepted = kind !== "pledged-to" || (renewalsOnly && !acknowledged) ? undefined : acknowledged
    // An acceptance counts only from the recipient (rule 9): the same notion as `accepted` above.
    const acknowledgements =
      kind === "accepted-by"
        ? members.filter(
            (claim) =>
              (claim.kind === "acceptance" || claim.kind === "designation") && isAcknowledgement(view, claim)
          )
        : members
    const verdicts = acknowledgements
      .map((claim) => claimVerdicts.get(claim.id)!)
      .filter((v) => v !== undefined)
    // The best status, then the surest, then the first id: the same whatever the order of the case file.
    const best =
      verdicts.length === 0
        ? undefined
        : verdicts.reduce((a, b) => {
            if (rank[b.status] !== rank[a.status]) return rank[b.status] > rank[a.status] ? b : a
            const sure =
              estimativeScale.indexOf(b.confidence.words) - estimativeScale.indexOf(a.confidence.words)
            if (sure !== 0) return sure > 0 ? b : a
            return b.id < a.id ? b : a
          })
    const id = `rel:${key}${episode === 0 ? "" : `#${episode + 1}`}`
    const kindWords = kind.replace(/-/g, " ")
    const sources = [
      ...new Set(
        members.map((claim) => ("statement" in claim.madeBy ? claim.madeBy.statement : claim.madeBy.source))
      )
    ]
    const what = `${itemName(view, from)} ${kindWords} ${itemName(view, to)}`
    const steps = (): ReadonlyArray<ExplanationStep> => [
      {
        items: members.map((claim) => claim.id),
        sentence: `${what}: from ${members.length === 1 ? "one claim" : `${members.length} claims`} (${members.map((claim) => `${itemName(view, claim.id)}, ${claimVerdicts.get(claim.id)?.status ?? "not evaluated"}`).join("; ")}).`
      },
      ...(kind !== "pledged-to"
        ? []
        : [
            {
              rule: "acceptance",
              items: pledges.map((p) => p.id),
              sentence:
                accepted === true
                  ? `${itemName(view, to)} acknowledged it: the allegiance is accepted.`
                  : accepted === false
                    ? `No acknowledgement by ${itemName(view, to)} is known: the allegiance is announced, not accepted.`
                    : `It renews an allegiance held before: its acceptance is not in question here.`
            }
          ]),
      ...(best === undefined
        ? [
            {
              rule: "acceptance",
              items: members.map((claim) => claim.id),
              sentence: `None of these comes from ${itemName(view, to)}: the pledger's word that it was accepted is not an acknowledgement by the recipient, so ${what} is unsupported.`
            }
          ]
        : best.explanation.slice(1))
    ]
    const verdict = writtenLater(
      {
        id,
        subject: "relationship",
        status: best?.status ?? "unsupported",
        confidence: best?.confidence ?? {
          words: estimative(2),
          reason: `no acknowledgement by ${itemName(view, to)} is known, only claims that it accepted`
        },
        wouldSettle: best?.wouldSettle ?? [
          `Word from ${itemName(view, to)} itself that it accepted the pledge would settle it.`
        ]
      },
      { about: () => what, explanation: steps, couldStillStand: () => best?.couldStillStand }
    )
    derived.push({
      id,
      kind,
      from,
      to,
      ...(starts[0] === undefined ? {} : { start: starts[0] }),
      ...(endCandidates[0] === undefined ? {} : { end: endCandidates[0] }),
      ...(accepted === undefined ? {} : { accepted }),
      claims: members.map((claim) => claim.id),
      sources,
      verdict
    })
  }
  return derived
}

/** The relationships the case states as background, with their sources. */
export const backgroundRelationships = (view: CaseView): ReadonlyArray<DerivedRelationship> => {
  const derived: Array<DerivedRelationship> = []
  for (const relationship of view.caseFile.relationships) {
    // A link that starts after the as-of day is not yet known then (the view lists it as left out).
    if (relationship.since !== undefined && !knownBy(relationship.since, view.asOf).known) continue
    const stated = relationship.sources
      .map((id) => view.sources.get(id))
      .filter((source) => source !== undefined)
    const reliable = stated.some((source) => ["A", "B"].includes(source.reliability))
    // With no source, it is the analyst's own assertion: stated, and said to be, on no one else's word.
    const own = stated.length === 0
    const status: Status = own || reliable ? "established" : "unsupported"
    const what = `${itemName(view, relationship.from)} ${relationship.kind.replace(/-/g, " ")} ${itemName(view, relationship.to)}`
    derived.push({
      id: relationship.id,
      kind: relationship.kind,
      from: relationship.from,
      to: relationship.to,
      ...(relationship.since === undefined ? {} : { start: relationship.since.start }),
      ...(relationship.until === undefined ? {} : { end: relationship.until.end }),
      claims: [],
      sources: relationship.sources,
      verdict: {
        id: relationship.id,
        subject: "relationship",
        about: what,
        status,
        confidence: {
          words: estimative(own ? 4 : status === "established" ? 5 : 3),
          reason: own
            ? "it is the analyst's own assertion: the case cites no source for it"
            : reliable
              ? "stated as background by a reliable source"
              : "stated without a reliable source"
        },
        explanation: [
          {
            items: [relationship.id, ...relationship.sources],
            sentence: `${what}${relationship.since === undefined ? "" : ` since ${relationship.since.text}`}: ${own ? "the analyst's own assertion, with no source cited" : `stated as background by ${stated.map((s) => shortSource(s.description)).join("; ")}`}.`
          }
        ],
        wouldSettle: []
      }
    })
  }
  return derived
}

/** "from 11 March 2016", but "by the end of August 2014": a printed date that opens with its own preposition takes no other. */
const fromDate = (text: string): string => {
  const inSentence = dateInSentence(text)
  return inSentence === text ? `from ${text}` : inSentence
}

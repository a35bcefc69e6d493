import type { PrintedDate } from "../calendar/printed-date.ts"
import type { Claim } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import { inOwnName, isWithin, voicesOf } from "./actor-tree.ts"
import { type Additions, type CaseView, claimDate, indexPerView, perView, readsNoTree } from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, obsArg } from "./finding.ts"
import { ListIndex } from "./list-index.ts"
import { idsOf } from "./rule.ts"

/** One piece of dated evidence that an actor was active: who shows it, when, through which channel. */
export interface ActivityEvidence {
  readonly argument: ArgumentKey
  readonly id: string
  readonly actor: string
  readonly date: PrintedDate
  readonly channel: string | undefined
  /**
   * The statement it comes from (itself, the one making the claim, the one carrying what was seen), if
   * any. What was seen may be known before the statement carrying it is: the evidence reads the same on
   * every day, and whoever weighs the carrier asks whether it is known.
   */
  readonly statement: string | undefined
  readonly description: string
}

/**
 * Dated evidence of an actor at work: observed activity and releases, the actor's own statements (every
 * release in a group's name is a sign of it at work, as every missing one is a sign of silence; a
 * person's words can be released by others, so a person's are not), and claims of
 * the kinds that report activity (fighting beside others, its size, a claim of responsibility, members
 * who did not follow a decision made in its name). Activity seen under another actor's banner shows that
 * actor at work, not this one going on as before.
 */
export const activityEvidence = (view: CaseView): ListIndex<ActivityEvidence> => evidenceOf(view)

const evidenceOf = perView<ListIndex<ActivityEvidence>>(
  (view) => {
    const lists = new Map<string, Array<ActivityEvidence>>()
    gatherEvidence(view, view, (evidence) => {
      const list = lists.get(evidence.actor)
      if (list === undefined) lists.set(evidence.actor, [evidence])
      else list.push(evidence)
    })
    return ListIndex.of(lists)
  },
  (earlier, view, additions) => withEvidenceOf(earlier, view, additions),
  { rebuild: (view, earlier) => regathered(view, earlier) }
)

const withEvidenceOf = (index: ListIndex<ActivityEvidence>, view: CaseView, items: Additions) =>
  index.with(
    (add) => gatherEvidence(view, items, (evidence) => add(evidence.actor, evidence)),
    view.extends?.rank
  )

/**
 * The evidence of a view on whose day an actor stands elsewhere in the tree than in the view it extends:
 * what that one gathered, with the pieces of the items a moved actor (or one below it) takes part in
 * gathered again. Whose work a piece shows reads the tree only for the actors its item names; every
 * other piece reads as it did, and stays the same object, so that what was worked out of it (the support
 * it gives) stands.
 */
const regathered = (view: CaseView, earlier: ListIndex<ActivityEvidence>): ListIndex<ActivityEvidence> => {
  const { treeMoved, additions } = view.extends!
  const before = view.extends!.view.deref()!
  const moved = treeMoved!
  const ids = itemIds(moved)
  // The actors the moved items' pieces were listed under on the earlier day.
  const listedUnder = new Set<string>()
  gatherEvidence(before, moved, (evidence) => listedUnder.add(evidence.actor))
  const kept = earlier.without(listedUnder, (evidence) => ids.has(evidence.id))
  return withEvidenceOf(withEvidenceOf(kept, view, moved), view, additionsWithout(additions, ids))
}

/** The ids of the statements, claims and observations. */
export const itemIds = (items: Additions): Set<string> =>
  new Set(idsOf([...items.statements, ...items.claims, ...items.observations]))

/** The items but those of these ids (on a day an actor moved, those gathered again already). */
export const additionsWithout = (additions: Additions, ids: ReadonlySet<string>): Additions => ({
  statements: additions.statements.filter((statement) => !ids.has(statement.id)),
  claims: additions.claims.filter((claim) => !ids.has(claim.id)),
  observations: additions.observations.filter((observation) => !ids.has(observation.id))
})

/** The evidence of activity that `additions` bring to `view`, which holds them. */
export const addedEvidence = (view: CaseView, additions: Additions): ReadonlyArray<ActivityEvidence> => {
  const added: Array<ActivityEvidence> = []
  gatherEvidence(view, additions, (evidence) => added.push(evidence))
  return added
}

const gatherEvidence = (view: CaseView, items: Additions, add: (evidence: ActivityEvidence) => void) => {
  for (const observation of items.observations) {
    if (observation.kind === "absence") continue
    const under = observation.under
    // Under a banner of its own tree, it is the actor at work; under another's, that other is.
    const foreign =
      under !== undefined &&
      !isWithin(view, under, observation.actor) &&
      !isWithin(view, observation.actor, under)
    add({
      argument: obsArg(observation.id),
      id: observation.id,
      actor: foreign ? under : observation.actor,
      date: observation.date,
      channel: observation.channel,
      statement: observation.carriedBy,
      description: observation.description
    })
  }
  for (const statement of items.statements) {
    const banner = statement.media.some((media) => media.showsBannerAndMembers)
    const own = inOwnName(view, statement)
    for (const voice of own ? [statement.issuer.actor] : voicesOf(statement)) {
      // A person's words are released by others too (a will, a recorded speech): a statement in a person's
      // name shows the person at work only when it shows the person (photos of the banner and members).
      if (!banner && view.actors.get(voice)?.kind === "person") continue
      add({
        argument: authOf(statement.id),
        id: statement.id,
        actor: voice,
        date: statement.observed,
        channel: statement.channel,
        statement: statement.id,
        description: banner ? "photos of its banner and members" : "a release in its name"
      })
    }
  }
  // Claims of the kinds that are reports of activity show their actor at work (`ClaimKind.activity`).
  for (const claim of items.claims) {
    const shown = view.model.kindOf(claim).activity?.(claim)
    const date = shown === undefined ? undefined : claimDate(claim, view.statementById)
    if (shown === undefined || date === undefined) continue
    const maker = "statement" in claim.madeBy ? view.statementById.get(claim.madeBy.statement) : undefined
    add({
      argument: claimArg(claim.id),
      id: claim.id,
      actor: shown.actor,
      date,
      channel: maker?.channel,
      statement: maker?.id,
      description: shown.description
    })
  }
}

/** The actor a claim ends (by dissolution, by merger into another: see `ClaimKind.ends`), if it ends one. */
export const endedBy = (view: CaseView, claim: Claim): string | undefined =>
  view.model.kindOf(claim).ends?.(claim)

/** The claims that end an actor, by actor. */
export const endingClaims = (view: CaseView): ListIndex<Claim> => endingsOf(view)

const endingsOf = indexPerView<Claim>((view, items, add) => {
  for (const claim of items.claims) {
    const ended = endedBy(view, claim)
    if (ended !== undefined) add(ended, claim)
  }
}, readsNoTree)

/**
 * Observations by the statement that carries them (a video in a release, say). What was seen may be
 * known before its carrier is: once the carrier is, the evidence is that statement's words too.
 */
export const observationsCarriedBy = indexPerView<Observation>((_view, items, add) => {
  for (const observation of items.observations)
    if (observation.carriedBy !== undefined) add(observation.carriedBy, observation)
}, readsNoTree)

import type { PrintedDate } from "../calendar/printed-date.ts"
import type { Claim } from "../model/claim.ts"
import { type Additions, type CaseView, claimDate, indexPerView } from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, obsArg } from "./finding.ts"
import type { ListIndex } from "./list-index.ts"

/** One piece of dated evidence that an actor was active: who shows it, when, through which channel. */
export interface ActivityEvidence {
  readonly argument: ArgumentKey
  readonly id: string
  readonly actor: string
  readonly date: PrintedDate
  readonly channel: string | undefined
  readonly description: string
}

/**
 * Dated evidence of an actor at work: observed activity, statements carrying photos of its banner and
 * members, and independent reports of it fighting beside others, of its size, or of members who did
 * not follow a decision made in its name.
 */
export const activityEvidence = (view: CaseView): ListIndex<ActivityEvidence> => evidenceOf(view)

const evidenceOf = indexPerView<ActivityEvidence>((view, items, add) =>
  gatherEvidence(view, items, (evidence) => add(evidence.actor, evidence))
)

/** The evidence of activity that `additions` bring to `view`, which holds them. */
export const addedEvidence = (view: CaseView, additions: Additions): ReadonlyArray<ActivityEvidence> => {
  const added: Array<ActivityEvidence> = []
  gatherEvidence(view, additions, (evidence) => added.push(evidence))
  return added
}

const gatherEvidence = (view: CaseView, items: Additions, add: (evidence: ActivityEvidence) => void) => {
  for (const observation of items.observations)
    if (observation.kind === "activity")
      add({
        argument: obsArg(observation.id),
        id: observation.id,
        actor: observation.actor,
        date: observation.date,
        channel: observation.channel,
        description: observation.description
      })
  for (const statement of items.statements)
    if (statement.media.some((media) => media.showsBannerAndMembers))
      add({
        argument: authOf(statement.id),
        id: statement.id,
        actor: statement.issuer.actor,
        date: statement.observed,
        channel: statement.channel,
        description: "photos of its banner and members"
      })
  // Claims of the kinds that are independent reports of activity show their actor at work (`ClaimKind.activity`).
  for (const claim of items.claims) {
    const shown = view.model.kindOf(claim).activity?.(claim)
    const date = shown === undefined ? undefined : claimDate(claim, view.statementById)
    if (shown === undefined || date === undefined) continue
    const channel =
      "statement" in claim.madeBy ? view.statementById.get(claim.madeBy.statement)?.channel : undefined
    add({
      argument: claimArg(claim.id),
      id: claim.id,
      actor: shown.actor,
      date,
      channel,
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
})

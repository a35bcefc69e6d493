import type { PrintedDate } from "../calendar/printed-date.ts"
import type { Claim, ClaimOf } from "../model/claim.ts"
import { type CaseView, claimDate } from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, obsArg } from "./finding.ts"

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
export const activityEvidence = (view: CaseView): ReadonlyMap<string, ReadonlyArray<ActivityEvidence>> => {
  const cached = computed.get(view)
  if (cached !== undefined) return cached
  const byActor = new Map<string, Array<ActivityEvidence>>()
  const add = (evidence: ActivityEvidence) => {
    const list = byActor.get(evidence.actor)
    if (list === undefined) byActor.set(evidence.actor, [evidence])
    else list.push(evidence)
  }
  for (const observation of view.observations)
    if (observation.kind === "activity")
      add({
        argument: obsArg(observation.id),
        id: observation.id,
        actor: observation.actor,
        date: observation.date,
        channel: observation.channel,
        description: observation.description
      })
  for (const statement of view.statements)
    if (statement.media.some((media) => media.showsBannerAndMembers))
      add({
        argument: authOf(statement.id),
        id: statement.id,
        actor: statement.issuer.actor,
        date: statement.observed,
        channel: statement.channel,
        description: "photos of its banner and members"
      })
  for (const claim of view.claims) {
    const description = activityDescription(claim)
    const date = description === undefined ? undefined : claimDate(claim, view.statementById)
    if (description === undefined || date === undefined || !("actor" in claim)) continue
    const channel =
      "statement" in claim.madeBy ? view.statementById.get(claim.madeBy.statement)?.channel : undefined
    add({ argument: claimArg(claim.id), id: claim.id, actor: claim.actor, date, channel, description })
  }
  computed.set(view, byActor)
  return byActor
}

/** What a claim shows of its actor at work, for the kinds that are independent reports of activity. */
const activityDescription = (claim: Claim): string | undefined => {
  switch (claim.kind) {
    case "cooperation":
      return "a report of it fighting beside another group"
    case "size-estimate":
      return `a report of its size (${claim.estimate})`
    case "partial-involvement":
      return `word that only ${claim.part} stood behind a decision made in its name`
    case "continued-existence":
      return "a claim that it goes on"
    default:
      return undefined
  }
}

// Several rules and the hypotheses need the same evidence; a view never changes, so it is read once.
const computed = new WeakMap<CaseView, ReadonlyMap<string, ReadonlyArray<ActivityEvidence>>>()

/** The claims that end an actor (its dissolution, or its merger into another), by actor. */
export const endingClaims = (
  view: CaseView
): ReadonlyMap<string, ReadonlyArray<ClaimOf<"dissolution"> | ClaimOf<"merger">>> => {
  const cached = endings.get(view)
  if (cached !== undefined) return cached
  const byActor = new Map<string, Array<ClaimOf<"dissolution"> | ClaimOf<"merger">>>()
  for (const claim of [...view.claimsOfKind("dissolution"), ...view.claimsOfKind("merger")]) {
    const actor = claim.kind === "dissolution" ? claim.actor : claim.absorbed
    const list = byActor.get(actor)
    if (list === undefined) byActor.set(actor, [claim])
    else list.push(claim)
  }
  endings.set(view, byActor)
  return byActor
}

const endings = new WeakMap<
  CaseView,
  ReadonlyMap<string, ReadonlyArray<ClaimOf<"dissolution"> | ClaimOf<"merger">>>
>()

import type { CaseEvaluation, CaseFile, ExplanationStep, Status, Verdict } from "@allegiance/domain"
import { type AttackIndex, attackIndex, itemOfArgument } from "./arguments.ts"
import type { SourceLookup } from "./citations.ts"
import { caseIndex } from "./case-index.ts"
import { type DateCheck, dateCheckOf } from "./date-check.ts"
import type { CaseLabels } from "./labels.ts"
import { whatWouldSettle } from "./settle-it.ts"
import { type Badge, badgeOf } from "./status-badge.ts"
import { type DateShown, dateShown } from "./timeline.ts"
import type { VerdictIndex } from "./verdicts.ts"

/** One item on either side of a dispute: what it says, in the domain's words, and how it fares. */
export interface DisputeSide {
  readonly id: string
  readonly label: string
  readonly about: string
  readonly status?: Status
  readonly badge: Badge
  readonly confidence?: string
  /** The statement that makes it, for a claim made by one. */
  readonly madeIn?: { readonly id: string; readonly label: string }
  /** The graded sources behind it. */
  readonly sources: ReadonlyArray<string>
}

/** An explanation step with the graded sources behind the items it names. */
export type CitedStep = ExplanationStep & { readonly sources: ReadonlyArray<string> }

/** Something in dispute, laid out for a reader: where it comes from, each side, why, and what would settle it. */
export interface DisputedItem {
  readonly id: string
  readonly subject: Verdict["subject"]
  readonly label: string
  readonly about: string
  readonly status: Status
  readonly badge: Badge
  readonly confidence: string
  readonly reason: string
  /** For a statement: the name it was issued in, through which channel, when. */
  readonly issued?: {
    readonly title?: string
    readonly actor: { readonly id: string; readonly name: string }
    readonly asPrinted: string
    readonly channel?: { readonly id: string; readonly handle: string }
    readonly date: DateShown
  }
  /** For a claim: the statement that makes it, or the source that reports it. */
  readonly madeBy?: { readonly id: string; readonly label: string; readonly kind: "statement" | "source" }
  /** The words quoted from it, verbatim. */
  readonly excerpt?: string
  /** What it says: a statement's claims, or the claim itself, each with its verdict. */
  readonly says: ReadonlyArray<DisputeSide>
  /**
   * What the other side says: the items whose attacks bear on it and that stand or may stand
   * (established or contested), each with its verdict.
   */
  readonly against: ReadonlyArray<DisputeSide>
  /** Why the verdict is what it is, step by step (the date check apart, below). */
  readonly explanation: ReadonlyArray<CitedStep>
  /** For a statement printing a Hijri and a Gregorian date: whether they agree. */
  readonly dateCheck?: DateCheck
  /** What evidence would settle it, from what its verdict rests on (see `whatWouldSettle`). */
  readonly wouldSettle: ReadonlyArray<string>
  readonly couldStillStand?: boolean
  /** The graded sources behind it. */
  readonly sources: ReadonlyArray<string>
}

/**
 * Every contested statement, claim, observation, relationship and going-on of an evaluation, one by one,
 * with each side of the dispute. A contested claim made by a contested statement is shown with that
 * statement (among what it says) rather than on its own, and so is a contested relationship whose
 * claims are all shown already. Items named in `first` come first, in that order; the rest follow in
 * the order the evaluation gives them (statements, claims, observations, going-on, relationships).
 * Contested hypotheses belong to the competing hypotheses, not here. Past `limit`, items are only
 * counted (`more`).
 */
export const disputedItems = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  verdicts: VerdictIndex,
  labels: CaseLabels,
  sources: SourceLookup,
  first: ReadonlyArray<string> = [],
  limit = Number.POSITIVE_INFINITY,
  attacks: AttackIndex = attackIndex(caseFile, evaluation, verdicts)
): { readonly items: ReadonlyArray<DisputedItem>; readonly more: number } => {
  const { statements, claims, observations, channelHandles: handles, claimsOf } = caseIndex(caseFile)

  const side = (id: string): DisputeSide => {
    const verdict = verdicts.get(id)
    const claim = claims.get(id)
    const madeIn = claim !== undefined && "statement" in claim.madeBy ? claim.madeBy.statement : undefined
    return {
      id,
      label: labels.kindOf(id) === undefined ? (verdict?.about ?? id) : labels.of(id),
      // What an observation says is what was seen, in full; for the rest, what the verdict judges.
      about: observations.get(id)?.description ?? verdict?.about ?? labels.of(id),
      ...(verdict === undefined ? {} : { status: verdict.status, confidence: verdict.confidence.words }),
      badge: badgeOf(verdict?.status),
      ...(madeIn === undefined ? {} : { madeIn: { id: madeIn, label: labels.of(madeIn) } }),
      sources: sources.behind([id])
    }
  }

  const relationships = new Map(
    evaluation.relationships.map((relationship) => [relationship.id, relationship])
  )
  const contested: Array<Verdict> = []
  for (const verdict of verdicts.all())
    if (verdict.status === "contested" && verdict.subject !== "hypothesis") contested.push(verdict)
  const contestedIds = new Set(contested.map((verdict) => verdict.id))
  const shownWith = (verdict: Verdict): boolean => {
    if (verdict.subject === "claim") {
      const claim = claims.get(verdict.id)
      return claim !== undefined && "statement" in claim.madeBy && contestedIds.has(claim.madeBy.statement)
    }
    if (verdict.subject === "relationship") {
      const relationship = relationships.get(verdict.id)
      return (
        relationship !== undefined &&
        relationship.claims.length > 0 &&
        relationship.claims.every((claim) => contestedIds.has(claim))
      )
    }
    return false
  }
  const rank = new Map(first.map((id, index) => [id, index]))
  // Those named first, in that order, then the rest in the evaluation's: only the few named are sorted,
  // not the tens of thousands a large case holds in dispute.
  const named: Array<{ readonly verdict: Verdict; readonly at: number }> = []
  const rest: Array<{ readonly verdict: Verdict }> = []
  for (const verdict of contested) {
    if (shownWith(verdict)) continue
    const at = rank.get(verdict.id)
    if (at === undefined) rest.push({ verdict })
    else named.push({ verdict, at })
  }
  const ordered = [...named.sort((a, b) => a.at - b.at), ...rest]

  // Only the items kept are laid out: an explanation is written when it is first read.
  const kept = ordered.slice(0, limit)
  const made = claimsOf(kept.flatMap(({ verdict }) => (statements.has(verdict.id) ? [verdict.id] : [])))
  const items = kept.map(({ verdict }): DisputedItem => {
    const statement = statements.get(verdict.id)
    const claim = claims.get(verdict.id)
    const dateCheck = statement === undefined ? undefined : dateCheckOf(statement.printedDates)
    const attackers = new Set<string>()
    for (const attack of attacks.on(verdict)) {
      // Only what stands, or may, weighs against it: an attack by something unsupported or refuted is
      // no counterweight, and the other side is not shown leaning on it.
      if (!standsAgainst(attacks.attackerStatus(attack))) continue
      // A rule's own argument ("the compromise still holds here") stands for the items its finding names.
      const named = /^(?:auth|rep|claim|obs|continues):/.test(attack.attacker)
        ? [itemOfArgument(attack.attacker)]
        : attack.items
      for (const attacker of named) if (attacker !== verdict.id) attackers.add(attacker)
    }
    const says =
      statement !== undefined
        ? (made.get(statement.id) ?? []).map(side)
        : claim !== undefined
          ? [side(claim.id)]
          : []
    const excerpt = statement?.excerpt
    const channel = statement?.channel
    return {
      id: verdict.id,
      subject: verdict.subject,
      label: labels.kindOf(verdict.id) === undefined ? verdict.about : labels.of(verdict.id),
      about: verdict.about,
      status: verdict.status,
      badge: badgeOf(verdict.status),
      confidence: verdict.confidence.words,
      reason: verdict.confidence.reason,
      ...(statement === undefined
        ? {}
        : {
            issued: {
              ...(statement.title === undefined ? {} : { title: statement.title }),
              actor: { id: statement.issuer.actor, name: labels.of(statement.issuer.actor) },
              asPrinted: statement.issuer.nameAsPrinted,
              ...(channel === undefined
                ? {}
                : { channel: { id: channel, handle: handles.get(channel) ?? channel } }),
              date: dateShown(statement.observed)
            }
          }),
      ...(claim === undefined
        ? {}
        : {
            madeBy:
              "statement" in claim.madeBy
                ? { id: claim.madeBy.statement, label: labels.of(claim.madeBy.statement), kind: "statement" }
                : { id: claim.madeBy.source, label: labels.of(claim.madeBy.source), kind: "source" }
          }),
      ...(excerpt === undefined || excerpt.trim() === "" ? {} : { excerpt }),
      says,
      against: [...attackers].map(side),
      explanation: verdict.explanation
        .filter((step) => dateCheck === undefined || step.rule !== "date-consistency")
        .map((step) => ({ ...step, sources: sources.behind(step.items) })),
      ...(dateCheck === undefined ? {} : { dateCheck }),
      wouldSettle: whatWouldSettle(
        verdict,
        statement === undefined ? undefined : { check: dateCheck, printed: statement.printedDates }
      ),
      ...(verdict.couldStillStand === undefined ? {} : { couldStillStand: verdict.couldStillStand }),
      sources: sources.behind([verdict.id])
    }
  })
  return { items, more: ordered.length - items.length }
}

/** Whether an attacker in this state counts against what it attacks: it stands, or it may. */
const standsAgainst = (status: Status | undefined): boolean =>
  status === "established" || status === "contested"

import type {
  CaseEvaluation,
  CaseFile,
  DerivedRelationship,
  RelationshipKind,
  Status,
  Verdict
} from "@allegiance/domain"
import { type AttackIndex, attackIndex, type CitedReason, citedReason, itemOfArgument } from "./arguments.ts"
import type { SourceLookup } from "./citations.ts"
import { caseIndex } from "./case-index.ts"
import { type Clause, clausesOf } from "./clauses.ts"
import type { CaseLabels } from "./labels.ts"
import { type Badge, badgeOf } from "./status-badge.ts"
import type { VerdictIndex } from "./verdicts.ts"

/** One key judgment of a brief: a verdict, how sure, why that sure, and what it rests on. */
export interface BriefJudgment {
  readonly id: string
  readonly subject: Verdict["subject"]
  /** What is judged, in the domain's words: "that JAI Syria continues to exist". */
  readonly about: string
  readonly status: Status
  readonly badge: Badge
  /** The estimative words: "very likely". */
  readonly confidence: string
  /** Why that level of confidence, a clause that follows "because". */
  readonly reason: string
  /** The items of the case its explanation names, each once, in the order named. */
  readonly evidence: ReadonlyArray<string>
  /** The graded sources behind that evidence, each once, in the order first met. */
  readonly sources: ReadonlyArray<string>
  /** For a refuted verdict: the attacks on it (or on what it rests on) that stand. */
  readonly defeatedBy: ReadonlyArray<CitedReason>
  /** For an established verdict: the attacks on it that failed, each with what defeated its attacker. */
  readonly withstood: ReadonlyArray<CitedReason & { readonly defeatedBy: ReadonlyArray<CitedReason> }>
  /** For the leading answer to an open question: the question and how the answer ranks. */
  readonly answers?: {
    readonly question: string
    readonly questionText: string
    readonly hypothesis: string
    readonly rank: number
    readonly of: number
  }
}

export interface BriefJudgments {
  readonly judgments: ReadonlyArray<BriefJudgment>
  /** How many more judgments of the same kinds were left for the sections below, past the limit. */
  readonly more: number
}

export interface BriefJudgmentOptions {
  /** Only this question (and the actor it is about); by default every question of the case. */
  readonly question?: string
  /** At most this many judgments; 12 by default. */
  readonly limit?: number
}

/** The links that change whose side a group is on: pledges, their acceptance, and mergers. */
const allegianceKinds: ReadonlySet<RelationshipKind> = new Set(["pledged-to", "accepted-by", "merged-into"])

const statusOrder: Record<Status, number> = { established: 0, contested: 1, refuted: 2, unsupported: 3 }

const continuationPrefix = "continues:"

/** The items of the case an explanation names, each once, in the order named. */
export const evidenceOf = (verdict: Verdict, labels: CaseLabels): ReadonlyArray<string> => {
  const found = new Set<string>()
  for (const step of verdict.explanation)
    for (const item of step.items)
      if (item !== verdict.id && labels.kindOf(item) !== undefined) found.add(item)
  return [...found]
}

/** How many reasons of each kind a judgment gives: the first found, in the order the rules found them. */
const reasonsShown = 2

export const briefJudgment = (
  verdict: Verdict,
  labels: CaseLabels,
  sources: SourceLookup,
  attacks: AttackIndex,
  verdicts: VerdictIndex,
  answers?: BriefJudgment["answers"],
  clause?: Clause
): BriefJudgment => {
  const evidence = evidenceOf(verdict, labels)
  const standing = (target: Verdict) =>
    attacks
      .on(target, true)
      .filter((attack) => attacks.attackerStatus(attack) === "established")
      .slice(0, reasonsShown)
      .map((attack) => citedReason(attack, sources, clause))
  const failed = new Map<string, CitedReason & { readonly defeatedBy: ReadonlyArray<CitedReason> }>()
  if (verdict.status === "established")
    for (const attack of attacks.on(verdict, true)) {
      const attacker = verdicts.get(itemOfArgument(attack.attacker))
      if (attacker === undefined || attacker.status !== "refuted" || failed.has(attacker.id)) continue
      if (failed.size === reasonsShown) break
      failed.set(attacker.id, { ...citedReason(attack, sources, clause), defeatedBy: standing(attacker) })
    }
  return {
    id: verdict.id,
    subject: verdict.subject,
    about: verdict.about,
    status: verdict.status,
    badge: badgeOf(verdict.status),
    confidence: verdict.confidence.words,
    reason: verdict.confidence.reason,
    evidence,
    sources: sources.behind([verdict.id, ...evidence]),
    defeatedBy: verdict.status === "refuted" ? standing(verdict) : [],
    withstood: [...failed.values()],
    ...(answers === undefined ? {} : { answers })
  }
}

/**
 * What a brief judges first, in the order a reader wants it: the leading answer to each open question;
 * then, actor by actor, the statements in dispute that its change of allegiance rests on, the changes of
 * allegiance themselves (pledges, acceptances, mergers) that a claim puts forward, whatever their
 * verdict, and whether it goes on. Actors an open question is about come first. Items with
 * nothing substantive either way (unsupported) are left to the sections below, as is anything past
 * the limit.
 */
export const briefJudgments = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  verdicts: VerdictIndex,
  labels: CaseLabels,
  sources: SourceLookup,
  options: BriefJudgmentOptions = {},
  attacks: AttackIndex = attackIndex(caseFile, evaluation, verdicts)
): BriefJudgments => {
  const limit = options.limit ?? 12
  const clause = clausesOf(caseFile)
  const questions = evaluation.questions.filter(
    (question) => options.question === undefined || question.question === options.question
  )
  const focus = new Set<string>()
  for (const question of caseFile.questions)
    if (question.about !== undefined && (options.question === undefined || question.id === options.question))
      focus.add(question.about)
  // Narrowed to one question about an actor, the brief keeps to that actor.
  const concerns = (actors: ReadonlyArray<string>) =>
    options.question === undefined || focus.size === 0 || actors.some((actor) => focus.has(actor))
  const focusFirst = (actors: ReadonlyArray<string>) => (actors.some((actor) => focus.has(actor)) ? 0 : 1)

  // Explanations are written when read: only the judgments kept are worded.
  const picked: Array<{ readonly verdict: Verdict; readonly answers?: BriefJudgment["answers"] }> = []
  const seen = new Set<string>()
  const pick = (verdict: Verdict, answers?: BriefJudgment["answers"]) => {
    if (seen.has(verdict.id)) return
    seen.add(verdict.id)
    picked.push(answers === undefined ? { verdict } : { verdict, answers })
  }

  for (const question of questions) {
    const leading = question.hypotheses.find((hypothesis) => hypothesis.rank === 1) ?? question.hypotheses[0]
    if (leading === undefined) continue
    pick(leading.verdict, {
      question: question.question,
      questionText: question.text,
      hypothesis: leading.text,
      rank: leading.rank,
      of: question.hypotheses.length
    })
  }

  const allegiance = evaluation.relationships
    .map((relationship, index) => ({ relationship, index }))
    .filter(
      ({ relationship }) =>
        allegianceKinds.has(relationship.kind) &&
        relationship.claims.length > 0 &&
        relationship.verdict.status !== "unsupported" &&
        concerns([relationship.from, relationship.to])
    )
    .sort(
      (a, b) =>
        focusFirst([a.relationship.from, a.relationship.to]) -
          focusFirst([b.relationship.from, b.relationship.to]) ||
        statusOrder[a.relationship.verdict.status] - statusOrder[b.relationship.verdict.status] ||
        a.index - b.index
    )
    .map(({ relationship }) => relationship)

  const { statementOfClaim } = caseIndex(caseFile)
  const contestedBehind = (relationship: DerivedRelationship) =>
    relationship.claims.flatMap((claim) => {
      const statement = statementOfClaim(claim)
      const verdict = statement === undefined ? undefined : verdicts.get(statement)
      return verdict?.subject === "statement" && verdict.status === "contested" ? [verdict] : []
    })
  const continuations = evaluation.continuations
    .map((verdict, index) => ({
      verdict,
      index,
      actor: verdict.id.startsWith(continuationPrefix) ? verdict.id.slice(continuationPrefix.length) : ""
    }))
    .filter(({ verdict, actor }) => verdict.status !== "unsupported" && concerns([actor]))
    .sort((a, b) => focusFirst([a.actor]) - focusFirst([b.actor]) || a.index - b.index)

  // One actor at a time, as a writer tells it: the disputed statements its change of allegiance rests on,
  // the changes themselves, then whether it goes on. Actors come in the order their first judgment does.
  const actors: Array<string> = []
  const byActor = new Map<string, { relationships: Array<DerivedRelationship>; goesOn?: Verdict }>()
  const group = (actor: string) => {
    let entry = byActor.get(actor)
    if (entry === undefined) {
      entry = { relationships: [] }
      byActor.set(actor, entry)
      actors.push(actor)
    }
    return entry
  }
  for (const relationship of allegiance) group(relationship.from).relationships.push(relationship)
  for (const { verdict, actor } of continuations) group(actor).goesOn = verdict
  for (const actor of actors) {
    const { relationships, goesOn } = byActor.get(actor)!
    for (const relationship of relationships)
      for (const verdict of contestedBehind(relationship)) pick(verdict)
    for (const relationship of relationships) pick(relationship.verdict)
    if (goesOn !== undefined) pick(goesOn)
  }

  return {
    judgments: picked
      .slice(0, limit)
      .map(({ verdict, answers }) =>
        briefJudgment(verdict, labels, sources, attacks, verdicts, answers, clause)
      ),
    more: Math.max(0, picked.length - limit)
  }
}

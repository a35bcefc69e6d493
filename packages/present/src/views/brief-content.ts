import type { CaseEvaluation, CaseFile, IsoDay } from "@allegiance/domain"
import { type ActorRow, actorRows } from "./actors.ts"
import { attackIndex } from "./arguments.ts"
import { caseIndex } from "./case-index.ts"
import { type BriefJudgments, briefJudgments } from "./brief-judgments.ts"
import { type ChronologyEntry, type ChronologyRow, chronologyEntries, chronologyRows } from "./chronology.ts"
import { sourceLookup } from "./citations.ts"
import { type DisputedItem, disputedItems } from "./disputes.ts"
import { type HypothesesMatrix, hypothesesMatrix } from "./hypotheses.ts"
import { type CaseLabels, caseLabels, type ItemKind, uncutName } from "./labels.ts"
import { type RelationshipRow, relationshipRow, relationshipsInOrder } from "./relationships.ts"
import { type SourceRow, sourceRows } from "./sources.ts"
import { writtenDay } from "./timeline.ts"
import { indexVerdicts } from "./verdicts.ts"

/** A relationship as a brief shows it, with the graded sources behind it. */
export interface BriefRelationship extends RelationshipRow {
  readonly cited: ReadonlyArray<string>
}

/** An open question's matrix, with the graded sources behind each evidence item. */
export interface BriefMatrix extends HypothesesMatrix {
  readonly evidenceSources: Readonly<Record<string, ReadonlyArray<string>>>
  /** Each evidence item's whole name, where its label is cut for a list (see `uncutName`). */
  readonly evidenceUncut: Readonly<Record<string, string>>
}

/** Something the evaluation left out because it was not (or not surely) known on the as-of day. */
export interface LeftOutItem {
  readonly id: string
  readonly label: string
  readonly kind?: ItemKind
  readonly reason: string
}

/**
 * Everything a brief of a case says as of one day, worked out once as plain data: the markdown brief,
 * the API and the terminal UI each render it their own way. Sources are named by id throughout; the
 * renderer turns them into footnotes (or links) from `sources`.
 */
export interface BriefContent {
  readonly caseId: string
  readonly title: string
  readonly summary?: string
  readonly document?: { readonly title: string; readonly author?: string; readonly published?: string }
  /** The other documents the case cites by id (news reports, an archive), in the case's order. */
  readonly documents?: ReadonlyArray<{
    readonly id: string
    readonly title: string
    readonly author?: string
    readonly published?: string
  }>
  readonly asOf: IsoDay
  /** "9 January 2015". */
  readonly asOfWritten: string
  /** The one question the brief answers, when it was narrowed to one. */
  readonly question?: { readonly id: string; readonly text: string }
  readonly judgments: BriefJudgments
  readonly actors: ReadonlyArray<ActorRow>
  readonly relationships: ReadonlyArray<BriefRelationship>
  /** The events the judgments and disputes rest on, in date order, at most `keyEventLimit`. */
  readonly keyEvents: { readonly rows: ReadonlyArray<ChronologyRow>; readonly more: number }
  readonly chronology: ReadonlyArray<ChronologyRow>
  readonly disputed: ReadonlyArray<DisputedItem>
  /**
   * How many items each part leaves out past its limit: a brief of a case of thousands of statements
   * is still a brief. The chronology keeps the key events and the latest rows before the day; the
   * disputes, the relationships and the actors keep those the judgments name first.
   */
  readonly omitted: {
    readonly actors: number
    readonly relationships: number
    readonly chronology: number
    readonly disputed: number
  }
  readonly hypotheses: ReadonlyArray<BriefMatrix>
  readonly sources: ReadonlyArray<SourceRow>
  readonly leftOut: ReadonlyArray<LeftOutItem>
}

export interface BriefOptions {
  /** Answer only this question: the key judgments and the competing hypotheses keep to it. */
  readonly question?: string
  /** At most this many key judgments (12 by default). */
  readonly judgmentLimit?: number
  /** At most this many key events (30 by default). */
  readonly keyEventLimit?: number
  /** At most this many disputed items laid out one by one (25 by default). */
  readonly disputeLimit?: number
  /** At most this many chronology rows (300 by default). */
  readonly chronologyLimit?: number
  /** At most this many relationships listed (200 by default). */
  readonly relationshipLimit?: number
  /** At most this many actors listed (300 by default). */
  readonly actorLimit?: number
}

/** The questions of a case by id, for checking a question asked for before building its brief. */
export const questionIds = (
  caseFile: CaseFile
): ReadonlyArray<{ readonly id: string; readonly text: string }> =>
  caseFile.questions.map((question) => ({ id: question.id, text: question.text }))

/** What the brief of a case says, from the case and its evaluation as of a day. */
export const briefContent = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  options: BriefOptions = {},
  labels: CaseLabels = caseLabels(caseFile)
): BriefContent => {
  const verdicts = indexVerdicts(evaluation)
  const sources = sourceLookup(caseFile)
  const attacks = attackIndex(caseFile, evaluation, verdicts)
  const judgments = briefJudgments(
    caseFile,
    evaluation,
    verdicts,
    labels,
    sources,
    {
      ...(options.question === undefined ? {} : { question: options.question }),
      ...(options.judgmentLimit === undefined ? {} : { limit: options.judgmentLimit })
    },
    attacks
  )
  const named = new Set(judgments.judgments.flatMap((judgment) => [judgment.id, ...judgment.evidence]))
  const disputed = disputedItems(
    caseFile,
    evaluation,
    verdicts,
    labels,
    sources,
    judgments.judgments.flatMap((judgment) => [judgment.id, ...judgment.evidence]),
    options.disputeLimit ?? 25,
    attacks
  )
  // Rows are built only for the relationships kept: a large case has tens of thousands.
  const allRelationships = relationshipsInOrder(evaluation, labels)
  const relationshipLimit = options.relationshipLimit ?? 200
  // The relationships the judgments name first, then the rest in their order (established first).
  const keptIds = new Set<string>()
  for (const relationship of allRelationships) {
    if (keptIds.size >= relationshipLimit) break
    if (named.has(relationship.id)) keptIds.add(relationship.id)
  }
  for (const relationship of allRelationships) {
    if (keptIds.size >= relationshipLimit) break
    keptIds.add(relationship.id)
  }
  const relationships = allRelationships
    .filter((relationship) => keptIds.has(relationship.id))
    .map((relationship): BriefRelationship => {
      const row = relationshipRow(relationship, labels)
      return { ...row, cited: sources.behind([...row.claims, ...row.sources]) }
    })
  const questions = evaluation.questions.filter(
    (question) => options.question === undefined || question.question === options.question
  )
  const hypotheses = questions.map((question): BriefMatrix => {
    const matrix = hypothesesMatrix(question, labels)
    const uncut: Record<string, string> = {}
    for (const row of matrix.evidence) {
      const whole = uncutName(caseFile, labels, row.id)
      if (whole !== row.label) uncut[row.id] = whole
    }
    return {
      ...matrix,
      evidenceSources: Object.fromEntries(matrix.evidence.map((row) => [row.id, sources.behind([row.id])])),
      evidenceUncut: uncut
    }
  })
  // Which rows the timeline and the chronology keep is decided on dates alone; only those rows are built.
  const entries = chronologyEntries(caseFile, verdicts)
  const events = keyEvents(
    caseFile,
    entries,
    judgments,
    disputed.items,
    hypotheses,
    options.keyEventLimit ?? 30
  )
  const inChronology = latestAndKey(entries, events.entries, options.chronologyLimit ?? 300)
  const built = new Set([...events.entries, ...inChronology].map((entry) => entry.id))
  const rows = chronologyRows(caseFile, verdicts, labels, (id) => built.has(id)).map((row) => {
    const uncut = uncutName(caseFile, labels, row.id)
    return uncut === row.label ? row : { ...row, uncut }
  })
  const eventIds = new Set(events.entries.map((entry) => entry.id))
  const chronologyIds = new Set(inChronology.map((entry) => entry.id))
  const chronology = rows.filter((row) => chronologyIds.has(row.id))
  const allActors = actorRows(caseFile, evaluation, labels, relationships)
  const actors = actorsNamed(allActors, relationships, named, options.actorLimit ?? 300)
  const chosen =
    options.question === undefined ? undefined : caseFile.questions.find((q) => q.id === options.question)
  const document = caseFile.case.document
  return {
    caseId: caseFile.case.id,
    title: caseFile.case.title,
    ...(caseFile.case.summary === undefined ? {} : { summary: caseFile.case.summary }),
    ...(document === undefined
      ? {}
      : {
          document: {
            title: document.title,
            ...(document.author === undefined ? {} : { author: document.author }),
            ...(document.published === undefined ? {} : { published: document.published.text })
          }
        }),
    ...(caseFile.case.documents === undefined || caseFile.case.documents.length === 0
      ? {}
      : {
          documents: caseFile.case.documents.map((other) => {
            const by = other.author ?? other.publisher
            return {
              id: other.id,
              title: other.title,
              ...(by === undefined ? {} : { author: by }),
              ...(other.published === undefined ? {} : { published: other.published.text })
            }
          })
        }),
    asOf: evaluation.asOf,
    asOfWritten: writtenDay(evaluation.asOf),
    ...(chosen === undefined ? {} : { question: { id: chosen.id, text: chosen.text } }),
    judgments,
    actors,
    relationships,
    keyEvents: { rows: rows.filter((row) => eventIds.has(row.id)), more: events.more },
    chronology,
    disputed: disputed.items,
    omitted: {
      actors: allActors.length - actors.length,
      relationships: allRelationships.length - relationships.length,
      chronology: entries.length - chronology.length,
      disputed: disputed.more
    },
    hypotheses,
    sources: sourceRows(caseFile),
    leftOut: evaluation.leftOut.map((item) => {
      const kind = labels.kindOf(item.id)
      return {
        id: item.id,
        label: labels.of(item.id),
        ...(kind === undefined ? {} : { kind }),
        reason: item.reason
      }
    })
  }
}

/**
 * The events worth a timeline: the statements and observations that the key judgments, the disputes and
 * the competing hypotheses name (a claim by the statement that makes it). Those the judgments and
 * disputes name are kept first when there are more than the limit; the rest follow in date order.
 */
const keyEvents = (
  caseFile: CaseFile,
  chronology: ReadonlyArray<ChronologyEntry>,
  judgments: BriefJudgments,
  disputed: ReadonlyArray<DisputedItem>,
  hypotheses: ReadonlyArray<HypothesesMatrix>,
  limit: number
): { readonly entries: ReadonlyArray<ChronologyEntry>; readonly more: number } => {
  const { statementOfClaim } = caseIndex(caseFile)
  const event = (id: string) => statementOfClaim(id) ?? id
  const named = new Set<string>()
  for (const judgment of judgments.judgments)
    for (const id of [judgment.id, ...judgment.evidence]) named.add(event(id))
  for (const item of disputed)
    for (const id of [item.id, ...item.says.map((side) => side.id), ...item.against.map((side) => side.id)])
      named.add(event(id))
  const evidence = new Set<string>()
  for (const matrix of hypotheses) for (const row of matrix.evidence) evidence.add(event(row.id))
  const first = chronology.filter((row) => named.has(row.id))
  const then = chronology.filter((row) => !named.has(row.id) && evidence.has(row.id))
  const kept = new Set([...first, ...then].slice(0, limit))
  const entries = chronology.filter((row) => kept.has(row))
  return { entries, more: first.length + then.length - entries.length }
}

/** The chronology's rows past its limit: key events (up to half), then the latest rows before the day, in date order. */
const latestAndKey = (
  rows: ReadonlyArray<ChronologyEntry>,
  key: ReadonlyArray<ChronologyEntry>,
  limit: number
): ReadonlyArray<ChronologyEntry> => {
  if (rows.length <= limit) return rows
  // Half the rows at most for key events, so that the days just before the as-of day always show.
  const kept = new Set(key.slice(0, Math.floor(limit / 2)))
  for (let at = rows.length - 1; at >= 0 && kept.size < limit; at--) kept.add(rows[at]!)
  return rows.filter((row) => kept.has(row))
}

/**
 * The actors past the limit: those the judgments or the kept relationships name, with every actor above
 * them (so that the tree still reads from its roots), in the tree's order.
 */
const actorsNamed = (
  actors: ReadonlyArray<ActorRow>,
  relationships: ReadonlyArray<RelationshipRow>,
  named: ReadonlySet<string>,
  limit: number
): ReadonlyArray<ActorRow> => {
  if (actors.length <= limit) return actors
  const byId = new Map(actors.map((actor) => [actor.id, actor]))
  const wanted = new Set<string>()
  const want = (id: string) => {
    for (
      let actor = byId.get(id);
      actor !== undefined && !wanted.has(actor.id);
      actor = byId.get(actor.parent ?? "")
    )
      wanted.add(actor.id)
  }
  for (const row of relationships) {
    if (wanted.size >= limit) break
    want(row.from.id)
    want(row.to.id)
  }
  for (const id of named) want(id)
  return actors.filter((actor) => wanted.has(actor.id))
}

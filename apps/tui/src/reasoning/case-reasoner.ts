/**
 * The reasoning behind the terminal UI, as it runs in its worker thread: the case, its evaluations by
 * as-of day, and what the views ask of them. Kept apart from the thread's message loop so that it can be
 * tested (and benchmarked) on its own.
 *
 * Evaluations: the domain's incremental evaluator brings an evaluation up to date when statements,
 * claims or observations are appended (a save), and when the as-of day moves forward (the items known
 * since come in). So a step forward moves on the evaluation of the nearest earlier day at hand; a step
 * back takes a recent evaluation of that day, the last few being kept by day, or else evaluates the case
 * whole as of it. `evaluationAsOf` is the one place that decides how a day's evaluation is obtained.
 *
 * The views of a day are given against the case's outline (`CaseOutline`), which the reasoner keeps in
 * step with the case: the place of each verdict in the timeline is the outline's.
 */
import {
  appendToCase,
  type CaseEvaluator,
  type CaseFile,
  Claim,
  caseEvaluator,
  caseFileOfCheckedParts,
  type HistoryProgress,
  type IsoDay,
  itemHistory,
  leftOutCount,
  Observation,
  Statement
} from "@allegiance/domain"
import {
  type ActorRow,
  type AsOfView,
  actorRows,
  asOfView,
  type CaseLabels,
  type CaseOutline,
  caseLabels,
  type HypothesesMatrix,
  hypothesesMatrices,
  caseOutlineOf,
  type ItemDetail,
  indexOutline,
  indexVerdicts,
  itemDetail,
  labelsWith,
  outlineWithItem,
  type RelationshipRow,
  relationshipRows,
  stepAsOf,
  type VerdictIndex,
  viewSince
} from "@allegiance/present"
import { Schema } from "effect"
import type { ItemEdit, ViewRows } from "../access/case-access.ts"

interface Evaluated {
  readonly evaluator: CaseEvaluator
  readonly verdicts: VerdictIndex
  /** The day's views, once worked out: only what changed since another day differs from one look to the next. */
  view?: AsOfView
  relationships?: ReadonlyArray<RelationshipRow>
  actors?: ReadonlyArray<ActorRow>
  hypotheses?: ReadonlyArray<HypothesesMatrix>
  /** The later day's evaluation this one's evaluator was moved on to: its own then works out whole. */
  movedOn?: Evaluated
}

const decoders = {
  statements: Schema.decodeUnknownSync(Statement),
  claims: Schema.decodeUnknownSync(Claim),
  observations: Schema.decodeUnknownSync(Observation)
}

/**
 * The case after one item edit, sharing everything else: an added item is appended (which the
 * incremental evaluator recognises), a changed one replaced in place, a removed one left out.
 */
export const caseWithEdit = (caseFile: CaseFile, edit: ItemEdit): CaseFile => {
  const section = caseFile[edit.section] as ReadonlyArray<{ readonly id: string }>
  const at = section.findIndex((item) => item.id === edit.id)
  if (edit.body === null) {
    if (at < 0) return caseFile
    return caseFileOfCheckedParts({
      ...caseFile,
      [edit.section]: section.filter((_, i) => i !== at)
    } as never)
  }
  const item = decoders[edit.section](edit.body)
  if (at < 0) return appendToCase(caseFile, { [edit.section]: [item] })
  const replaced = [...section]
  replaced[at] = item as never
  return caseFileOfCheckedParts({ ...caseFile, [edit.section]: replaced } as never)
}

/** How many evaluations to keep: fewer for a large case, whose evaluation holds hundreds of megabytes. */
const evaluationsKept = (caseFile: CaseFile) =>
  caseFile.statements.length + caseFile.claims.length > 100_000 ? 2 : 6

export class CaseReasoner {
  #caseFile: CaseFile
  #labels: CaseLabels
  #outline: CaseOutline
  /** Recent evaluations, by as-of day, the most recently used last. */
  readonly #evaluations = new Map<IsoDay, Evaluated>()
  /** The day the views looked at last, to say what changed since. */
  #lastDay: IsoDay | undefined
  /**
   * The day after the one shown, being worked out ahead (`workAhead`) on a branch of the shown day's
   * evaluator, which stays as it was: a save on the day shown still brings it up to date in place.
   */
  #ahead: { readonly from: Evaluated; readonly day: IsoDay; readonly branch: CaseEvaluator } | undefined
  /** The day worked out ahead and not yet looked at: kept beside the days looked at, not in place of one. */
  #aheadDay: IsoDay | undefined

  /** `outline` is the case's, when worked out already (from its stored items). */
  constructor(caseFile: CaseFile, outline: CaseOutline = caseOutlineOf(caseFile)) {
    this.#caseFile = caseFile
    this.#labels = caseLabels(caseFile)
    this.#outline = outline
  }

  get caseFile(): CaseFile {
    return this.#caseFile
  }

  get outline(): CaseOutline {
    return this.#outline
  }

  /** The evaluation as of a day: a kept one, else the case evaluated whole as of that day. */
  evaluationAsOf(day: IsoDay): Evaluated {
    const kept = this.#evaluations.get(day)
    if (kept !== undefined) {
      if (day === this.#aheadDay) this.#aheadDay = undefined
      this.#evaluations.delete(day)
      this.#evaluations.set(day, kept)
      return kept
    }
    const earlier = this.#nearestBefore(day)
    // A branch taken ahead of the earlier day moves on in its place, which then stays ready for a save.
    const branch = earlier !== undefined && this.#ahead?.from === earlier ? this.#ahead.branch : undefined
    const branched = branch?.atDayInPlace(day)
    this.#ahead = undefined
    // Moving an evaluation on leaves it as it was, but its own evaluator then works out whole what it is
    // asked next: the kept evaluation of the earlier day still shows that day.
    const evaluator =
      branched ??
      (earlier === undefined ? caseEvaluator(this.#caseFile, { asOf: day }) : earlier.evaluator.atDay(day))
    // Beside a whole evaluation's seconds, the outline's index costs little; on the first step it would not.
    if (earlier === undefined) indexOutline(this.#outline)
    const evaluated = this.#keep(day, {
      evaluator,
      // An evaluation moved on shares what it kept with the earlier one: its index is built from that one's.
      verdicts: indexVerdicts(evaluator.evaluation, evaluator.incremental ? earlier?.verdicts : undefined)
    })
    if (earlier !== undefined && evaluator.incremental && branched === undefined) earlier.movedOn = evaluated
    return evaluated
  }

  /**
   * Works out ahead, a part at a time, the day after the one the views show, as the analyst will most
   * likely step to it next: first a branch of the shown day's evaluator (so that the shown day's own can
   * still take a save), then the branch moved on to the next day, with its views. True while a part
   * remains. Nothing is worked out where the next day is kept already, where the shown day's evaluator
   * has moved on, where every item is known already (a step then brings nothing in, and costs little),
   * or where the next day could not be moved to in place (it would take a whole evaluation's seconds,
   * holding up whatever the analyst asks next).
   */
  workAhead(): boolean {
    const day = this.#lastDay
    const shown = day === undefined ? undefined : this.#evaluations.get(day)
    if (day === undefined || shown === undefined || shown.movedOn !== undefined) return false
    if (leftOutCount(shown.evaluator.evaluation) === 0) return false
    const next = stepAsOf(day, "day", 1)
    if (this.#evaluations.has(next)) return false
    if (this.#ahead?.from !== shown || this.#ahead.day !== next) {
      this.#ahead = { from: shown, day: next, branch: shown.evaluator.branch() }
      return true
    }
    const { branch } = this.#ahead
    this.#ahead = undefined
    const evaluator = branch.atDayInPlace(next)
    if (evaluator === undefined) return false
    this.#aheadDay = next
    const ahead = this.#keep(next, {
      evaluator,
      verdicts: indexVerdicts(evaluator.evaluation, shown.verdicts)
    })
    ahead.view = asOfView(evaluator.evaluation, this.#outline, undefined, ahead.verdicts)
    return false
  }

  /**
   * An evaluator of `day` that can still move on, for a day's kept evaluation: its own, or, once that was
   * moved on to a later day, the latest of the line moved back (by the domain's own move where every item
   * was known on `day` already, as after stepping past the material and back).
   */
  #evaluatorFor(kept: Evaluated, day: IsoDay): CaseEvaluator {
    let last = kept
    while (last.movedOn !== undefined) last = last.movedOn
    return last === kept ? kept.evaluator : last.evaluator.atDay(day)
  }

  /**
   * Works out ahead what moving the day of the views on from the day they show needs, while the analyst
   * reads: an evaluation already moved on moves no more, and needs nothing.
   */
  prepareDayMoves(): void {
    const shown = this.#lastDay === undefined ? undefined : this.#evaluations.get(this.#lastDay)
    if (shown !== undefined && shown.movedOn === undefined) shown.evaluator.prepareDayMoves()
  }

  /** The kept evaluation of the latest day before `day`, if any. */
  #nearestBefore(day: IsoDay): Evaluated | undefined {
    let found: IsoDay | undefined
    for (const kept of this.#evaluations.keys())
      if (kept < day && (found === undefined || kept > found)) found = kept
    return found === undefined ? undefined : this.#evaluations.get(found)
  }

  #keep(day: IsoDay, evaluated: Evaluated): Evaluated {
    this.#evaluations.delete(day)
    this.#evaluations.set(day, evaluated)
    const ahead = this.#aheadDay !== undefined && this.#evaluations.has(this.#aheadDay) ? 1 : 0
    const kept = evaluationsKept(this.#caseFile) + ahead
    // The least recently used go first, passing over the day worked out ahead.
    for (const oldest of this.#evaluations.keys()) {
      if (this.#evaluations.size <= kept) break
      if (oldest !== this.#aheadDay) this.#evaluations.delete(oldest)
    }
    return evaluated
  }

  /** What the views show as of a day, with what changed since the day they showed before. */
  view(day: IsoDay): AsOfView {
    const earlier =
      this.#lastDay !== undefined && this.#lastDay !== day ? this.#evaluations.get(this.#lastDay) : undefined
    const current = this.evaluationAsOf(day)
    this.#lastDay = day
    current.view ??= asOfView(current.evaluator.evaluation, this.#outline, undefined, current.verdicts)
    return earlier === undefined
      ? current.view
      : viewSince(current.view, this.#outline, earlier.verdicts, current.verdicts)
  }

  /** The rows of the Actors, Relationships or Hypotheses view as of a day, worked out once per evaluation. */
  rows<K extends keyof ViewRows>(kind: K, day: IsoDay): ViewRows[K] {
    const current = this.evaluationAsOf(day)
    const evaluation = current.evaluator.evaluation
    if (kind === "hypotheses") {
      current.hypotheses ??= hypothesesMatrices(evaluation, this.#labels)
      return current.hypotheses as ViewRows[K]
    }
    current.relationships ??= relationshipRows(evaluation, this.#labels)
    if (kind === "relationships") return current.relationships as ViewRows[K]
    current.actors ??= actorRows(this.#caseFile, evaluation, this.#labels, current.relationships)
    return current.actors as ViewRows[K]
  }

  detail(id: string, day: IsoDay): ItemDetail | undefined {
    return itemDetail(this.#caseFile, this.evaluationAsOf(day).verdicts, this.#labels, id)
  }

  /**
   * The case after a saved edit (`saved`, when the store handed back the case it saved). The evaluation
   * of the day being looked at is brought up to date (by the incremental evaluator when the edit
   * appended an item, else whole); the others no longer hold. Labels and outline change by the item.
   */
  applyEdit(edit: ItemEdit, day: IsoDay, saved: CaseFile = caseWithEdit(this.#caseFile, edit)): void {
    const before = this.#evaluations.get(day)
    this.#caseFile = saved
    const item = (this.#caseFile[edit.section] as ReadonlyArray<{ readonly id: string }>).find(
      (entry) => entry.id === edit.id
    )
    this.#labels =
      item === undefined
        ? caseLabels(this.#caseFile)
        : labelsWith(this.#labels, { [edit.section]: [item] } as Parameters<typeof labelsWith>[1])
    this.#outline =
      edit.body === null
        ? caseOutlineOf(this.#caseFile)
        : outlineWithItem(this.#outline, edit.section, edit.body)
    this.#evaluations.clear()
    this.#ahead = undefined
    this.#aheadDay = undefined
    if (before !== undefined) {
      const evaluator = this.#evaluatorFor(before, day).reevaluate(this.#caseFile)
      this.#keep(day, {
        evaluator,
        verdicts: indexVerdicts(evaluator.evaluation, evaluator.incremental ? before.verdicts : undefined)
      })
    }
  }

  /** The case as loaded again (after an undo, or another writer's save): every evaluation is worked out anew. */
  replaceCase(caseFile: CaseFile, outline: CaseOutline = caseOutlineOf(caseFile)): void {
    this.#caseFile = caseFile
    this.#labels = caseLabels(caseFile)
    this.#outline = outline
    this.#evaluations.clear()
    this.#ahead = undefined
    this.#aheadDay = undefined
  }

  /**
   * Works out when and why one item's verdict changed up to `until`, a day at a time (`itemHistory`):
   * the kept evaluations give their days' verdicts, and the caller runs the steps between other work.
   */
  history(id: string, until: IsoDay): Generator<HistoryProgress, void, void> {
    return itemHistory(this.#caseFile, id, until, {}, (day) => {
      const kept = this.#evaluations.get(day)
      return kept === undefined ? undefined : { verdict: kept.verdicts.get(id) }
    })
  }
}

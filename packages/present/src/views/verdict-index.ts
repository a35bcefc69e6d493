/**
 * Every verdict of an evaluation by the id of what it judges, and how two indexes differ.
 *
 * A step of the as-of day, or a save, changes a few hundred verdicts of a 100,000-statement case; the
 * domain's evaluator brings the evaluation up to date sharing every verdict it did not work out again
 * (the same objects, in the same order, items known since put among them). An index built from an
 * earlier one (`indexVerdicts(evaluation, earlier)`) finds what differs by walking the two
 * evaluations' lists side by side, comparing references, and keeps only that over the earlier index's
 * table: building it costs what changed, not what the case holds, and it knows what changed, which is
 * what a view says beside each day (`differenceBetween`).
 */
import type { CaseEvaluation, Verdict } from "@allegiance/domain"

export interface VerdictIndex {
  readonly get: (id: string) => Verdict | undefined
  /** Statements', claims', observations', continuations', relationships' and hypotheses' verdicts, in that order. */
  readonly all: () => Iterable<Verdict>
}

/** One verdict that differs between two indexes: its verdict in each (undefined where one has none), and its places. */
export interface VerdictChange {
  readonly id: string
  readonly later: Verdict | undefined
  readonly earlier: Verdict | undefined
  /** Its place in `all()` of the index that has `later`, and of the one that has `earlier` (-1 where none). */
  readonly laterAt: number
  readonly earlierAt: number
}

/** What differs between an index and the one it was built from, each verdict once, in no particular order. */
export interface VerdictDifference {
  readonly from: VerdictIndex
  readonly changes: ReadonlyArray<VerdictChange>
}

interface Built {
  readonly lists: ReadonlyArray<ReadonlyArray<Verdict>>
  /** A table of every verdict of an evaluation, this one's or an earlier one's, shared and never changed. */
  readonly table: ReadonlyMap<string, Verdict>
  /** Where this evaluation differs from the table's: a verdict, or undefined where it has none. */
  readonly over: ReadonlyMap<string, Verdict | undefined> | undefined
  readonly difference: VerdictDifference | undefined
}

const built = new WeakMap<VerdictIndex, Built>()

/**
 * Past this share of the table, an index's differences are folded into a table of its own: lookups stay
 * one probe or two, and a long line of saves does not carry every change since the first.
 */
const foldedPast = 1 / 8

const listsOf = (evaluation: CaseEvaluation): ReadonlyArray<ReadonlyArray<Verdict>> => [
  evaluation.statements,
  evaluation.claims,
  evaluation.observations,
  evaluation.continuations,
  evaluation.relationships.map((relationship) => relationship.verdict),
  evaluation.questions.flatMap((question) => question.hypotheses.map((hypothesis) => hypothesis.verdict))
]

const tableOf = (lists: ReadonlyArray<ReadonlyArray<Verdict>>): Map<string, Verdict> | undefined => {
  const table = new Map<string, Verdict>()
  let count = 0
  for (const list of lists) {
    count += list.length
    for (const verdict of list) table.set(verdict.id, verdict)
  }
  // Ids are unique in a case, and what is derived from them too; were two alike, the index would not
  // know which one a difference is of.
  return table.size === count ? table : undefined
}

/**
 * The verdicts of `evaluation`, by id. Given the index of an earlier evaluation of the same case (another
 * day, or before a save), it is built from that one at the cost of what differs.
 */
export const indexVerdicts = (evaluation: CaseEvaluation, earlier?: VerdictIndex): VerdictIndex => {
  const lists = listsOf(evaluation)
  const before = earlier === undefined ? undefined : built.get(earlier)
  if (earlier === undefined || before === undefined) return whole(lists)
  const changes = changesBetween(before, lists)
  let over: Map<string, Verdict | undefined> | undefined = new Map(before.over)
  for (const change of changes) over.set(change.id, change.later)
  let table = before.table
  if (over.size > table.size * foldedPast) {
    const own = tableOf(lists)
    if (own === undefined) return whole(lists)
    table = own
    over = undefined
  }
  return indexOf({ lists, table, over, difference: { from: earlier, changes } })
}

const whole = (lists: ReadonlyArray<ReadonlyArray<Verdict>>): VerdictIndex => {
  const table = tableOf(lists)
  if (table !== undefined) return indexOf({ lists, table, over: undefined, difference: undefined })
  // Two verdicts of one id: the index answers the last for it, listed where the first was, and no later
  // index is built from it.
  const byId = new Map<string, Verdict>()
  for (const list of lists) for (const verdict of list) byId.set(verdict.id, verdict)
  return { get: (id) => byId.get(id), all: () => byId.values() }
}

const indexOf = (state: Built): VerdictIndex => {
  const { lists, table, over } = state
  const index: VerdictIndex = {
    get: over === undefined ? (id) => table.get(id) : (id) => lookUp(state, id),
    all: function* () {
      for (const list of lists) yield* list
    }
  }
  built.set(index, state)
  return index
}

/**
 * What differs between the earlier index's lists and `lists`, walked side by side: the evaluator keeps the
 * order of what it kept and puts what comes in among it, so most places are the same object in both. A
 * list whose order changed otherwise (a relationship's group moved) is compared by id.
 */
const changesBetween = (
  before: Built,
  lists: ReadonlyArray<ReadonlyArray<Verdict>>
): ReadonlyArray<VerdictChange> => {
  const changes: Array<VerdictChange> = []
  let thenOffset = 0
  let nowOffset = 0
  lists.forEach((now, at) => {
    const then = before.lists[at]!
    if (now !== then && !walkedTogether(before, then, now, thenOffset, nowOffset, changes))
      comparedById(then, now, thenOffset, nowOffset, changes)
    thenOffset += then.length
    nowOffset += now.length
  })
  return changes
}

/** The two lists walked side by side; false (and nothing added) when `later` does not keep `earlier`'s order. */
const walkedTogether = (
  before: Built,
  then: ReadonlyArray<Verdict>,
  now: ReadonlyArray<Verdict>,
  thenOffset: number,
  nowOffset: number,
  changes: Array<VerdictChange>
): boolean => {
  const found: Array<VerdictChange> = []
  let j = 0
  for (let i = 0; i < now.length; i++) {
    const verdict = now[i]!
    const earlier = then[j]
    if (earlier === verdict) {
      j++
      continue
    }
    if (earlier?.id === verdict.id) {
      found.push({
        id: verdict.id,
        later: verdict,
        earlier,
        laterAt: nowOffset + i,
        earlierAt: thenOffset + j
      })
      j++
      continue
    }
    if (lookUp(before, verdict.id) === undefined) {
      found.push({
        id: verdict.id,
        later: verdict,
        earlier: undefined,
        laterAt: nowOffset + i,
        earlierAt: -1
      })
      continue
    }
    // An item the earlier lists hold further on: those before it there left. One not further on moved.
    let ahead = j + 1
    while (ahead < then.length && then[ahead]!.id !== verdict.id) ahead++
    if (ahead >= then.length) return false
    for (; j < ahead; j++) found.push(left(then[j]!, thenOffset + j))
    if (then[j] !== verdict)
      found.push({
        id: verdict.id,
        later: verdict,
        earlier: then[j],
        laterAt: nowOffset + i,
        earlierAt: thenOffset + j
      })
    j++
  }
  for (; j < then.length; j++) found.push(left(then[j]!, thenOffset + j))
  changes.push(...found)
  return true
}

const left = (verdict: Verdict, at: number): VerdictChange => ({
  id: verdict.id,
  later: undefined,
  earlier: verdict,
  laterAt: -1,
  earlierAt: at
})

const lookUp = (state: Built, id: string): Verdict | undefined => {
  const { over, table } = state
  if (over === undefined) return table.get(id)
  const changed = over.get(id)
  return changed !== undefined || !over.has(id) ? (changed ?? table.get(id)) : undefined
}

/** The two lists compared by id, whatever their order. */
const comparedById = (
  then: ReadonlyArray<Verdict>,
  now: ReadonlyArray<Verdict>,
  thenOffset: number,
  nowOffset: number,
  changes: Array<VerdictChange>
): void => {
  const places = new Map<string, number>()
  for (let at = 0; at < then.length; at++) places.set(then[at]!.id, at)
  now.forEach((verdict, at) => {
    const place = places.get(verdict.id)
    places.delete(verdict.id)
    const earlier = place === undefined ? undefined : then[place]
    if (earlier !== verdict)
      changes.push({
        id: verdict.id,
        later: verdict,
        earlier,
        laterAt: nowOffset + at,
        earlierAt: place === undefined ? -1 : thenOffset + place
      })
  })
  for (const at of places.values()) changes.push(left(then[at]!, thenOffset + at))
}

/** How `index` differs from the index it was built from, when it was built from one. */
export const differenceOf = (index: VerdictIndex): VerdictDifference | undefined =>
  built.get(index)?.difference

const flipped = (change: VerdictChange): VerdictStep => ({
  id: change.id,
  before: change.later,
  after: change.earlier,
  afterAt: change.earlierAt
})

/** A verdict that differs between an earlier index and a later one: each one's verdict, and its place in the later. */
export interface VerdictStep {
  readonly id: string
  readonly before: Verdict | undefined
  readonly after: Verdict | undefined
  /** Its place in the later index's `all()`, -1 where the later has none. */
  readonly afterAt: number
}

/**
 * What differs from `earlier` to `later`, when one of them was built from the other (a step of the
 * as-of day either way, or a save); undefined otherwise, and the two must be compared whole.
 */
export const stepBetween = (
  earlier: VerdictIndex,
  later: VerdictIndex
): ReadonlyArray<VerdictStep> | undefined => {
  if (earlier === later) return []
  const forward = differenceOf(later)
  if (forward?.from === earlier)
    return forward.changes.map((change) => ({
      id: change.id,
      before: change.earlier,
      after: change.later,
      afterAt: change.laterAt
    }))
  // Built the other way: what the later index has is what the difference calls earlier.
  const backward = differenceOf(earlier)
  if (backward?.from === later) return backward.changes.map(flipped)
  return undefined
}

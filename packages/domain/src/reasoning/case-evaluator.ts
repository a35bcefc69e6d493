import { IncrementalGrounded } from "../argumentation/incremental.ts"
import { Label } from "../argumentation/label.ts"
import { undecidedParts } from "../argumentation/undecided-parts.ts"
import type { IsoDay } from "../calendar/printed-date.ts"
import type { CaseFile } from "../model/case-file.ts"
import type { Observation } from "../model/observation.ts"
import type { Question } from "../model/question.ts"
import { addedEvidence, endedBy } from "./activity.ts"
import { appendedTo } from "./appended-items.ts"
import { type AttackFinding, buildArgumentGraph, type GraphReading } from "./argument-graph.ts"
import {
  type Additions,
  type CaseView,
  carryOver,
  extendView,
  prepareDayMoves,
  renamedByLeaving,
  viewCase,
  viewOnAnotherDay,
  workOutEverything
} from "./case-view.ts"
import { type CaseEvaluation, type EvaluateOptions, withLeftOutCounted } from "./evaluate.ts"
import { type ArgumentKey, authOf, claimArg, type Finding, obsArg, repOf, wordedAlike } from "./finding.ts"
import { FindingList } from "./finding-list.ts"
import {
  branchedState,
  type ContinuationVerdict,
  type Graph,
  type Links,
  noContinuation,
  type Options,
  ownRow,
  type Positions,
  standingContinuations,
  type State
} from "./evaluator-state.ts"
import {
  assessQuestion,
  type EarlierRatings,
  questionsConcerning,
  type RatedQuestion,
  rateQuestion
} from "./hypotheses.ts"
import { findingsByTarget, onAnotherDay, verdictMaker } from "./item-verdicts.ts"
import { Lookup } from "./list-index.ts"
import {
  backgroundRelationships,
  ceasedSince,
  claimedRelationships,
  type DerivedRelationship,
  type Lifecycle,
  lifecycleOf,
  relationshipClaims,
  relationshipKey,
  relationshipsOfActor
} from "./relationships.ts"
import type { Rule } from "./rule.ts"
import { assessSupport, type SupportLookup } from "./rules/corroboration-and-reliability.ts"
import { rulesToApply } from "./rules/index.ts"
import { actorsBelowMoved, actorsMoved, itemsOfActors } from "./tree-moves.ts"
import type { Verdict } from "./verdict.ts"

/**
 * A case's evaluation that can be brought up to date as the case grows. Analysts add statements,
 * claims and observations as they appear; re-evaluating a large case from scratch for each would take
 * seconds, so an evaluator works out again only what the added items touch: the rules' groups they
 * join, the arguments whose attacks change, the labels that change as a result, and the verdicts,
 * relationships, lifecycles and questions that read those. What it concludes is what `evaluateCase`
 * concludes for the same case and day.
 */
export interface CaseEvaluator {
  readonly evaluation: CaseEvaluation
  /**
   * The evaluation of `caseFile` as of the same day. When `caseFile` holds everything this evaluator's
   * case held, unchanged and in the same order, with only more statements, claims or observations after
   * them, only what those touch is worked out again; any other change is evaluated whole. An evaluator
   * moves on once: a second call on the same one evaluates the case whole.
   */
  readonly reevaluate: (caseFile: CaseFile) => CaseEvaluator
  /** Whether the evaluation was brought up to date from the one before (rather than worked out whole). */
  readonly incremental: boolean
  /**
   * The evaluation of the same case as of another day. Moving forward works in the items known since as
   * an update works in added ones, and so does moving back to a day on which every item was known
   * already: either moves this evaluator's line on (as `reevaluate` does: this one then evaluates whole),
   * unless the other day changes more than which items are known, what they are named and where actors
   * stand in the tree (a background link that starts, an item with a label of its own coming in), when
   * the case is evaluated whole. Moving back to a day some items were not yet known on keeps what the
   * rules found in every group those items do not touch, and the evaluator returned is a line of its own:
   * this one can still move on. Either way, where an actor stands elsewhere in the tree on the other day,
   * what reads the items it (or one below it) takes part in is worked out again. Moving an evaluator that
   * has already moved on evaluates the case whole.
   */
  readonly atDay: (asOf: IsoDay) => CaseEvaluator
  /**
   * `atDay` where it moves this evaluator's line on, working in the items known since as an update works
   * in added ones; undefined where it would evaluate the case whole or move back, and this evaluator is
   * then left as it was. For working a day out ahead, where a whole evaluation's seconds would hold up
   * whatever the analyst asks next.
   */
  readonly atDayInPlace: (asOf: IsoDay) => CaseEvaluator | undefined
  /**
   * Works out ahead what this evaluator's first move to another day needs and its start did not, so
   * that an interface stepping through the days can have it ready while the analyst reads.
   */
  readonly prepareDayMoves: () => void
  /**
   * A branch of this evaluator's line: it moves on (brought up to date, or to another day) apart from
   * this one, which can still move on itself. Taking it copies what an update changes in place (the
   * argumentation, the rules' groups, where each verdict sits): for a large case, about what a step of
   * the day through its material costs, and a small part of a whole evaluation. So an interface can work
   * out ahead the day an analyst will likely step to, while the day shown stays ready for a save. A
   * branch of an evaluator that has moved on already starts whole.
   */
  readonly branch: () => CaseEvaluator
}

/**
 * Starts an evaluator with the whole evaluation of `caseFile` as of `options.asOf`, with the kinds and
 * rules the options give (the built-in ones unless given); its updates keep them.
 */
export const caseEvaluator = (caseFile: CaseFile, options: EvaluateOptions): CaseEvaluator =>
  evaluatorOf(start(caseFile, { ...options, rules: rulesToApply(options.rules) }), false)

const evaluatorOf = (state: State, incremental: boolean): CaseEvaluator => {
  const evaluation = state.evaluation
  let spent = false
  const atDayInPlace = (asOf: IsoDay): CaseEvaluator | undefined => {
    const moved = spent ? undefined : viewOnAnotherDay(state.view, asOf)
    if (moved === undefined) return undefined
    spent = true
    // The items known since (if any) are worked in as an update works in added ones.
    return evaluatorOf(advance(state, moved), true)
  }
  return {
    evaluation,
    incremental,
    reevaluate: (caseFile) => {
      const additions = spent ? undefined : appendedTo(evaluation, state.caseFile, caseFile)
      spent = true
      if (additions === undefined) return evaluatorOf(start(caseFile, state.options), false)
      return evaluatorOf(advance(state, extendView(state.view, caseFile, additions)), true)
    },
    atDay: (asOf) => {
      const moved = atDayInPlace(asOf)
      if (moved !== undefined) return moved
      const options = { ...state.options, asOf }
      // An update works its groups out again in place: once this evaluator has moved on, they are not its own.
      if (spent || asOf > state.options.asOf) return evaluatorOf(start(state.caseFile, options), false)
      return evaluatorOf(back(state, options), false)
    },
    atDayInPlace,
    prepareDayMoves: () => {
      prepareDayMoves(state.view)
    },
    branch: () =>
      // Once this evaluator has moved on, what it kept is not its own: a branch of it starts whole.
      spent
        ? evaluatorOf(start(state.caseFile, state.options), false)
        : evaluatorOf(branchedState(state), incremental)
  }
}

const count = (map: Links, from: ArgumentKey, to: ArgumentKey, by: number) => {
  const row = map.get(from)
  if (row === undefined) {
    map.set(from, by === 1 ? to : new Map([[to, by]]))
    return
  }
  if (typeof row === "string") {
    // A row of one key holds it once.
    if (row === to) {
      if (by === -1) map.delete(from)
      else map.set(from, new Map([[to, 1 + by]]))
    } else
      map.set(
        from,
        new Map([
          [row, 1],
          [to, by]
        ])
      )
    return
  }
  const own = ownRow(map, from, row)
  const next = (own.get(to) ?? 0) + by
  if (next === 0) own.delete(to)
  else own.set(to, next)
}

/** The arguments `from` links to, each once. */
const linked = (map: Links, from: ArgumentKey): Iterable<ArgumentKey> => {
  const row = map.get(from)
  return row === undefined ? none : typeof row === "string" ? [row] : row.keys()
}

/** Whether an argument stands for a statement, claim or observation (read for every finding: by its first letter first). */
const itemArgument = (key: ArgumentKey) => {
  const first = key.charCodeAt(0)
  return first === 97 // a
    ? key.startsWith("auth:")
    : first === 99 // c
      ? key.startsWith("claim:")
      : first === 111 && key.startsWith("obs:") // o
}

const mention = (graph: Graph, key: ArgumentKey, by: number) => {
  if (itemArgument(key)) return
  const before = graph.mentions.get(key) ?? 0
  const after = before + by
  if (after === 0) graph.mentions.delete(key)
  else graph.mentions.set(key, after)
  // Only an argument the framework holds can be an orphan: one a whole evaluation left out (named only
  // by an attack whose attacker weighs nothing) is not in the index, and is counted once it is added.
  if (!graph.index.has(key)) return
  if (before === 0 && after > 0) graph.orphans--
  else if (before > 0 && after === 0) graph.orphans++
}

/**
 * Whether a whole evaluation's framework holds `key`, an argument of a rule's own: every finding that
 * names an argument puts it there, but an attack whose attacker weighs nothing.
 */
const heldByWhole = (
  graph: Graph,
  about: Lookup<ReadonlyArray<Finding>>,
  support: SupportLookup,
  key: ArgumentKey
) => {
  for (const finding of about.get(key) ?? none)
    if (finding.kind !== "attack" || support.get(finding.attacker)?.substantive !== false) return true
  const any = (keys: Iterable<ArgumentKey>) => !keys[Symbol.iterator]().next().done
  if (support.get(key)?.substantive !== false && any(linked(graph.attackTargets, key))) return true
  return any(linked(graph.supportTargets, key)) || any(linked(graph.dependents, key))
}

/** The arguments a finding names besides its target. */
const namedBy = (finding: Finding): ReadonlyArray<ArgumentKey> =>
  finding.kind === "attack"
    ? [finding.attacker]
    : finding.kind === "support"
      ? [finding.supporter]
      : finding.kind === "dependency"
        ? [finding.on]
        : none

const countFinding = (graph: Graph, finding: Finding, by: number) => {
  mention(graph, finding.target, by)
  if (finding.kind === "attack") mention(graph, finding.attacker, by)
  else if (finding.kind === "support") mention(graph, finding.supporter, by)
  else if (finding.kind === "dependency") mention(graph, finding.on, by)
  if (finding.kind === "attack") count(graph.attackTargets, finding.attacker, finding.target, by)
  else if (finding.kind === "support") count(graph.supportTargets, finding.supporter, finding.target, by)
}

const positionsOf = (items: ReadonlyArray<{ readonly id: string }>) =>
  new Map(items.map((item, at) => [item.id as string, at]))

/**
 * The rules' findings in a view, group by group, in the order a whole evaluation lists them. `kept`
 * gives, for each rule, findings already known to hold in this view for a group, where there are any.
 */
const groupFindings = (
  view: CaseView,
  rules: ReadonlyArray<Rule>,
  kept?: (rule: number, group: string) => ReadonlyArray<Finding> | undefined
) => {
  const findings: Array<Finding> = []
  const groups = rules.map((rule, at) => {
    const byGroup = new Map<string, ReadonlyArray<Finding>>()
    for (const group of rule.groups(view)) {
      const found = kept?.(at, group) ?? rule.findingsFor(view, group)
      if (found.length === 0) continue
      byGroup.set(group, found)
      for (const finding of found) findings.push(finding)
    }
    return byGroup
  })
  return { findings, groups }
}

/**
 * The state as of an earlier day than `state`'s. The view then is the view now less the items known only
 * since: the same view extended by those items, so the groups they touch (`Rule.touched`) are the only
 * ones whose findings differ, with those that read an item the leaving ones rename (one named alike after
 * a leaving one counts one fewer before it), and where an actor had another place in the tree then, those
 * that read, on either day, an item that actor or one below it takes part in. Every other group
 * keeps what the rules found in it; the argumentation and the verdicts are worked out whole, from the
 * findings in the order a whole evaluation lists them.
 */
const back = (state: State, options: Options): State => {
  const view = viewCase(state.caseFile, options.asOf, options.kinds)
  const stillKnown = new Set<string>()
  for (const observation of view.observations) stillKnown.add(observation.id)
  const leaving: Additions = {
    statements: state.view.statements.filter(
      (statement) => view.statementById.get(statement.id) === undefined
    ),
    claims: state.view.claims.filter((claim) => view.claimById.get(claim.id) === undefined),
    observations: state.view.observations.filter((observation) => !stillKnown.has(observation.id))
  }
  // An item leaving that stood before another named alike renames that one: what reads it is worded
  // again. Where that cannot be followed item by item, the case is evaluated whole.
  const renamed = renamedByLeaving(state.view, leaving)
  if (renamed === undefined) return start(state.caseFile, options, view, undefined, false)
  // An actor with another place in the tree then: what reads an item it (or one below it) takes part in,
  // on either day, is worked out again, as what the items leaving touch is.
  const moved = actorsMoved(view, state.options.asOf, options.asOf)
  const below =
    moved.length === 0 ? undefined : actorsBelowMoved(view, moved, [state.options.asOf, options.asOf])
  const readAgainNow = below === undefined ? renamed : joinedAdditions(renamed, itemsOfActors(view, below))
  const readAgainThen = joinedAdditions(
    joinedAdditions(leaving, renamed),
    below === undefined ? nothingAdded : itemsOfActors(state.view, below)
  )
  const redo = options.rules.map(
    (rule) => new Set([...rule.touched(state.view, readAgainThen), ...rule.touched(view, readAgainNow)])
  )
  const kept = (at: number, group: string) =>
    redo[at]!.has(group) ? undefined : (state.groups[at]!.get(group) ?? none)
  // A question's ratings hold while no evidence it can bear on leaves (as they hold while none is added).
  const reRated = new Set([
    ...questionsConcerning(state.view, evidenceNames(state.view, readAgainThen)),
    ...questionsConcerning(view, evidenceNames(view, readAgainNow))
  ])
  const rated = state.ratedQuestions.map((ratings, at) => (reRated.has(at) ? undefined : ratings))
  return start(state.caseFile, options, view, groupFindings(view, options.rules, kept), false, rated)
}

const start = (
  caseFile: CaseFile,
  options: Options,
  view: CaseView = viewCase(caseFile, options.asOf, options.kinds),
  { findings, groups } = groupFindings(view, options.rules),
  eager = true,
  /** Ratings known to hold in this view, by question (where undefined, the question is rated). */
  rated?: ReadonlyArray<RatedQuestion | undefined>
): State => {
  const { asOf } = options
  const support = assessSupport(view)
  const built = buildArgumentGraph(view, findings, support)
  const about = Lookup.over(findingsByTarget(findings))
  let graph: Graph | undefined
  const graphNow = (): Graph => {
    if (graph !== undefined) return graph
    // The evaluator numbers the arguments it adds after the whole evaluation's, in the same index: the
    // whole evaluation's readings only ask of the arguments they hold, whose numbers never change.
    graph = {
      keys: built.keys as Array<ArgumentKey>,
      index: built.index as Map<ArgumentKey, number>,
      grounded: IncrementalGrounded.fromFramework(built.framework, built.labels),
      direct: Lookup.over(built.direct),
      restsOn: Lookup.over(built.restsOn),
      attacksOn: Lookup.over(built.attacksOn),
      dependents: new Map(),
      attackTargets: new Map(),
      supportTargets: new Map(),
      mentions: new Map(),
      orphans: 0,
      unweighed: new Set(),
      partAnswers: new Map()
    }
    for (const [target, bases] of built.restsOn.entries())
      for (const base of bases) count(graph.dependents, base, target, 1)
    // A whole evaluation's arguments are all named by its findings, or are items: none is an orphan.
    const { mentions } = graph
    const named = (key: ArgumentKey) => {
      if (!itemArgument(key)) mentions.set(key, (mentions.get(key) ?? 0) + 1)
    }
    for (const finding of findings) {
      named(finding.target)
      if (finding.kind === "attack") {
        named(finding.attacker)
        count(graph.attackTargets, finding.attacker, finding.target, 1)
      } else if (finding.kind === "support") {
        named(finding.supporter)
        count(graph.supportTargets, finding.supporter, finding.target, 1)
      } else if (finding.kind === "dependency") named(finding.on)
    }
    return graph
  }
  if (eager) {
    graphNow()
    workOutEverything(view)
  }

  const make = verdictMaker(view, built, about, support)
  const statements = view.statements.map(make.statement)
  const claims = view.claims.map(make.claim)
  const observations = view.observations.map(make.observation)
  const continuations: Array<Verdict> = []
  for (const key of built.keys)
    if (key.startsWith("continues:")) continuations.push(make.continuation(key.slice("continues:".length)))
  const claimVerdicts = Lookup.of(claims.map((verdict) => [verdict.id, verdict]))
  const observationVerdicts = Lookup.of(observations.map((verdict) => [verdict.id, verdict]))
  const continuationVerdicts = Lookup.of<ContinuationVerdict>(
    continuations.map((verdict) => [verdict.id, verdict])
  )
  const standing = standingContinuations(continuationVerdicts)
  const lifecycles = [...view.actors.keys()].map((actor) => lifecycleOf(view, actor, claimVerdicts, standing))
  const ceased = ceasedSince(lifecycles)
  const relationshipGroups = new Map<string, ReadonlyArray<DerivedRelationship>>()
  for (const [key, members] of relationshipClaims(view).entries())
    relationshipGroups.set(key, claimedRelationships(view, key, members, claimVerdicts, ceased))
  const background = backgroundRelationships(view)
  const ratedQuestions = caseFile.questions.map((question, at) => rated?.[at] ?? rateQuestion(view, question))
  return {
    caseFile,
    options,
    ratedQuestions,
    view,
    groups,
    about,
    graph: graphNow,
    labels: built.labels,
    positions: {
      statement: positionsOf(statements),
      claim: positionsOf(claims),
      observation: positionsOf(observations),
      continuation: positionsOf(continuations),
      lifecycle: new Map(lifecycles.map((life, at) => [life.actor, at]))
    },
    claimVerdicts,
    observationVerdicts,
    continuationVerdicts,
    relationshipGroups,
    relationshipOrder: [...relationshipGroups.keys()],
    relationshipOffsets: offsetsOf(relationshipGroups),
    background,
    findings: FindingList.of(findings),
    evaluation: {
      caseId: caseFile.case.id,
      asOf,
      statements,
      claims,
      observations,
      continuations,
      relationships: [...[...relationshipGroups.values()].flat(), ...background],
      lifecycles,
      questions: caseFile.questions.map((question, at) =>
        assessQuestion(view, question, claimVerdicts, observationVerdicts, ratedQuestions[at])
      ),
      leftOut: view.leftOut,
      findings,
      argumentCount: built.framework.size,
      attackCount: built.framework.attackCount
    }
  }
}

interface CopyOnWrite<A> {
  readonly length: () => number
  readonly set: (at: number, value: A) => void
  readonly list: () => ReadonlyArray<A>
}

/**
 * A list copied only if something in it changes: most updates leave most lists alone. The list is copied
 * once, when it is first asked for, with what was placed after its end joined to it and what was set
 * within it written over the copy: copied on the first change and joined to its additions later, a list
 * of a quarter of a million verdicts would be copied twice over, and grown one value at a time, more.
 * After the list has been asked for, what is set is written into it.
 */
const copyOnWrite = <A>(original: ReadonlyArray<A>): CopyOnWrite<A> => {
  let copy: Array<A> | undefined
  let after: Array<A> = []
  let within: Array<number> = []
  let withinValues: Array<A> = []
  const held = () => copy ?? original
  return {
    length: () => held().length + after.length,
    set: (at, value) => {
      const end = held().length
      if (at >= end) after[at - end] = value
      else if (copy !== undefined) copy[at] = value
      else {
        within.push(at)
        withinValues.push(value)
      }
    },
    list: () => {
      if (copy === undefined) {
        if (after.length === 0 && within.length === 0) return original
        copy = after.length > 0 ? original.concat(after) : original.slice()
      } else for (const value of after) copy.push(value)
      after = []
      for (let i = 0; i < within.length; i++) copy[within[i]!] = withinValues[i]!
      within = []
      withinValues = []
      return copy
    }
  }
}

const unique = function* <A>(values: Iterable<A>): Iterable<A> {
  const seen = new Set<A>()
  for (const value of values)
    if (!seen.has(value)) {
      seen.add(value)
      yield value
    }
}

const none: ReadonlyArray<never> = []

/**
 * What a group found again, with each finding that says just what one it found before said (the same
 * arguments, items, weight and words) replaced by that earlier one. A group worked out again after an
 * addition mostly finds what it found before; kept, those findings change nothing downstream, so the
 * arguments they name are not looked at again. Mostly, too, it finds them in the same order, with a few
 * more or fewer somewhere: the findings before and after those are matched in place.
 */
const keptWhereSame = (
  before: ReadonlyArray<Finding>,
  found: ReadonlyArray<Finding>
): ReadonlyArray<Finding> => {
  if (before.length === 0 || found.length === 0) return found
  let start = 0
  while (start < before.length && start < found.length && sameFinding(before[start]!, found[start]!)) start++
  if (start === before.length && start === found.length) return before
  let endBefore = before.length
  let endFound = found.length
  while (endBefore > start && endFound > start && sameFinding(before[endBefore - 1]!, found[endFound - 1]!)) {
    endBefore--
    endFound--
  }
  const byTarget = new Map<ArgumentKey, Array<Finding>>()
  for (let at = start; at < endBefore; at++) {
    const finding = before[at]!
    const list = byTarget.get(finding.target)
    if (list === undefined) byTarget.set(finding.target, [finding])
    else list.push(finding)
  }
  const kept = before.slice(0, start)
  for (let at = start; at < endFound; at++) {
    const finding = found[at]!
    const candidates = byTarget.get(finding.target)
    const matched = candidates?.findIndex((earlier) => sameFinding(earlier, finding)) ?? -1
    kept.push(matched < 0 ? finding : candidates!.splice(matched, 1)[0]!)
  }
  for (let at = endBefore; at < before.length; at++) kept.push(before[at]!)
  return kept
}

/**
 * What `found`, a group's findings kept where the same (`keptWhereSame`), has that `before` had not
 * (`added`) and the other way round (`removed`). Only what lies between the findings the two share at
 * their ends is looked at.
 */
const foundChanges = (
  before: ReadonlyArray<Finding>,
  found: ReadonlyArray<Finding>,
  removed: Array<Finding>,
  added: Array<Finding>
): void => {
  let start = 0
  while (start < before.length && start < found.length && before[start] === found[start]) start++
  let endBefore = before.length
  let endFound = found.length
  while (endBefore > start && endFound > start && before[endBefore - 1] === found[endFound - 1]) {
    endBefore--
    endFound--
  }
  const now = new Set(found.slice(start, endFound))
  for (let at = start; at < endBefore; at++) if (!now.has(before[at]!)) removed.push(before[at]!)
  const earlier = new Set(before.slice(start, endBefore))
  for (let at = start; at < endFound; at++) if (!earlier.has(found[at]!)) added.push(found[at]!)
}

const sameFinding = (a: Finding, b: Finding): boolean => {
  // A rule may hand back the very finding it made before, where its words cannot have changed.
  if (a === b) return true
  if (a.kind !== b.kind || a.rule !== b.rule || a.target !== b.target) return false
  const x = a as Partial<Record<string, unknown>> & Finding
  const y = b as Partial<Record<string, unknown>> & Finding
  if (x.attacker !== y.attacker || x.supporter !== y.supporter || x.on !== y.on || x.from !== y.from)
    return false
  if (x.weight !== y.weight) return false
  const xs = x.items as ReadonlyArray<string> | undefined
  const ys = y.items as ReadonlyArray<string> | undefined
  if (xs !== ys) {
    if (xs === undefined || ys === undefined || xs.length !== ys.length) return false
    for (let i = 0; i < xs.length; i++) if (xs[i] !== ys[i]) return false
  }
  // Last, as they cost most: the words, which must read the same for the earlier finding to stand in,
  // unless they are known to (made of the same, with the same names).
  return wordedAlike(a, b) || (a.sentence === b.sentence && x.settle === y.settle)
}

const nothingAdded: Additions = { statements: [], claims: [], observations: [] }

const joinedAdditions = (a: Additions, b: Additions): Additions => ({
  statements: [...a.statements, ...b.statements],
  claims: [...a.claims, ...b.claims],
  observations: [...a.observations, ...b.observations]
})

/**
 * The arguments whose verdicts word the names of `renamed`: their own, the claims about them, and the
 * arguments an explanation names them beside (what their arguments attack, support or rest on, what
 * attacks them, and what rests on what they attack, whose explanation lists the attacks it inherits).
 */
const namingRenamed = (graph: Graph, view: CaseView, renamed: Additions): Set<ArgumentKey> => {
  const keys: Array<ArgumentKey> = [
    ...renamed.statements.flatMap((statement) => [authOf(statement.id), repOf(statement.id)]),
    ...renamed.claims.map((claim) => claimArg(claim.id)),
    ...renamed.observations.map((observation) => obsArg(observation.id))
  ]
  const naming = new Set<ArgumentKey>()
  for (const item of [...renamed.statements, ...renamed.claims, ...renamed.observations])
    for (const claim of view.claimsAbout.get(item.id)) naming.add(claimArg(claim.id))
  for (const key of keys) {
    naming.add(key)
    for (const dependent of linked(graph.dependents, key)) naming.add(dependent)
    for (const supported of linked(graph.supportTargets, key)) naming.add(supported)
    for (const attacked of linked(graph.attackTargets, key)) {
      naming.add(attacked)
      for (const dependent of linked(graph.dependents, attacked)) naming.add(dependent)
    }
    const at = graph.index.get(key)
    if (at !== undefined)
      for (const attacker of graph.grounded.attackersOfArgument(at)) naming.add(graph.keys[attacker]!)
  }
  return naming
}

/**
 * The state for `view`, which extends the state's own by the items it adds (`view.extends`): appended to
 * the case, or known since an earlier day.
 */
const advance = (state: State, view: CaseView): State => {
  const { caseFile } = view
  const additions = view.extends!.additions
  const renamed = view.extends!.renamed ?? nothingAdded
  const treeMoved = view.extends!.treeMoved
  // Items whose names changed, or whose actors moved in the tree, are read again as added ones are.
  const readAgain =
    treeMoved === undefined
      ? renamed
      : renamed === nothingAdded
        ? treeMoved
        : joinedAdditions(renamed, treeMoved)
  const graph = state.graph()

  // 1. The rules: each works out again the groups the additions touch, those that read an item whose
  // name changed (what the rules find is worded with names), and those that read, on either day, an item
  // a moved actor takes part in (what the rules read of the tree, they read of the actors items name).
  const removed: Array<Finding> = []
  const added: Array<Finding> = []
  state.options.rules.forEach((rule, at) => {
    const byGroup = state.groups[at]!
    const touched =
      readAgain === nothingAdded
        ? rule.touched(view, additions)
        : [
            ...rule.touched(view, additions),
            ...rule.touched(view, readAgain),
            ...(treeMoved === undefined ? [] : rule.touched(state.view, treeMoved))
          ]
    for (const group of unique(touched)) {
      const before = byGroup.get(group) ?? none
      const found = keptWhereSame(before, rule.findingsFor(view, group))
      if (found === before) continue
      foundChanges(before, found, removed, added)
      if (found.length === 0) byGroup.delete(group)
      else byGroup.set(group, found)
    }
  })
  const gone = new Set(removed)
  const findings = state.findings.updated(gone, added)
  for (const finding of removed) countFinding(graph, finding, -1)
  for (const finding of added) countFinding(graph, finding, 1)

  // 2. What the rules say about each argument, where it changed.
  const addedAbout = findingsByTarget(added)
  const targets = new Set<ArgumentKey>(addedAbout.keys())
  for (const finding of removed) targets.add(finding.target)
  const aboutEntries: Array<readonly [ArgumentKey, ReadonlyArray<Finding>]> = []
  for (const target of targets) {
    const kept = (state.about.get(target) ?? none).filter((finding) => !gone.has(finding))
    aboutEntries.push([target, [...kept, ...(addedAbout.get(target) ?? none)]])
  }
  const about = state.about.with(aboutEntries)
  const support = assessSupport(view)

  // 3. New arguments: the added items, and whatever the new findings name.
  const newArguments: Array<ArgumentKey> = []
  const argument = (key: ArgumentKey) => {
    if (graph.index.has(key)) return
    graph.index.set(key, graph.keys.length)
    graph.keys.push(key)
    newArguments.push(key)
  }
  for (const statement of additions.statements) argument(authOf(statement.id))
  for (const claim of additions.claims) argument(claimArg(claim.id))
  for (const observation of additions.observations) argument(obsArg(observation.id))
  for (const finding of added) {
    if (finding.kind === "attack") argument(finding.attacker)
    else if (finding.kind === "support") argument(finding.supporter)
    else if (finding.kind === "dependency") argument(finding.on)
    argument(finding.target)
  }
  if (newArguments.length > 0) graph.grounded.addArguments(newArguments.length)

  // 4. What each argument rests on, where its findings changed or it is a new claim.
  const restsOnChanged = new Set<ArgumentKey>()
  const restingEntries: Array<readonly [ArgumentKey, ReadonlyArray<ArgumentKey>]> = []
  const restCandidates = new Set<ArgumentKey>(targets)
  for (const claim of additions.claims) restCandidates.add(claimArg(claim.id))
  for (const target of restCandidates) {
    const bases: Array<ArgumentKey> = []
    const said = about.get(target) ?? none
    if (target.startsWith("claim:")) {
      const claim = view.claimById.get(target.slice("claim:".length))
      if (claim !== undefined && "statement" in claim.madeBy) {
        const base = authOf(claim.madeBy.statement)
        if (!said.some((finding) => finding.kind === "detach" && finding.from === base)) bases.push(base)
      }
    }
    for (const finding of said)
      if (finding.kind === "dependency" && !bases.includes(finding.on)) bases.push(finding.on)
    const before = graph.restsOn.get(target) ?? none
    if (before.length === bases.length && before.every((base, i) => base === bases[i])) continue
    for (const base of before) count(graph.dependents, base, target, -1)
    for (const base of bases) count(graph.dependents, base, target, 1)
    restingEntries.push([target, bases])
    restsOnChanged.add(target)
  }
  graph.restsOn = graph.restsOn.with(restingEntries)

  // 5. The attacks that count on each argument: its own whose attacker weighs enough, and what it inherits.
  const supportChanged = new Set<ArgumentKey>()
  for (const finding of added)
    if (finding.rule === "corroboration-and-reliability") supportChanged.add(finding.target)
  const directCandidates = new Set<ArgumentKey>(targets)
  for (const attacker of supportChanged)
    for (const target of linked(graph.attackTargets, attacker)) directCandidates.add(target)
  const directChanged = new Set<ArgumentKey>()
  const directEntries: Array<readonly [ArgumentKey, ReadonlyArray<AttackFinding>]> = []
  for (const target of directCandidates) {
    const attacks: Array<AttackFinding> = []
    for (const finding of about.get(target) ?? none)
      if (finding.kind === "attack" && support.get(finding.attacker)?.substantive !== false)
        attacks.push(finding)
    const before = graph.direct.get(target) ?? none
    if (before.length === attacks.length && before.every((attack, i) => attack === attacks[i])) continue
    directEntries.push([target, attacks])
    directChanged.add(target)
  }
  graph.direct = graph.direct.with(directEntries)
  const inheritCandidates = new Set<ArgumentKey>([...directChanged, ...restsOnChanged])
  for (const base of directChanged)
    for (const dependent of linked(graph.dependents, base)) inheritCandidates.add(dependent)
  const attacksEntries: Array<readonly [ArgumentKey, ReadonlyArray<AttackFinding>]> = []
  const edgesChanged: Array<number> = []
  for (const target of inheritCandidates) {
    const own = graph.direct.get(target) ?? none
    const inherited = (graph.restsOn.get(target) ?? none).flatMap((base) => graph.direct.get(base) ?? none)
    const attacks = inherited.length > 0 ? [...own, ...inherited] : own
    attacksEntries.push([target, attacks])
    const at = graph.index.get(target)!
    const wanted = new Set(attacks.map((attack) => graph.index.get(attack.attacker)!))
    const have = graph.grounded.attackersOfArgument(at)
    let changed = false
    for (const attacker of [...have])
      if (!wanted.has(attacker)) changed = graph.grounded.removeAttack(attacker, at) || changed
    for (const attacker of wanted) changed = graph.grounded.addAttack(attacker, at) || changed
    if (changed) edgesChanged.push(at)
  }
  graph.attacksOn = graph.attacksOn.with(attacksEntries)

  // Which of the arguments whose findings changed a whole evaluation would hold.
  const weighedAgain = new Set<ArgumentKey>()
  for (const finding of [...added, ...removed]) {
    weighedAgain.add(finding.target)
    for (const key of namedBy(finding)) weighedAgain.add(key)
  }
  for (const attacker of supportChanged) {
    weighedAgain.add(attacker)
    for (const target of linked(graph.attackTargets, attacker)) weighedAgain.add(target)
  }
  const heldChanged: Array<ArgumentKey> = []
  for (const key of weighedAgain) {
    if (itemArgument(key) || !graph.index.has(key)) continue
    const outside = graph.mentions.has(key) && !heldByWhole(graph, about, support, key)
    if (outside === graph.unweighed.has(key)) continue
    if (outside) graph.unweighed.add(key)
    else graph.unweighed.delete(key)
    heldChanged.push(key)
  }

  // 6. The labels: only the arguments downstream of a change are labelled again.
  const region = graph.grounded.update() === 0 ? none : graph.grounded.lastRegion
  const labels = graph.grounded.labels()
  const before = state.labels
  const relabelled = region.filter((at) => at >= before.length || labels[at] !== before[at])

  // 7. The verdicts that read anything that changed.
  const redo = new Set<ArgumentKey>([
    ...targets,
    ...restsOnChanged,
    ...inheritCandidates,
    ...supportChanged,
    ...newArguments,
    ...heldChanged
  ])
  // A claim about an item names it in what it says: by its id while the item was not known, by its name now.
  for (const item of [...additions.statements, ...additions.claims, ...additions.observations])
    for (const claim of view.claimsAbout.get(item.id)) redo.add(claimArg(claim.id))
  if (readAgain !== nothingAdded) for (const key of namingRenamed(graph, view, readAgain)) redo.add(key)
  // An actor's going on that only a finding now gone named has no verdict any more.
  for (const finding of removed)
    for (const key of namedBy(finding)) if (key.startsWith("continues:")) redo.add(key)
  // What a supporter weighs decides whether it counts for what it supports (a statement marked unconfirmed).
  for (const key of supportChanged)
    for (const supported of linked(graph.supportTargets, key)) redo.add(supported)
  for (const at of relabelled) {
    const key = graph.keys[at]!
    redo.add(key)
    for (const attacked of graph.grounded.attackedByArgument(at)) redo.add(graph.keys[attacked]!)
    for (const dependent of linked(graph.dependents, key)) redo.add(dependent)
    for (const supported of linked(graph.supportTargets, key)) redo.add(supported)
  }
  const parts = undecidedParts(graph.grounded, labels)
  for (const at of relabelled) {
    const part = graph.partAnswers.get(at)
    if (part !== undefined) part.stale = true
  }
  for (const at of edgesChanged) {
    const part = graph.partAnswers.get(at)
    if (part !== undefined) part.stale = true
  }
  // A large undecided part lies near many of the changes: its members are looked at once.
  const partsNear = new Set<ReadonlyArray<number>>()
  for (const at of [...relabelled, ...edgesChanged])
    for (const near of [
      at,
      ...graph.grounded.attackersOfArgument(at),
      ...graph.grounded.attackedByArgument(at)
    ])
      partsNear.add(parts.partOf(near))
  const inPartsNear = new Set<ArgumentKey>()
  for (const members of partsNear)
    for (const member of members) {
      const key = graph.keys[member]!
      if (!redo.has(key)) inPartsNear.add(key)
    }

  const reading: GraphReading = {
    attacksOn: graph.attacksOn,
    restsOn: graph.restsOn,
    labelOf: (key) => {
      const at = graph.index.get(key)
      if (at === undefined || at >= labels.length) return undefined
      const label = labels[at]
      return label === Label.In ? "IN" : label === Label.Out ? "OUT" : "UNDEC"
    },
    couldStillStand: (key) => {
      const at = graph.index.get(key)
      if (at === undefined) return undefined
      const members = parts.partOf(at)
      if (members.length === 0) return parts.couldStillStand(at)
      const memory = graph.partAnswers
      let part = memory.get(at)
      if (
        part === undefined ||
        part.stale ||
        part.members.length !== members.length ||
        !members.every((member) => memory.get(member) === part)
      ) {
        part = { members, answers: new Map(), stale: false }
        for (const member of members) memory.set(member, part)
      }
      if (part.answers.has(at)) return part.answers.get(at)
      const answer = parts.couldStillStand(at)
      part.answers.set(at, answer)
      return answer
    }
  }
  const { positions } = state
  const evaluation = state.evaluation
  // What a change elsewhere in its part can change of a member's verdict is only whether it could still
  // stand: a member whose answer is the same keeps its verdict, and what reads the verdict is left alone.
  for (const key of inPartsNear) {
    const earlier = earlierVerdict(state, key)
    if (earlier === null) continue
    if (
      earlier === undefined ||
      (earlier.status === "contested" && earlier.couldStillStand !== reading.couldStillStand(key))
    )
      redo.add(key)
  }
  const make = verdictMaker(view, reading, about, support)
  const statements = copyOnWrite(evaluation.statements)
  const claims = copyOnWrite(evaluation.claims)
  const observations = copyOnWrite(evaluation.observations)
  const continuations = copyOnWrite(evaluation.continuations)
  const claimEntries: Array<readonly [string, Verdict]> = []
  const observationEntries: Array<readonly [string, Verdict]> = []
  const continuationEntries: Array<readonly [string, ContinuationVerdict]> = []
  const unnamed = new Set<ArgumentKey>()
  const observationsRedone: Array<Observation> = []
  const place = (list: CopyOnWrite<Verdict>, where: Map<string, number>, id: string, verdict: Verdict) => {
    // Whether a contested item could still stand is read off the framework as it is now, before it moves on.
    void verdict.couldStillStand
    let at = where.get(id)
    if (at === undefined) {
      at = list.length()
      where.set(id, at)
    }
    list.set(at, verdict)
  }
  // Added items take their places first, in the case's order, as a whole evaluation would list them.
  const inOrder = [
    ...additions.statements.map((statement) => authOf(statement.id)),
    ...additions.claims.map((claim) => claimArg(claim.id)),
    ...additions.observations.map((observation) => obsArg(observation.id))
  ]
  for (const key of unique([...inOrder, ...redo])) {
    const colon = key.indexOf(":")
    const kind = key.slice(0, colon)
    const id = key.slice(colon + 1)
    if (kind === "auth") {
      const statement = view.statementById.get(id)
      if (statement !== undefined) place(statements, positions.statement, id, make.statement(statement))
    } else if (kind === "claim") {
      const claim = view.claimById.get(id)
      if (claim === undefined) continue
      const verdict = make.claim(claim)
      place(claims, positions.claim, id, verdict)
      claimEntries.push([id, verdict])
    } else if (kind === "obs") {
      const at = positions.observation.get(id)
      const observation =
        at === undefined ? additions.observations.find((added) => added.id === id) : view.observations[at]
      if (observation === undefined) continue
      const verdict = make.observation(observation)
      observationsRedone.push(observation)
      place(observations, positions.observation, id, verdict)
      observationEntries.push([id, verdict])
    } else if (kind === "continues") {
      // An actor's going on that no finding names any more, or names only as an attack whose attacker
      // weighs nothing, is not an argument of a whole evaluation.
      if (!graph.mentions.has(key) || graph.unweighed.has(key)) {
        if (positions.continuation.has(key)) unnamed.add(key)
        continuationEntries.push([key, noContinuation])
        continue
      }
      const verdict = make.continuation(id)
      place(continuations, positions.continuation, key, verdict)
      continuationEntries.push([key, verdict])
    }
  }
  // Each continuation's explanation opens with the day it is asked on: on another day, the others are
  // reworded, not worked out again.
  const redated: Array<readonly [string, Verdict]> = []
  if (view.asOf !== state.options.asOf) {
    const redone = new Set(continuationEntries.map(([key]) => key))
    const listed = continuations.list()
    for (const [key, at] of positions.continuation)
      if (!redone.has(key)) {
        const verdict = onAnotherDay(listed[at]!, view, key.slice("continues:".length))
        continuations.set(at, verdict)
        redated.push([key, verdict])
      }
  }
  const claimVerdicts = state.claimVerdicts.with(claimEntries)
  const observationVerdicts = state.observationVerdicts.with(observationEntries)
  const continuationVerdicts = state.continuationVerdicts.with([...continuationEntries, ...redated])

  const { lifecycles, ceasedChanged } = updateLifecycles(
    view,
    state,
    claimEntries,
    continuationEntries,
    claimVerdicts,
    continuationVerdicts
  )
  const updated = updateRelationships(view, state, claimEntries, ceasedChanged, lifecycles, claimVerdicts)
  // Items known since an earlier day may stand anywhere in the case: the lists are put in its order, as a
  // whole evaluation lists them (an update adds its items after the case's, where they already are).
  const inserted =
    view.extends?.rank !== undefined &&
    additions.statements.length + additions.claims.length + additions.observations.length > 0
  const moved = inserted ? groupsMoved(view, additions) : undefined
  const relationships =
    moved !== undefined && moved.size > 0 ? relationshipsInOrder(view, state, moved, updated) : updated
  const { questions, ratedQuestions } = updateQuestions(
    view,
    state,
    readAgain === nothingAdded ? additions : joinedAdditions(additions, readAgain),
    treeMoved,
    claimEntries,
    observationsRedone,
    claimVerdicts,
    observationVerdicts
  )

  carryOver(view)
  return {
    ...state,
    options: view.asOf === state.options.asOf ? state.options : { ...state.options, asOf: view.asOf },
    caseFile,
    view,
    findings,
    ratedQuestions,
    about,
    labels,
    claimVerdicts,
    observationVerdicts,
    continuationVerdicts,
    evaluation: withLeftOutCounted(
      {
        caseId: evaluation.caseId,
        asOf: view.asOf,
        statements: inserted
          ? inViewOrder(view.statements, statements.list(), positions.statement, evaluation.statements.length)
          : statements.list(),
        claims: inserted
          ? inViewOrder(view.claims, claims.list(), positions.claim, evaluation.claims.length)
          : claims.list(),
        observations: inserted
          ? inViewOrder(
              view.observations,
              observations.list(),
              positions.observation,
              evaluation.observations.length
            )
          : observations.list(),
        continuations:
          unnamed.size === 0
            ? continuations.list()
            : withoutUnnamed(continuations.list(), unnamed, positions),
        relationships,
        lifecycles,
        questions,
        // Listed when read: a step of the as-of day mostly counts them (`leftOutCount`).
        get leftOut() {
          return view.leftOut
        },
        get findings() {
          return findings.list()
        },
        argumentCount: graph.keys.length - graph.orphans - graph.unweighed.size,
        attackCount: graph.grounded.attackCount
      },
      view.leftOutCount
    )
  }
}

type Entries = ReadonlyArray<readonly [string, Verdict]>

/**
 * The verdict the state gives the item an argument stands for, undefined where it gives none, and null
 * where the argument stands for no item (a rule's own argument, or a statement's speaking for the whole).
 */
const earlierVerdict = (state: State, key: ArgumentKey): Verdict | undefined | null => {
  const colon = key.indexOf(":")
  const kind = key.slice(0, colon)
  const id = key.slice(colon + 1)
  if (kind === "auth") {
    const at = state.positions.statement.get(id)
    return at === undefined ? undefined : state.evaluation.statements[at]
  }
  if (kind === "claim") return state.claimVerdicts.get(id)
  if (kind === "obs") return state.observationVerdicts.get(id)
  if (kind === "continues") return standingContinuations(state.continuationVerdicts).get(key)
  return null
}

/** The continuations without those of `unnamed`; their places are set to it. */
const withoutUnnamed = (
  continuations: ReadonlyArray<Verdict>,
  unnamed: ReadonlySet<ArgumentKey>,
  positions: Positions
): ReadonlyArray<Verdict> => {
  const kept = continuations.filter((verdict) => !unnamed.has(verdict.id))
  positions.continuation.clear()
  kept.forEach((verdict, at) => {
    positions.continuation.set(verdict.id, at)
  })
  return kept
}

/**
 * The verdicts of `items` in the items' order; `where` (each item's place among them) is set to it. The
 * first `listedBefore` verdicts are those of the items listed before, in their order; the others follow.
 */
const inViewOrder = (
  items: ReadonlyArray<{ readonly id: string }>,
  verdicts: ReadonlyArray<Verdict>,
  where: Map<string, number>,
  listedBefore: number
): ReadonlyArray<Verdict> => {
  // The verdicts before the first item that came in are copied at once: as the as-of day moves on, the
  // items coming in mostly stand after most of those known. Among the items listed before, an item is
  // at its verdict's place exactly when none came in before it, so that place is found by a search,
  // which reads a few of a hundred thousand items rather than each of them.
  let low = 0
  let high = Math.min(listedBefore, items.length)
  while (low < high) {
    const middle = (low + high) >>> 1
    if (verdicts[middle]!.id === items[middle]!.id) low = middle + 1
    else high = middle
  }
  let before = low
  if (before === listedBefore)
    while (before < items.length && before < verdicts.length && verdicts[before]!.id === items[before]!.id)
      before++
  const ordered = verdicts.slice(0, before)
  let moved = false
  for (let at = before; at < items.length; at++) {
    const item = items[at]!
    const next = verdicts[before]
    if (next !== undefined && next.id === item.id) {
      ordered.push(next)
      if (moved) where.set(item.id, ordered.length - 1)
      before++
    } else {
      ordered.push(verdicts[where.get(item.id)!]!)
      where.set(item.id, ordered.length - 1)
      moved = true
    }
  }
  return ordered
}

/** The relationships whose first claims were added: their groups' places in the order may change. */
const groupsMoved = (view: CaseView, additions: Additions): ReadonlySet<string> => {
  const claimed = relationshipClaims(view)
  const moved = new Set<string>()
  for (const claim of additions.claims) {
    const key = relationshipKey(view, claim)
    if (key !== undefined && claimed.get(key)[0] === claim) moved.add(key)
  }
  return moved
}

/**
 * Every relationship in the order of a whole evaluation: the groups in the order their first claims
 * stand in the case, the background after them. The groups whose first claims came in (`moved`) are
 * placed among the others, which keep their order; the groups and their places are set to it.
 * `updated` lists the groups in the order before (those first claimed now after the rest) at their
 * places: the groups before the first place a moved one goes to stay where they are, and only those
 * after it are listed again. As the as-of day moves on, the relationships first claimed on it mostly
 * go after most of those known.
 */
const relationshipsInOrder = (
  view: CaseView,
  state: State,
  moved: ReadonlySet<string>,
  updated: ReadonlyArray<DerivedRelationship>
): ReadonlyArray<DerivedRelationship> => {
  const rank = view.extends!.rank!
  const claimed = relationshipClaims(view)
  const firstRank = (key: string) => rank(claimed.get(key)[0]) ?? 0
  const order = state.relationshipOrder
  const offsets = state.relationshipOffsets
  const staying = order.filter((key) => !moved.has(key))
  const placed = [...moved].map((key) => ({ key, at: firstRank(key) })).sort((a, b) => a.at - b.at)
  // The staying groups are in order already: each moved one goes after those whose first claims stand
  // before its own, found by a search, so that only a few of the many are ranked.
  const places = placed.map(() => 0)
  let from = 0
  placed.forEach(({ at }, i) => {
    let low = from
    let high = staying.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (firstRank(staying[middle]!) <= at) low = middle + 1
      else high = middle
    }
    places[i] = low
    from = low
  })
  // A group already listed moves only where a claim that stands before its first came in: it goes to
  // a place before its own, so every group before the first place stays where it was.
  const unchanged = places[0] ?? staying.length
  // Where the groups listed before in `updated` stop being those that stay at their places.
  const prefixEnd = unchanged < order.length ? offsets.get(order[unchanged]!)! : ownLength(updated, state)
  const relationships = updated.slice(0, prefixEnd)
  order.length = unchanged
  const put = (key: string) => {
    order.push(key)
    offsets.set(key, relationships.length)
    for (const relationship of state.relationshipGroups.get(key) ?? none) relationships.push(relationship)
  }
  from = unchanged
  placed.forEach(({ key }, i) => {
    for (let at = from; at < places[i]!; at++) put(staying[at]!)
    put(key)
    from = places[i]!
  })
  for (let at = from; at < staying.length; at++) put(staying[at]!)
  for (const relationship of state.background) relationships.push(relationship)
  return relationships
}

/** How many of `relationships` are the groups', before the background. */
const ownLength = (relationships: ReadonlyArray<DerivedRelationship>, state: State) =>
  relationships.length - state.background.length

/** The lifecycles of the actors whose ends or going on changed, and the actors whose ceasing changed. */
const updateLifecycles = (
  view: CaseView,
  state: State,
  claimEntries: Entries,
  continuationEntries: ReadonlyArray<readonly [string, ContinuationVerdict]>,
  claimVerdicts: Lookup<Verdict>,
  continuationVerdicts: Lookup<ContinuationVerdict>
) => {
  const lifecycles = [...state.evaluation.lifecycles]
  const actorsTouched = new Set<string>()
  for (const [key] of continuationEntries) actorsTouched.add(key.slice("continues:".length))
  for (const [id] of claimEntries) {
    const ended = endedBy(view, view.claimById.get(id)!)
    if (ended !== undefined) actorsTouched.add(ended)
  }
  const ceasedChanged = new Set<string>()
  const standing = standingContinuations(continuationVerdicts)
  for (const actor of actorsTouched) {
    const at = state.positions.lifecycle.get(actor)
    if (at === undefined) continue
    const life = lifecycleOf(view, actor, claimVerdicts, standing)
    const earlier = lifecycles[at]!
    if (earlier.state !== life.state || earlier.since !== life.since) ceasedChanged.add(actor)
    lifecycles[at] = life
  }

  return { lifecycles, ceasedChanged }
}

/** The relationships whose claims, breaks, acceptances or actors' ends changed; the others are kept. */
const updateRelationships = (
  view: CaseView,
  state: State,
  claimEntries: Entries,
  ceasedChanged: ReadonlySet<string>,
  lifecycles: ReadonlyArray<Lifecycle>,
  claimVerdicts: Lookup<Verdict>
): ReadonlyArray<DerivedRelationship> => {
  const relationshipKeys = new Set<string>()
  const partiesTouched = new Set<string>(ceasedChanged)
  for (const [id] of claimEntries) {
    const claim = view.claimById.get(id)!
    if (claim.kind === "break") partiesTouched.add(claim.pledger)
    // An acknowledgement (an acceptance, or the recipient naming the pledger its province) decides
    // whether the recipient's pledges are accepted.
    else if (claim.kind === "acceptance" || claim.kind === "designation") partiesTouched.add(claim.recipient)
    const key = relationshipKey(view, claim)
    if (key !== undefined) relationshipKeys.add(key)
  }
  for (const actor of partiesTouched)
    for (const key of relationshipsOfActor(view).get(actor)) relationshipKeys.add(key)
  const ceased = ceasedSince(lifecycles)
  const claimed = relationshipClaims(view)
  const offsets = state.relationshipOffsets
  // Most updates change a few groups without changing how many relationships they give, or add groups
  // claimed for the first time, which the order lists after all the others: the former are written over
  // their own places in a copy of the list and the latter added after the last group, instead of the
  // list being built again group by group.
  let inPlace = true
  const changed: Array<readonly [string, ReadonlyArray<DerivedRelationship>, boolean]> = []
  for (const key of relationshipKeys) {
    const group = claimedRelationships(view, key, claimed.get(key), claimVerdicts, ceased)
    const before = state.relationshipGroups.get(key)
    if (before !== undefined && before.length !== group.length) inPlace = false
    state.relationshipGroups.set(key, group)
    if (before === undefined) state.relationshipOrder.push(key)
    changed.push([key, group, before === undefined])
  }
  if (changed.length === 0) return state.evaluation.relationships
  if (inPlace) {
    const earlier = state.evaluation.relationships
    const own = earlier.length - state.background.length
    const added: Array<DerivedRelationship> = []
    for (const [key, group, fresh] of changed) {
      if (!fresh) continue
      offsets.set(key, own + added.length)
      for (const relationship of group) added.push(relationship)
    }
    // One copy of the list, of its final length: grown a value at a time, it would be copied again.
    const relationships =
      added.length === 0 ? earlier.slice() : earlier.slice(0, own).concat(added, state.background)
    for (const [key, group, fresh] of changed) {
      if (fresh) continue
      const at = offsets.get(key)!
      for (let i = 0; i < group.length; i++) relationships[at + i] = group[i]!
    }
    return relationships
  }
  const relationships: Array<DerivedRelationship> = []
  offsets.clear()
  for (const key of state.relationshipOrder) {
    offsets.set(key, relationships.length)
    for (const relationship of state.relationshipGroups.get(key)!) relationships.push(relationship)
  }
  for (const relationship of state.background) relationships.push(relationship)

  return relationships
}

/** Where each group's relationships start in a list of every group's, in order. */
const offsetsOf = (groups: ReadonlyMap<string, ReadonlyArray<DerivedRelationship>>): Map<string, number> => {
  const offsets = new Map<string, number>()
  let at = 0
  for (const [key, group] of groups) {
    offsets.set(key, at)
    at += group.length
  }
  return offsets
}

/**
 * The questions: evidence added that names what a question names can change its ratings; a change in
 * how its evidence fares (the status alone) changes only their weighing.
 */
const updateQuestions = (
  view: CaseView,
  state: State,
  additions: Additions,
  /** Items whose actors moved in the tree: what they show of activity may differ between the days. */
  treeMoved: Additions | undefined,
  claimEntries: Entries,
  observationsRedone: ReadonlyArray<Observation>,
  claimVerdicts: Lookup<Verdict>,
  observationVerdicts: Lookup<Verdict>
) => {
  const questions = [...state.evaluation.questions]
  const ratedQuestions = [...state.ratedQuestions]
  const named = evidenceNames(view, additions)
  const reRated = questionsConcerning(
    view,
    treeMoved === undefined ? named : [...named, ...evidenceNames(state.view, treeMoved)]
  )
  const fared = new Set<string>()
  for (const [id, verdict] of claimEntries)
    if (state.claimVerdicts.get(id)?.status !== verdict.status) {
      fared.add(id)
      for (const value of namesIn(view.claimById.get(id)!)) fared.add(value)
    }
  for (const observation of observationsRedone)
    if (
      state.observationVerdicts.get(observation.id)?.status !==
      observationVerdicts.get(observation.id)?.status
    ) {
      fared.add(observation.id)
      fared.add(observation.actor)
    }
  const kept = earlierRatings(view, additions, state)
  for (const at of new Set([...reRated, ...questionsConcerning(view, fared)])) {
    const question = view.caseFile.questions[at]!
    if (reRated.has(at)) ratedQuestions[at] = rateQuestion(view, question, kept(question, at))
    questions[at] = assessQuestion(view, question, claimVerdicts, observationVerdicts, ratedQuestions[at])
  }

  return { questions, ratedQuestions }
}

/**
 * Which of a question's earlier ratings still stand once `items` are in (added, renamed, or taking part
 * in what moved in the tree): those of evidence that is not one of them, names none in its roles (a
 * claim's words name what it is about, by id until it is known) and is not a claim one of them makes;
 * unless one of them ends an actor the question's hypotheses expect something of (whether activity
 * comes after the end is then read again). What an item shows of activity reads the tree only for the
 * actors it names: where an actor moved, the items it and those below it take part in are among `items`,
 * and what every other item shows is as it was.
 */
const earlierRatings = (view: CaseView, items: Additions, state: State) => {
  // The items themselves, the claims that name them in their roles, and the claims they make.
  const stale = new Set<string>()
  for (const item of [...items.statements, ...items.claims, ...items.observations]) {
    stale.add(item.id)
    for (const claim of view.claimsAbout.get(item.id)) stale.add(claim.id)
    for (const claim of view.claimsByStatement.get(item.id)) stale.add(claim.id)
  }
  const ended = new Set<string>()
  for (const claim of items.claims) {
    const actor = endedBy(view, claim)
    if (actor !== undefined) ended.add(actor)
  }
  const isStale = (evidence: string) => stale.has(evidence)
  return (question: Question, at: number): EarlierRatings | undefined => {
    for (const hypothesis of question.hypotheses)
      for (const expectation of hypothesis.expects) {
        const actor = expectation.absorbed ?? expectation.actor
        if (actor !== undefined && ended.has(actor)) return undefined
      }
    return { earlier: state.ratedQuestions[at]!, stale: isStale }
  }
}

/**
 * The ids of `items` and what they name (actors, channels, items), with the actors their evidence of
 * activity shows at work: what questions whose ratings they can change name. A question may rate an
 * item before the item is in the case: once it is, the rating names it, and the question is rated (and
 * its explanation worded) again.
 */
const evidenceNames = (view: CaseView, items: Additions): ReadonlySet<string> => {
  const named = new Set<string>()
  for (const item of [...items.statements, ...items.claims, ...items.observations]) named.add(item.id)
  for (const claim of items.claims) for (const value of namesIn(claim)) named.add(value)
  for (const observation of items.observations) named.add(observation.actor)
  for (const evidence of addedEvidence(view, items)) named.add(evidence.actor)
  return named
}

/** The actors, channels and items a claim names in its roles. */
const namesIn = function* (claim: object): Iterable<string> {
  const roles = claim as Record<string, unknown>
  for (const role in roles)
    if (role !== "id" && role !== "madeBy" && role !== "restsOn" && role !== "cites") {
      const value = roles[role]
      if (typeof value === "string") yield value
    }
}

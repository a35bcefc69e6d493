/**
 * What a case evaluator keeps between evaluations, and how a line of them branches: an update changes
 * some of it in place (the argumentation, the rules' groups, where verdicts sit, the relationships'
 * order), so a branch that moves on apart from its line takes copies of those and shares the rest,
 * which no update changes.
 */
import type { IncrementalGrounded } from "../argumentation/incremental.ts"
import type { Labelling } from "../argumentation/label.ts"
import type { CaseFile } from "../model/case-file.ts"
import type { AttackFinding } from "./argument-graph.ts"
import type { CaseView } from "./case-view.ts"
import type { CaseEvaluation, EvaluateOptions } from "./evaluate.ts"
import type { ArgumentKey, Finding } from "./finding.ts"
import type { FindingList } from "./finding-list.ts"
import type { RatedQuestion } from "./hypotheses.ts"
import type { Lookup } from "./list-index.ts"
import type { DerivedRelationship, VerdictsById } from "./relationships.ts"
import type { Rule } from "./rule.ts"
import type { Verdict } from "./verdict.ts"

/**
 * An actor's going on whose verdict went: kept under its key as this, not as undefined, which a lookup
 * extending an earlier one reads as the earlier one's value.
 */
export const noContinuation: unique symbol = Symbol("no continuation")
export type ContinuationVerdict = Verdict | typeof noContinuation

/** The continuations' verdicts by key, read as the verdicts that stand (none where one went). */
export const standingContinuations = (verdicts: Lookup<ContinuationVerdict>): VerdictsById => ({
  get: (key) => {
    const verdict = verdicts.get(key)
    return verdict === noContinuation ? undefined : verdict
  }
})

/**
 * What an evaluator keeps between evaluations. Only the newest evaluator of a line uses it: an update
 * changes the graph, the groups, the positions and the relationships' order in place.
 */
export interface State {
  readonly caseFile: CaseFile
  /** The day, kinds and rules of every evaluation of the line. */
  readonly options: Options
  readonly evaluation: CaseEvaluation
  readonly view: CaseView
  /** Each rule's findings, by group. */
  readonly groups: ReadonlyArray<Map<string, ReadonlyArray<Finding>>>
  readonly findings: FindingList
  /** Each question's ratings, which hold until evidence it can bear on is added. */
  readonly ratedQuestions: ReadonlyArray<RatedQuestion>
  readonly about: Lookup<ReadonlyArray<Finding>>
  /**
   * The argumentation, ready for updates. An evaluator moved to another day makes it only when first
   * brought up to date: moving the day back and forth never needs it.
   */
  readonly graph: () => Graph
  readonly labels: Labelling
  readonly positions: Positions
  readonly claimVerdicts: Lookup<Verdict>
  readonly observationVerdicts: Lookup<Verdict>
  /** `noContinuation` for an actor's going on that no finding names any more (a whole evaluation has none). */
  readonly continuationVerdicts: Lookup<ContinuationVerdict>
  /** The relationships each group of claims gives. */
  readonly relationshipGroups: Map<string, ReadonlyArray<DerivedRelationship>>
  /** The groups' keys in the order first claimed, as a whole evaluation lists them. */
  readonly relationshipOrder: Array<string>
  /**
   * Where each group's relationships start in the evaluation's list, while every group keeps its place
   * and length; rebuilt when a group is added or changes length.
   */
  readonly relationshipOffsets: Map<string, number>
  readonly background: ReadonlyArray<DerivedRelationship>
}

export type Options = EvaluateOptions & { readonly rules: ReadonlyArray<Rule> }

/** The argumentation, kept up to date in place; each evaluation takes its own copy of the labels. */
export interface Graph {
  readonly keys: Array<ArgumentKey>
  readonly index: Map<ArgumentKey, number>
  readonly grounded: IncrementalGrounded
  direct: Lookup<ReadonlyArray<AttackFinding>>
  restsOn: Lookup<ReadonlyArray<ArgumentKey>>
  attacksOn: Lookup<ReadonlyArray<AttackFinding>>
  /** For each argument, the arguments resting on it. */
  readonly dependents: Links
  /** For each argument, the arguments its attack findings target (counted: findings may repeat). */
  readonly attackTargets: Links
  /** For each argument, the arguments its support findings target. */
  readonly supportTargets: Links
  /** How many findings name each argument of a rule's own (not a statement, claim or observation). */
  readonly mentions: Map<ArgumentKey, number>
  /**
   * The rules' own arguments that no finding names any more: kept in the framework (an argument is never
   * taken out of it), but a whole evaluation would not hold them, so they are not counted.
   */
  orphans: number
  /**
   * Arguments the findings name only as attacks whose attackers weigh nothing: the framework holds them
   * (an attacker may come to weigh something), a whole evaluation's does not, so they are not counted.
   */
  readonly unweighed: Set<ArgumentKey>
  /**
   * For each undecided argument asked about, its part and the answers found in it. A part that comes
   * back with the same members, none of whose attacks or labels changed since, is the same framework:
   * its answers hold, and its credulous acceptance is not worked out again.
   */
  readonly partAnswers: Map<number, PartAnswers>
}

export interface PartAnswers {
  readonly members: ReadonlyArray<number>
  readonly answers: Map<number, boolean | undefined>
  /** Set once an attack on a member or a member's label changes. */
  stale: boolean
}

/** Where each item's verdict sits in the evaluation's lists. */
export interface Positions {
  readonly statement: Map<string, number>
  readonly claim: Map<string, number>
  readonly observation: Map<string, number>
  readonly continuation: Map<string, number>
  readonly lifecycle: Map<string, number>
}

/**
 * Arguments linked to others, each link counted. Most arguments link to one other only (a claim rests on
 * its statement, an item attacks one argument): such a row is that argument's key alone, and only a row
 * with more becomes a map of counts, so that an evaluator's start does not make a map per finding.
 */
export type Links = Map<ArgumentKey, ArgumentKey | Map<ArgumentKey, number>>

/**
 * A copy of `state` for a line of its own: what an update changes in place is copied (the argumentation
 * made first, if it was not yet), the rest shared.
 */
export const branchedState = (state: State): State => {
  const graph = branchedGraph(state.graph())
  return {
    ...state,
    groups: state.groups.map((byGroup) => new Map(byGroup)),
    graph: () => graph,
    positions: {
      statement: new Map(state.positions.statement),
      claim: new Map(state.positions.claim),
      observation: new Map(state.positions.observation),
      continuation: new Map(state.positions.continuation),
      lifecycle: new Map(state.positions.lifecycle)
    },
    relationshipGroups: new Map(state.relationshipGroups),
    relationshipOrder: [...state.relationshipOrder],
    relationshipOffsets: new Map(state.relationshipOffsets)
  }
}

const branchedGraph = (graph: Graph): Graph => {
  // The members of a part share one record of its answers: so do their copies.
  const copies = new Map<PartAnswers, PartAnswers>()
  const partAnswers = new Map<number, PartAnswers>()
  for (const [at, part] of graph.partAnswers) {
    let copy = copies.get(part)
    if (copy === undefined) {
      copy = { members: part.members, answers: new Map(part.answers), stale: part.stale }
      copies.set(part, copy)
    }
    partAnswers.set(at, copy)
  }
  return {
    keys: graph.keys.slice(),
    index: new Map(graph.index),
    grounded: graph.grounded.clone(),
    direct: graph.direct,
    restsOn: graph.restsOn,
    attacksOn: graph.attacksOn,
    dependents: branchedLinks(graph.dependents),
    attackTargets: branchedLinks(graph.attackTargets),
    supportTargets: branchedLinks(graph.supportTargets),
    mentions: new Map(graph.mentions),
    orphans: graph.orphans,
    unweighed: new Set(graph.unweighed),
    partAnswers
  }
}

/**
 * Rows of links that two lines share since one branched from the other: whichever changes one first
 * takes a copy of it (`ownRow`), so that a branch does not copy each of the many rows.
 */
const sharedRows = new WeakSet<Map<ArgumentKey, number>>()

const branchedLinks = (links: Links): Links => {
  for (const row of links.values()) if (typeof row !== "string") sharedRows.add(row)
  return new Map(links)
}

/** The row of links of `from`, held in `links`, to change: copied first where another line shares it. */
export const ownRow = (links: Links, from: ArgumentKey, row: Map<ArgumentKey, number>) => {
  if (!sharedRows.has(row)) return row
  const copy = new Map(row)
  links.set(from, copy)
  return copy
}

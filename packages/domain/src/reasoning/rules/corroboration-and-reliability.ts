import type { Credibility, Reliability, Source } from "../../model/source.ts"
import type { Statement } from "../../model/statement.ts"
import { credibilityWords, reliabilityWords } from "../../model/source.ts"
import {
  type Additions,
  type CaseView,
  indexPerView,
  itemName,
  perView,
  readsNoTree,
  shortSource
} from "../case-view.ts"
import { speaksAsPartOf, voicesOf } from "../actor-tree.ts"
import { type ArgumentKey, authOf, claimArg, type Finding, obsArg, worded } from "../finding.ts"
import { Lookup } from "../list-index.ts"
import { disjoint, sourceOrigins } from "../origins.ts"
import { propositionKey } from "../proposition.ts"
import { groupedRule, type Rule } from "../rule.ts"

const reliabilityWeight: Record<Reliability, number> = { A: 0.95, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 }
const credibilityWeight = (credibility: Credibility | undefined): number =>
  credibility === undefined
    ? 0.85
    : credibility === "cannot be judged"
      ? 0.5
      : [1, 0.85, 0.6, 0.35, 0.15][credibility - 1]!

/** The weight of evidence a claim or observation needs before it counts as substantive. */
export const substantiveThreshold = 0.6

/** How much a reported item weighs: the chance that independent sources, each graded, are all wrong. */
export interface Support {
  readonly argument: ArgumentKey
  readonly strength: number
  readonly sources: ReadonlyArray<string>
  readonly substantive: boolean
  /** Who reports it and how much each weighs, in a sentence (written when asked for). */
  readonly sentence: () => string
  /** Why it counts for nothing, when that is not its sources' weight (a statement marked unconfirmed). */
  readonly unconfirmed?: string
}

/**
 * The weight of each item reported by sources rather than made by a statement: the independent
 * sources reporting the same proposition combine, each weighted by reliability and credibility.
 * Statement-made claims are the actor's own words; what decides them is whether the statement is
 * authentic, which is for the other rules.
 */
/** Each reported item's support, by its argument. */
export type SupportLookup = Pick<Lookup<Support>, "get">

export const assessSupport = (view: CaseView): SupportLookup => {
  const reported = supportOf(view)
  const unconfirmed = unconfirmedSupport(view)
  return {
    get: (key) => {
      const found = reported.get(key)
      if (found !== undefined) return found
      const weighed = unconfirmed.get(key)
      return weighed === confirmed ? undefined : weighed
    }
  }
}

/** What a statement marked unconfirmed weighs once confirmed: nothing of its own (a lookup keeps it, unlike an absence). */
const confirmed: Support = { argument: "", strength: 1, sources: [], substantive: true, sentence: () => "" }

/** The group of the statement a statement marked unconfirmed is weighed in. */
const unconfirmedGroup = (statement: string) => `unconfirmed-statement:${statement}`

/** Whether a statement marked unconfirmed has been confirmed since by the actor it speaks for. */
const confirmedByActor = (view: CaseView, statement: Statement): boolean => {
  const around = [statement.id, ...view.claimsByStatement.get(statement.id).map((claim) => claim.id)]
  return around.some((id) =>
    view.claimsAbout.get(id).some((claim) => {
      if (claim.kind !== "confirmation" || !("statement" in claim.madeBy)) return false
      const confirmer = view.statementById.get(claim.madeBy.statement)
      return (
        confirmer !== undefined &&
        confirmer.id !== statement.id &&
        voicesOf(statement).some((voice) => speaksAsPartOf(view, confirmer, voice))
      )
    })
  )
}

/** The arguments a statement marked unconfirmed weighs on (its authorship and its claims), weighed. */
const unconfirmedEntries = (view: CaseView, statement: Statement): Array<readonly [ArgumentKey, Support]> => {
  const keys = [
    authOf(statement.id),
    ...view.claimsByStatement.get(statement.id).map((claim) => claimArg(claim.id))
  ]
  const reason = statement.unconfirmed!
  const weak = !confirmedByActor(view, statement)
  return keys.map((argument) => [
    argument,
    weak
      ? {
          argument,
          strength: 0,
          sources: [],
          substantive: false,
          unconfirmed: reason,
          sentence: () =>
            `The analyst marks the authenticity of ${itemName(view, statement.id)} unconfirmed: ${reason.replace(/\.$/, "")}.`
        }
      : confirmed
  ])
}

/** The statements marked unconfirmed that what `additions` hold bears on. */
const touchedUnconfirmed = (view: CaseView, additions: Additions): ReadonlySet<Statement> => {
  const touched = new Set<Statement>()
  const note = (id: string | undefined) => {
    const statement = id === undefined ? undefined : view.statementById.get(id)
    if (statement?.unconfirmed !== undefined) touched.add(statement)
  }
  for (const statement of additions.statements) note(statement.id)
  for (const claim of additions.claims) {
    if ("statement" in claim.madeBy) note(claim.madeBy.statement)
    if (claim.kind === "confirmation") {
      note(claim.target)
      const target = view.claimById.get(claim.target)
      if (target !== undefined && "statement" in target.madeBy) note(target.madeBy.statement)
    }
  }
  return touched
}

// Statements the analyst marks unconfirmed weigh nothing, nor do their claims, until the actor confirms them.
const unconfirmedSupport = perView(
  (view) => {
    const entries: Array<readonly [ArgumentKey, Support]> = []
    for (const statement of view.statements)
      if (statement.unconfirmed !== undefined) entries.push(...unconfirmedEntries(view, statement))
    return Lookup.of(entries)
  },
  (earlier, view, additions) => withUnconfirmed(earlier, view, touchedUnconfirmed(view, additions)),
  {
    // Whether the actor confirmed a statement reads the tree only for the statement's voices and the
    // confirmer: on a day an actor moved, the statements and claims those take part in are read again.
    rebuild: (view, earlier) => {
      const { treeMoved, additions } = view.extends!
      return withUnconfirmed(
        earlier,
        view,
        new Set([...touchedUnconfirmed(view, treeMoved!), ...touchedUnconfirmed(view, additions)])
      )
    }
  }
)

/** `earlier` with the weights of these statements marked unconfirmed worked out again. */
const withUnconfirmed = (
  earlier: Lookup<Support>,
  view: CaseView,
  statements: ReadonlySet<Statement>
): Lookup<Support> => {
  const entries: Array<readonly [ArgumentKey, Support]> = []
  for (const statement of statements) entries.push(...unconfirmedEntries(view, statement))
  return entries.length === 0 ? earlier : earlier.with(entries)
}

interface Report {
  readonly argument: ArgumentKey
  readonly source: Source
  readonly weight: number
  readonly words: () => string
}

const sourceWords = (source: Source, credibility: Credibility | undefined) =>
  `${shortSource(source.description)}, ${reliabilityWords[source.reliability]} (${source.reliability})${credibility === undefined ? "" : `, reporting something ${credibilityWords(credibility)} (${credibility === "cannot be judged" ? 6 : credibility})`}`

/** The proposition each reported item states, with its report (statement-made claims are not reports). */
const gatherReports = (
  view: CaseView,
  items: Additions,
  add: (proposition: string, report: Report) => void
) => {
  for (const claim of items.claims) {
    if (!("source" in claim.madeBy)) continue
    const source = view.sources.get(claim.madeBy.source)
    if (source === undefined) continue
    const supporter = source.kind === "supporter-account" && claim.attributedTo !== undefined
    const weight =
      reliabilityWeight[source.reliability] * credibilityWeight(claim.credibility) * (supporter ? 0.5 : 1)
    add(propositionKey(view.model, claim), {
      argument: claimArg(claim.id),
      source,
      weight,
      words: () =>
        sourceWords(source, claim.credibility) +
        (supporter
          ? `; a supporter account relaying what ${itemName(view, claim.attributedTo!)} said is not ${itemName(view, claim.attributedTo!)}`
          : "")
    })
  }
  for (const observation of items.observations) {
    const source = view.sources.get(observation.source)
    if (source === undefined) continue
    const weight = reliabilityWeight[source.reliability] * credibilityWeight(observation.credibility)
    add(`observation:${observation.id}`, {
      argument: obsArg(observation.id),
      source,
      weight,
      words: () => sourceWords(source, observation.credibility)
    })
  }
}

// What a report weighs is its source's and its claim's, never where an actor stands in the tree: the
// reports and what they weigh are carried over to a day on which the tree differs.
const reportsOf = indexPerView<Report>(gatherReports, readsNoTree)

/** The propositions whose reports `additions` add to. */
const touchedPropositions = (view: CaseView, additions: Additions): ReadonlySet<string> => {
  const touched = new Set<string>()
  gatherReports(view, additions, (proposition) => touched.add(proposition))
  return touched
}

/**
 * The reports of one proposition in groups that share an origin: a source and those it depends on (any of
 * them, however far), the same channel, or the same actor they belong to. Sources in one group repeat each
 * other; only groups are independent.
 */
const dependentGroups = (
  view: CaseView,
  reports: ReadonlyArray<Report>
): ReadonlyArray<ReadonlyArray<Report>> => {
  const groups: Array<{ origins: Set<string>; reports: Array<Report> }> = []
  for (const report of reports) {
    const origins = sourceOrigins(view, report.source)
    const joined = groups.filter((group) => !disjoint(group.origins, origins))
    const into = { origins, reports: [report] }
    for (const group of joined) {
      for (const origin of group.origins) into.origins.add(origin)
      into.reports.push(...group.reports)
      groups.splice(groups.indexOf(group), 1)
    }
    groups.push(into)
  }
  return groups.map((group) => group.reports)
}

/** The support of each report of one proposition: its independent sources combined. */
const weigh = (view: CaseView, reports: ReadonlyArray<Report>): ReadonlyArray<Support> => {
  const independent = dependentGroups(view, reports).map((group) =>
    group.reduce((best, report) => (report.weight > best.weight ? report : best))
  )
  const strength = 1 - independent.reduce((miss, report) => miss * (1 - report.weight), 1)
  const substantive = strength >= substantiveThreshold
  const sentence = () =>
    independent.length === 1
      ? `Reported by one source: ${independent[0]!.words()}.`
      : `Reported by ${independent.length} independent sources: ${independent.map((report) => report.words()).join("; ")}.`
  const sources = independent.map((r) => r.source.id)
  return reports.map((report) => ({ argument: report.argument, strength, sources, substantive, sentence }))
}

// Rule 8 and the verdicts both need each item's support; a view never changes, so it is weighed once,
// and a view that adds a few items weighs again only the propositions they report.
const supportOf = perView(
  (view) => {
    const entries: Array<readonly [ArgumentKey, Support]> = []
    for (const [, reports] of reportsOf(view).entries())
      for (const support of weigh(view, reports)) entries.push([support.argument, support])
    return Lookup.of(entries)
  },
  (earlier, view, additions) => {
    const entries: Array<readonly [ArgumentKey, Support]> = []
    for (const proposition of touchedPropositions(view, additions))
      for (const support of weigh(view, reportsOf(view).get(proposition)))
        entries.push([support.argument, support])
    return earlier.with(entries)
  },
  readsNoTree
)

const supportFinding = (support: Support): Finding =>
  worded({
    kind: support.substantive ? "note" : "caution",
    rule: "corroboration-and-reliability",
    target: support.argument,
    items: support.sources,
    sentence: () =>
      support.substantive
        ? support.sentence()
        : `${support.sentence()} That is not enough to count as established.`,
    ...(support.substantive ? {} : { weight: 1 })
  })

/**
 * Rule 8, corroboration and reliability. Claims are weighed by their sources' reliability and
 * independence: one low-reliability source leaves a claim unsupported, independent corroboration raises
 * confidence, and a supporter account is not the actor it supports.
 */
export const corroborationAndReliability: Rule = groupedRule({
  name: "corroboration-and-reliability",
  title: "Claims weigh what their independent sources weigh",
  // One group per proposition: the items reporting it, weighed together.
  // and one per statement marked unconfirmed: its authorship and its claims.
  groups: function* (view) {
    for (const [proposition] of reportsOf(view).entries()) yield proposition
    for (const statement of view.statements)
      if (statement.unconfirmed !== undefined) yield unconfirmedGroup(statement.id)
  },
  touched: function* (view, additions) {
    yield* touchedPropositions(view, additions)
    for (const statement of touchedUnconfirmed(view, additions)) yield unconfirmedGroup(statement.id)
  },
  findingsFor: (view, group) => {
    const support = assessSupport(view)
    if (group.startsWith("unconfirmed-statement:")) {
      const statement = view.statementById.get(group.slice("unconfirmed-statement:".length))
      if (statement?.unconfirmed === undefined) return []
      return unconfirmedEntries(view, statement).map(([argument, weighed]) =>
        weighed === confirmed
          ? worded({
              kind: "note",
              rule: "corroboration-and-reliability",
              target: argument,
              items: [statement.id],
              sentence: () =>
                `The analyst marked ${itemName(view, statement.id)} unconfirmed (${statement.unconfirmed!.replace(/\.$/, "")}), but the actor it speaks for has confirmed it since.`
            })
          : worded({
              kind: "caution",
              rule: "corroboration-and-reliability",
              target: argument,
              items: [statement.id],
              sentence: () =>
                `${weighed.sentence()} Until the actor confirms it, it counts for nothing either way.`,
              weight: 1
            })
      )
    }
    return reportsOf(view)
      .get(group)
      .map((report) => supportFinding(support.get(report.argument)!))
  }
})

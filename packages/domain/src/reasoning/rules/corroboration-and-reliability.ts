import type { Credibility, Reliability, Source } from "../../model/source.ts"
import { credibilityWords, reliabilityWords } from "../../model/source.ts"
import { type Additions, type CaseView, indexPerView, itemName, perView } from "../case-view.ts"
import { type ArgumentKey, claimArg, type Finding, obsArg, worded } from "../finding.ts"
import { Lookup } from "../list-index.ts"
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
}

const root = (view: CaseView, source: Source): string => {
  // Sources that repeat another, or that belong to the same actor, do not corroborate each other.
  let current = source
  for (let steps = 0; current.dependsOn.length > 0 && steps < view.sources.size; steps++) {
    const next = view.sources.get(current.dependsOn[0]!)
    if (next === undefined) break
    current = next
  }
  return current.affiliation !== undefined ? `actor:${current.affiliation}` : `source:${current.id}`
}

/**
 * The weight of each item reported by sources rather than made by a statement: the independent
 * sources reporting the same proposition combine, each weighted by reliability and credibility.
 * Statement-made claims are the actor's own words; what decides them is whether the statement is
 * authentic, which is for the other rules.
 */
/** Each reported item's support, by its argument. */
export type SupportLookup = Pick<Lookup<Support>, "get">

export const assessSupport = (view: CaseView): Lookup<Support> => supportOf(view)

interface Report {
  readonly argument: ArgumentKey
  readonly source: Source
  readonly weight: number
  readonly words: () => string
}

const sourceWords = (source: Source, credibility: Credibility | undefined) =>
  `${source.description.replace(/\.$/, "")}, ${reliabilityWords[source.reliability]} (${source.reliability})${credibility === undefined ? "" : `, reporting something ${credibilityWords(credibility)} (${credibility === "cannot be judged" ? 6 : credibility})`}`

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

const reportsOf = indexPerView<Report>(gatherReports)

/** The propositions whose reports `additions` add to. */
const touchedPropositions = (view: CaseView, additions: Additions): ReadonlySet<string> => {
  const touched = new Set<string>()
  gatherReports(view, additions, (proposition) => touched.add(proposition))
  return touched
}

/** The support of each report of one proposition: its independent sources combined. */
const weigh = (view: CaseView, reports: ReadonlyArray<Report>): ReadonlyArray<Support> => {
  const strongestByRoot = new Map<string, Report>()
  for (const report of reports) {
    const key = root(view, report.source)
    const best = strongestByRoot.get(key)
    if (best === undefined || best.weight < report.weight) strongestByRoot.set(key, report)
  }
  const independent = [...strongestByRoot.values()]
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
  }
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
  groups: function* (view) {
    for (const [proposition] of reportsOf(view).entries()) yield proposition
  },
  touched: touchedPropositions,
  findingsFor: (view, proposition) => {
    const support = assessSupport(view)
    return reportsOf(view)
      .get(proposition)
      .map((report) => supportFinding(support.get(report.argument)!))
  }
})

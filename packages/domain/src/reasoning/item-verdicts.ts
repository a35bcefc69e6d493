import { formatDayNumber, isoDayToDayNumber } from "../calendar/day-number.ts"
import type { Claim } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import { reliabilityWords, type Source } from "../model/source.ts"
import type { Statement } from "../model/statement.ts"
import { voicesOf } from "./actor-tree.ts"
import type { ArgumentGraph, AttackFinding, GraphReading } from "./argument-graph.ts"
import {
  type CaseView,
  claimDate,
  dateInSentence,
  itemName,
  nameSaysDate,
  phraseAndDate,
  phraseInSentence,
  push,
  sourceName,
  upperFirst
} from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, continuesOf, type Finding, obsArg } from "./finding.ts"
import { type SupportLookup, substantiveThreshold } from "./rules/corroboration-and-reliability.ts"
import {
  type ExplanationStep,
  estimative,
  type Status,
  type Subject,
  type Verdict,
  writtenLater
} from "./verdict.ts"

const labelWords = (label: "IN" | "OUT" | "UNDEC" | undefined) =>
  label === "IN" ? "which stands" : label === "OUT" ? "which is defeated" : "which is in dispute"

/** How the attackers of one label fare, said once for all of them: "That stands.", "Both are in dispute too." */
const attackerWords = (label: "IN" | "OUT" | "UNDEC" | undefined, count: number) => {
  const [one, many] =
    label === "IN"
      ? ["stands", "stand"]
      : label === "OUT"
        ? ["is defeated in turn", "are defeated in turn"]
        : ["is in dispute too", "are in dispute too"]
  const who = count === 1 ? "That" : count === 2 ? "Both" : `All ${countWords[count] ?? count}`
  return `${who} ${count === 1 ? one : many}.`
}

const countWords: ReadonlyArray<string | undefined> = [
  undefined,
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten"
]

/** What the rules said about each argument, by argument. */
export interface FindingsAbout {
  readonly get: (key: ArgumentKey) => ReadonlyArray<Finding> | undefined
}

/** Everything the rules said about each argument, grouped for explanations. */
export const findingsByTarget = (findings: ReadonlyArray<Finding>): Map<ArgumentKey, Array<Finding>> => {
  const map = new Map<ArgumentKey, Array<Finding>>()
  for (const finding of findings) push(map, finding.target, finding)
  return map
}

interface Judged {
  readonly status: Status
  /** What would settle it, worded when first asked: most verdicts are never read for it. */
  readonly settle: () => ReadonlyArray<string>
  readonly cautions: number
}

const nothingSettles = (): ReadonlyArray<string> => []

/**
 * The words of the attacks whose attackers were undecided when judged, each once, written when first
 * asked: the attacks are chosen at once (the labels may move on), their words read a view, which does not.
 */
const settledBy = (attacks: ReadonlyArray<AttackFinding>): (() => ReadonlyArray<string>) => {
  if (attacks.length === 0) return nothingSettles
  let words: Array<string> | undefined
  return () => {
    if (words === undefined) {
      words = []
      for (const attack of attacks) {
        const said = attack.settle
        if (said !== undefined && !words.includes(said)) words.push(said)
      }
    }
    return words
  }
}

/** Judges one argument from its label, the attacks on it and the cautions the rules left. */
const judge = (
  graph: GraphReading,
  about: FindingsAbout,
  support: SupportLookup,
  key: ArgumentKey
): Judged => {
  let cautions = 0
  for (const finding of about.get(key) ?? []) if (finding.kind === "caution") cautions += finding.weight ?? 1
  const settling: Array<AttackFinding> = []
  for (const attack of graph.attacksOn.get(key) ?? [])
    if (graph.labelOf(attack.attacker) === "UNDEC") settling.push(attack)
  const label = graph.labelOf(key)
  const weak = support.get(key)?.substantive === false
  const status: Status =
    label === "OUT" ? "refuted" : label === "UNDEC" ? "contested" : weak ? "unsupported" : "established"
  return { status, settle: settledBy(settling), cautions }
}

/**
 * The explanation of one argument's verdict: the opening, what it rests on and how that fares, what the
 * rules noted, each attack and how its attacker fares, and the conclusion. Built only when read: a large
 * case has hundreds of thousands of verdicts and most explanations are never shown.
 */
const explain = (
  view: CaseView,
  graph: GraphReading,
  about: FindingsAbout,
  key: ArgumentKey,
  opening: string
): Array<ExplanationStep> => {
  const steps: Array<ExplanationStep> = [{ items: [], sentence: opening }]
  for (const base of graph.restsOn.get(key) ?? []) {
    const label = graph.labelOf(base)
    steps.push({
      items: [base.slice(base.indexOf(":") + 1)],
      sentence: `It rests on ${describeArgument(view, base)}, ${labelWords(label)}.`
    })
  }
  const own = about.get(key) ?? []
  // Two findings worded alike (two releases of one day, two reports of one silence) are said once, with
  // the items of both: nothing is said twice. The items of each are kept together, in an order of their
  // own, so that the step does not depend on which finding was found first.
  const noted = new Map<string, { rule: string; items: Array<ReadonlyArray<string>> }>()
  for (const finding of own) {
    if (finding.kind === "attack" || finding.kind === "dependency") continue
    // A rule's sentence may open with a name ("the @group_media notice..."): as a sentence, it opens capitalised.
    const sentence = upperFirst(finding.sentence)
    const same = noted.get(sentence)
    if (same !== undefined) same.items.push(finding.items)
    else noted.set(sentence, { rule: finding.rule, items: [finding.items] })
  }
  for (const [sentence, { rule, items }] of noted) steps.push({ rule, items: itemsOfAll(items), sentence })
  const ownAttacks = new Set(own)
  // How the attackers fare is a sentence of its own, not one more clause stacked on each attack's, and
  // it is said once for those that fare alike: the attacks are grouped by how their attackers fare
  // (those that stand, those in dispute, those defeated), and the last of each group says it for the
  // group ("Both are in dispute too."), so that "That is in dispute too." never follows itself. Within
  // a group the attacks go in the order of their words, not the order they were found in: an evaluation
  // brought up to date finds them in another order, and must say the same.
  const byLabel = new Map<
    "IN" | "OUT" | "UNDEC" | undefined,
    Map<string, { rule: string; items: Array<ReadonlyArray<string>> }>
  >()
  for (const label of ["IN", "UNDEC", "OUT"] as const) byLabel.set(label, new Map())
  for (const attack of graph.attacksOn.get(key) ?? []) {
    const said = ownAttacks.has(attack)
      ? upperFirst(attack.sentence.replace(/\.$/, ""))
      : `Against what it rests on: ${phraseInSentence(view, attack.sentence.replace(/\.$/, ""))}`
    const label = graph.labelOf(attack.attacker)
    let group = byLabel.get(label)
    if (group === undefined) {
      group = new Map()
      byLabel.set(label, group)
    }
    const same = group.get(said)
    if (same !== undefined) same.items.push(attack.items)
    else group.set(said, { rule: attack.rule, items: [attack.items] })
  }
  for (const [label, attacks] of byLabel) {
    const said = [...attacks.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    said.forEach((words, at) => {
      const { rule, items } = attacks.get(words)!
      steps.push({
        rule,
        items: itemsOfAll(items),
        sentence: at === said.length - 1 ? `${words}. ${attackerWords(label, said.length)}` : `${words}.`
      })
    })
  }
  return steps
}

/** The items of findings said in one step: each finding's as it gives them, the findings in the order of their ids. */
const itemsOfAll = (lists: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> => {
  if (lists.length === 1) return lists[0]!
  const keyed = lists.map((items) => ({ items, key: items.join("\u0000") }))
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).flatMap(({ items }) => items)
}

const describeArgument = (view: CaseView, key: ArgumentKey): string => {
  const [kind, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)]
  if (kind === "auth") return `the authorship of ${itemName(view, id)}`
  if (kind === "rep") return `${itemName(view, id)} speaking for its issuer as a whole`
  if (kind === "continues") return `${itemName(view, id)} going on`
  if (kind === "claim" || kind === "obs") return itemName(view, id)
  // A rule's own argument ("lapse:", "inside:", "reach:", "unfounded:"): what it stands for, in its findings' words.
  return key
}

const conclusion = (status: Status, what: string): string => {
  switch (status) {
    case "established":
      return `Nothing that stands defeats it: ${what} is established.`
    case "refuted":
      return `Something that stands defeats it: ${what} is refuted.`
    case "contested":
      return `It and what attacks it defeat each other and nothing settles it: ${what} is contested.`
    case "unsupported":
      return `Nothing substantive bears on it either way: ${what} is unsupported.`
  }
}

const confidenceFor = (status: Status, base: number, cautions: number, reason: string) => {
  const level =
    status === "established"
      ? base - cautions
      : status === "refuted"
        ? 1
        : status === "contested"
          ? 3
          : Math.min(3, base)
  return { words: estimative(level), reason }
}

const reliabilityLevel: Record<string, number> = { A: 6, B: 5, C: 4, D: 3, E: 2, F: 3 }

/** A claim in words, as its kind words it: "that X pledged allegiance to Y". */
export const describeClaim = (view: CaseView, claim: Claim): string =>
  view.model.kindOf(claim).describe(claim, (id) => itemName(view, id))

/** How one kind of item is put in words: what its verdict is about, and how its explanation opens. */
interface Wording<I> {
  readonly what: (item: I) => string
  readonly opening: (item: I) => string
}

/** What an item verdict's words are written from. */
interface Reading {
  readonly view: CaseView
  readonly graph: GraphReading
  readonly about: FindingsAbout
}

/**
 * The verdict on a statement, claim or observation. A large case has hundreds of thousands and a reader
 * looks at a few, so what it is about, its explanation and whether it could still stand are worked out
 * when first read; one class holds them all, so they share one layout and carry no functions of their own.
 */
class ItemVerdict<I> {
  readonly id: string
  readonly subject: Subject
  readonly status: Status
  readonly confidence: Verdict["confidence"]
  readonly #settle: () => ReadonlyArray<string>
  readonly #item: I
  readonly #key: ArgumentKey
  readonly #wording: Wording<I>
  readonly #reading: Reading
  #about: string | undefined
  #steps: ReadonlyArray<ExplanationStep> | undefined
  #couldStillStand: { readonly value: boolean | undefined } | undefined

  constructor(
    subject: Subject,
    item: I & { readonly id: string },
    key: ArgumentKey,
    judged: Judged,
    confidence: Verdict["confidence"],
    wording: Wording<I>,
    reading: Reading
  ) {
    this.id = item.id
    this.subject = subject
    this.status = judged.status
    this.confidence = confidence
    this.#settle = judged.settle
    this.#item = item
    this.#key = key
    this.#wording = wording
    this.#reading = reading
  }

  get about(): string {
    this.#about ??= this.#wording.what(this.#item)
    return this.#about
  }

  get explanation(): ReadonlyArray<ExplanationStep> {
    const { view, graph, about } = this.#reading
    this.#steps ??= [
      ...explain(view, graph, about, this.#key, this.#wording.opening(this.#item)),
      { items: [], sentence: conclusion(this.status, this.about) }
    ]
    return this.#steps
  }

  get couldStillStand(): boolean | undefined {
    if (this.status !== "contested") return undefined
    this.#couldStillStand ??= { value: this.#reading.graph.couldStillStand(this.#key) }
    return this.#couldStillStand.value
  }

  get wouldSettle(): ReadonlyArray<string> {
    return this.#settle()
  }

  // The fields in the order a verdict's JSON gives them (`verdictJSON`), what would settle it among them.
  toJSON(): object {
    const couldStillStand = this.couldStillStand
    return {
      id: this.id,
      subject: this.subject,
      about: this.about,
      status: this.status,
      confidence: this.confidence,
      wouldSettle: this.wouldSettle,
      ...(couldStillStand === undefined ? {} : { couldStillStand }),
      explanation: this.explanation
    }
  }
}

/** Item verdicts, one at a time: the whole case's at first, then those a few added items change. */
export interface VerdictMaker {
  readonly statement: (statement: Statement) => Verdict
  readonly claim: (claim: Claim) => Verdict
  readonly observation: (observation: Observation) => Verdict
  readonly continuation: (actor: string) => Verdict
}

/** The verdicts on statements, claims, observations and "goes on" for each actor seen at work. */
export const itemVerdicts = (
  view: CaseView,
  graph: ArgumentGraph,
  findings: ReadonlyArray<Finding>,
  support: SupportLookup
): {
  readonly statements: ReadonlyArray<Verdict>
  readonly claims: ReadonlyArray<Verdict>
  readonly observations: ReadonlyArray<Verdict>
  readonly continuations: ReadonlyArray<Verdict>
} => {
  const make = verdictMaker(view, graph, findingsByTarget(findings), support)
  const continuations: Array<Verdict> = []
  for (const key of graph.keys)
    if (key.startsWith("continues:")) continuations.push(make.continuation(key.slice("continues:".length)))
  return {
    statements: view.statements.map(make.statement),
    claims: view.claims.map(make.claim),
    observations: view.observations.map(make.observation),
    continuations
  }
}

export const verdictMaker = (
  view: CaseView,
  graph: GraphReading,
  about: FindingsAbout,
  support: SupportLookup
): VerdictMaker => {
  const reading: Reading = { view, graph, about }
  const verdict = <I>(
    subject: Subject,
    item: I & { readonly id: string },
    key: ArgumentKey,
    wording: Wording<I>,
    base: number,
    reason: string
  ): Verdict => {
    const judged = judge(graph, about, support, key)
    const cautionReason =
      judged.cautions > 0
        ? `; lowered by ${judged.cautions === 1 ? "one caution" : `${judged.cautions} cautions`} above`
        : ""
    const unconfirmed = support.get(key)?.unconfirmed
    const confidence = confidenceFor(
      judged.status,
      base,
      judged.cautions,
      judged.status === "contested"
        ? "its attackers and defenders are evenly matched; nothing that stands decides between them"
        : judged.status === "refuted"
          ? "an argument that stands defeats it"
          : unconfirmed !== undefined
            ? `the analyst marks its authenticity unconfirmed (${unconfirmed.replace(/\.$/, "")})`
            : `${reason}${cautionReason}`
    )
    return new ItemVerdict(subject, item, key, judged, confidence, wording, reading) as unknown as Verdict
  }

  // A channel's record is that of the source that is the channel itself, else of the first by id, so
  // that the order of the case file does not matter.
  const sourceOfChannel = new Map<string, Source>()
  for (const source of view.sources.values()) {
    if (source.channel === undefined) continue
    const held = sourceOfChannel.get(source.channel)
    const better =
      held === undefined || (source.kind === "actor-channel") !== (held.kind === "actor-channel")
        ? held === undefined || source.kind === "actor-channel"
        : source.id < held.id
    if (better) sourceOfChannel.set(source.channel, source)
  }
  const channelReliability = (channel: string | undefined) =>
    channel === undefined ? undefined : sourceOfChannel.get(channel)?.reliability

  const statementWording: Wording<Statement> = {
    what: (statement) =>
      `the attribution of ${itemName(view, statement.id)} to ${voicesOf(statement)
        .map((voice) => itemName(view, voice))
        .join(" and ")}`,
    opening: (statement) => {
      const signers = statement.signers ?? []
      const relays = statement.relayedBy ?? []
      return `${upperFirst(itemName(view, statement.id))} was issued in the name of ${itemName(view, statement.issuer.actor)}${statement.issuer.signedBy === undefined ? "" : ` by ${itemName(view, statement.issuer.signedBy)}`}${signers.length === 0 ? "" : `, signed by ${signers.map((signer) => itemName(view, signer)).join(" and ")}`}${relays.length === 0 ? "" : `, relayed by ${relays.map((relay) => itemName(view, relay)).join(" and ")}`}${nameSaysDate(itemName(view, statement.id), statement.observed) ? "" : ` (${dateInSentence(statement.observed.text)})`}.`
    }
  }
  const claimWording: Wording<Claim> = {
    what: (claim) => describeClaim(view, claim),
    opening: (claim) => {
      const date = claimDate(claim, view.statementById)
      const maker =
        "statement" in claim.madeBy
          ? itemName(view, claim.madeBy.statement)
          : sourceName(view, claim.madeBy.source)
      // A derived name says who made the claim already: the sentence names the maker once, as its subject.
      const described = describeClaim(view, claim)
      const when =
        date === undefined || ("statement" in claim.madeBy && nameSaysDate(maker, date))
          ? ""
          : ` (${dateInSentence(date.text)})`
      // A source is not always one who speaks ("the author's own observation"): what it reports is
      // given as according to it, which reads for any source, one or many.
      // What ends in brackets already takes the date inside them: "(a denial; after the August
      // statement)", not "(a denial) (after the August statement)".
      const dated =
        when !== "" && described.endsWith(")")
          ? `${described.slice(0, -1)}; ${when.slice(2)}`
          : `${described}${when}`
      const says =
        "statement" in claim.madeBy || !dated.startsWith("that ")
          ? `${maker} ${"statement" in claim.madeBy ? "states" : "reports"} ${dated}.`
          : `According to ${maker}, ${dated.slice(5)}.`
      return `${claim.label === undefined ? upperFirst(says) : `${upperFirst(claim.label)}: ${phraseInSentence(view, says)}`}${claim.summary === undefined ? "" : ` ${claim.summary}`}`
    }
  }
  const observationWording: Wording<Observation> = {
    what: (observation) => itemName(view, observation.id),
    opening: (observation) => {
      const seen = phraseAndDate(observation.description.trim().replace(/\.$/, ""), observation.date)
      return `${observation.label === undefined ? "" : `${upperFirst(observation.label)}: `}${upperFirst(seen.phrase)} (${seen.date === undefined ? "" : `${seen.date}; `}${sourceName(view, observation.source)}).`
    }
  }

  const statement = (statement: Statement) => {
    const reliability = channelReliability(statement.channel)
    // A relay's record grades the relaying, kept apart from the author's channel: the weaker of the two bounds it.
    const relays = (statement.relayedBy ?? []).map((relay) => ({
      relay,
      grade: channelReliability(relay)
    }))
    const weakestRelay = relays.reduce<
      { relay: string; grade: Source["reliability"] | undefined } | undefined
    >(
      (weakest, relay) =>
        weakest === undefined ||
        (relay.grade === undefined ? 4 : reliabilityLevel[relay.grade]!) <
          (weakest.grade === undefined ? 4 : reliabilityLevel[weakest.grade]!)
          ? relay
          : weakest,
      undefined
    )
    const own = reliability === undefined ? 4 : reliabilityLevel[reliability]!
    const relayed =
      weakestRelay === undefined
        ? undefined
        : weakestRelay.grade === undefined
          ? 4
          : reliabilityLevel[weakestRelay.grade]!
    const author =
      statement.channel === undefined && relays.length > 0
        ? "its own channel is not known"
        : reliability === undefined
          ? "its channel has no graded record"
          : `its channel is ${reliabilityWords[reliability]} (${reliability})`
    const relayWords =
      weakestRelay === undefined
        ? ""
        : `, and it reached us through ${itemName(view, weakestRelay.relay)}, ${weakestRelay.grade === undefined ? "whose relaying has no graded record" : `${reliabilityWords[weakestRelay.grade]} (${weakestRelay.grade}) as a relay`}`
    return verdict(
      "statement",
      statement,
      authOf(statement.id),
      statementWording,
      relayed === undefined ? own : statement.channel === undefined ? relayed : Math.min(own, relayed),
      reliability === undefined && relays.length === 0
        ? "nothing disputes it, but its channel has no graded record"
        : `nothing disputes it; ${author}${relayWords}`
    )
  }
  const claim = (claim: Claim) => {
    const key = claimArg(claim.id)
    const reported = support.get(key)
    const base =
      reported === undefined
        ? 5
        : reported.strength >= 0.9
          ? 6
          : reported.strength >= 0.75
            ? 5
            : reported.strength >= substantiveThreshold
              ? 4
              : 2
    return verdict(
      "claim",
      claim,
      key,
      claimWording,
      base,
      reported === undefined
        ? "the statement that makes it stands and nothing attacks it"
        : reported.substantive
          ? `its sources weigh enough (${reported.sources.length} independent, combined weight ${reported.strength.toFixed(2)})`
          : `its only support is weak (combined weight ${reported.strength.toFixed(2)})`
    )
  }
  const observation = (observation: Observation) => {
    const key = obsArg(observation.id)
    const reported = support.get(key)
    return verdict(
      "observation",
      observation,
      key,
      observationWording,
      reported === undefined ? 4 : reported.strength >= 0.75 ? 5 : 4,
      reported === undefined ? "nothing attacks it" : `its source weighs ${reported.strength.toFixed(2)}`
    )
  }
  const continuation = (actor: string) => {
    const key = continuesOf(actor)
    const supporters = (about.get(key) ?? []).filter((finding) => finding.kind === "support")
    const standing = supporters.filter(
      (finding) =>
        finding.kind === "support" &&
        graph.labelOf(finding.supporter) === "IN" &&
        support.get(finding.supporter)?.substantive !== false
    )
    const undecided = supporters.filter(
      (finding) => finding.kind === "support" && graph.labelOf(finding.supporter) === "UNDEC"
    )
    const judged = judge(graph, about, support, key)
    const status: Status =
      judged.status !== "established"
        ? judged.status
        : standing.length > 0
          ? "established"
          : undecided.length > 0
            ? "contested"
            : "unsupported"
    const what = () => `that ${itemName(view, actor)} continues to exist`
    return writtenLater(
      {
        id: continuesOf(actor),
        subject: "continuation",
        status,
        confidence: {
          words: estimative(
            status === "established"
              ? (standing.length >= 3 ? 5 : 4) - judged.cautions
              : status === "refuted"
                ? 1
                : status === "contested"
                  ? 3
                  : 2
          ),
          reason:
            status === "established"
              ? `${standing.length} piece${standing.length === 1 ? "" : "s"} of evidence of activity stand${standing.length === 1 ? "s" : ""} and nothing that stands says it ended after them`
              : status === "refuted"
                ? "an end dated after every sign of activity stands"
                : status === "contested"
                  ? "the evidence of activity is itself in dispute"
                  : "no evidence of activity stands"
        },
        wouldSettle: judged.settle()
      },
      {
        about: what,
        explanation: () => [
          ...explain(view, graph, about, key, goesOnQuestion(view, actor)),
          { items: [], sentence: conclusion(status, what()) }
        ]
      }
    )
  }
  return { statement, claim, observation, continuation }
}

/** What a continuation's explanation opens with: whether the actor goes on, as of the view's day. */
const goesOnQuestion = (view: CaseView, actor: string) =>
  `Whether ${itemName(view, actor)} goes on, as of ${formatDayNumber(isoDayToDayNumber(view.asOf))}.`

/**
 * A continuation's verdict read as of `view`'s day, when nothing it rests on changed since the day it was
 * worked out on: only the question its explanation opens with names the day.
 */
export const onAnotherDay = (verdict: Verdict, view: CaseView, actor: string): Verdict => {
  // The fields decided up front are the verdict's own; its words are read through it.
  const decided = { ...verdict } as Omit<Verdict, "about" | "explanation" | "couldStillStand">
  return writtenLater(decided, {
    about: () => verdict.about,
    explanation: () => {
      const [opening, ...rest] = verdict.explanation
      return [{ ...opening!, sentence: goesOnQuestion(view, actor) }, ...rest]
    },
    couldStillStand: () => verdict.couldStillStand
  })
}

/**
 * The properties the reasoning must keep over generated cases, as functions a test asserts on: that
 * verdicts do not depend on the order of a case file, and that an evaluator brought up to date as items
 * are added concludes what a whole evaluation concludes. They run over the built-in kinds and rules, and
 * over those a package adds (its kinds drawn by the generator beside the built-in ones), so that a
 * package's tests hold its kinds and rules to the same properties as the domain's own.
 */
import {
  type CaseEvaluation,
  CaseFile,
  type ClaimKind,
  caseEvaluator,
  caseFileOfCheckedParts,
  caseModel,
  evaluateCase,
  type IsoDay,
  type Rule
} from "@allegiance/domain"
import type { Claim } from "@allegiance/domain/model/claim"
import type { Observation } from "@allegiance/domain/model/observation"
import type { Statement } from "@allegiance/domain/model/statement"
import type { ExplanationStep, Verdict } from "@allegiance/domain/reasoning/verdict"
import { Schema } from "effect"
import { addStatement } from "./add-statement.ts"
import { generateCaseInput, generatedKinds } from "./generate-case.ts"
import type { GeneratedKind } from "./generated-kind.ts"

type Parts = { readonly [K in keyof CaseFile]: CaseFile[K] }

/**
 * A case file built anew from its parts, as an editor's change would build it: with the class's own
 * constructor for the built-in kinds (which checks every part and copies the plain ones, the claims),
 * else with the model's trusted construction and fresh copies of the claims, as the constructor gives.
 */
const rebuilt = (parts: Parts, kinds: ReadonlyArray<ClaimKind> | undefined): CaseFile =>
  kinds === undefined
    ? new CaseFile(parts)
    : caseFileOfCheckedParts({ ...parts, claims: parts.claims.map((claim) => ({ ...claim })) })

/** Each verdict's status and confidence, by the id of what it judges. */
export const verdictStatuses = (evaluation: CaseEvaluation): Readonly<Record<string, string>> => {
  const all = [
    ...evaluation.statements,
    ...evaluation.claims,
    ...evaluation.observations,
    ...evaluation.continuations,
    ...evaluation.relationships.map((r) => r.verdict),
    ...evaluation.questions.flatMap((q) => q.hypotheses.map((h) => h.verdict))
  ]
  return Object.fromEntries(all.map((v) => [v.id, `${v.status}/${v.confidence.words}`]))
}

const shuffled = <A>(items: ReadonlyArray<A>, keys: ReadonlyArray<number>): Array<A> =>
  items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)]! * 1000 + i }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.item)

/** The case with every section reordered by `keys` (questions aside), its claims of `kinds`. */
export const reorderedCase = (
  caseFile: CaseFile,
  keys: ReadonlyArray<number>,
  kinds?: ReadonlyArray<ClaimKind>
): CaseFile =>
  rebuilt(
    {
      ...caseFile,
      actors: shuffled(caseFile.actors, keys),
      channels: shuffled(caseFile.channels, keys.toReversed()),
      sources: shuffled(caseFile.sources, keys),
      statements: shuffled(caseFile.statements, keys.toReversed()),
      claims: shuffled(caseFile.claims, keys),
      observations: shuffled(caseFile.observations, keys.toReversed()),
      relationships: shuffled(caseFile.relationships, keys),
      questions: caseFile.questions
    },
    kinds
  )

type Item = Statement | Claim | Observation

/** Every id an item points at (its maker, target, what it rests on, what it backs...). */
const references = (item: Item): ReadonlyArray<string> => {
  const found: Array<string> = []
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string") {
      if (key !== "id") found.push(value)
    } else if (Array.isArray(value)) for (const entry of value) walk(entry, key)
    else if (typeof value === "object" && value !== null)
      for (const [inner, entry] of Object.entries(value)) walk(entry, inner)
  }
  walk(item, "")
  return found
}

/**
 * Splits a case into a smaller case and the items held back, added back later in `chunks` steps:
 * whatever points at a held-back item is held back too, and each chunk only points at what the case or
 * an earlier chunk holds.
 */
const holdBack = (
  caseFile: CaseFile,
  pick: (index: number) => boolean,
  chunks: number,
  kinds: ReadonlyArray<ClaimKind> | undefined
) => {
  const all: Array<Item> = [...caseFile.statements, ...caseFile.claims, ...caseFile.observations]
  const byId = new Map(all.map((item) => [item.id as string, item]))
  const held = new Set<string>()
  all.forEach((item, index) => {
    if (pick(index)) held.add(item.id)
  })
  for (let grew = true; grew; ) {
    grew = false
    for (const item of all)
      if (!held.has(item.id) && references(item).some((id) => held.has(id))) {
        held.add(item.id)
        grew = true
      }
  }
  // Items held back in an order where what is pointed at comes first.
  const ordered: Array<Item> = []
  const placed = new Set<string>()
  const place = (item: Item, depth: number) => {
    if (placed.has(item.id) || depth > all.length) return
    for (const id of references(item)) {
      const target = byId.get(id)
      if (target !== undefined && held.has(id) && target !== item) place(target, depth + 1)
    }
    if (!placed.has(item.id)) {
      placed.add(item.id)
      ordered.push(item)
    }
  }
  for (const item of all) if (held.has(item.id)) place(item, 0)
  const kept = (items: ReadonlyArray<Item>) => items.filter((item) => !held.has(item.id))
  const base = rebuilt(
    {
      ...caseFile,
      statements: kept(caseFile.statements) as Array<Statement>,
      claims: kept(caseFile.claims) as Array<Claim>,
      observations: kept(caseFile.observations) as Array<Observation>
    },
    kinds
  )
  const size = Math.ceil(ordered.length / chunks)
  const steps: Array<ReadonlyArray<Item>> = []
  for (let at = 0; at < ordered.length; at += size) steps.push(ordered.slice(at, at + size))
  return { base, steps }
}

/** The case with `items` appended after what it holds, each in its own list. */
const appended = (
  caseFile: CaseFile,
  items: ReadonlyArray<Item>,
  statements: ReadonlySet<string>,
  claims: ReadonlySet<string>,
  kinds: ReadonlyArray<ClaimKind> | undefined
) =>
  rebuilt(
    {
      ...caseFile,
      statements: [
        ...caseFile.statements,
        ...(items.filter((item) => statements.has(item.id)) as Array<Statement>)
      ],
      claims: [...caseFile.claims, ...(items.filter((item) => claims.has(item.id)) as Array<Claim>)],
      observations: [
        ...caseFile.observations,
        ...(items.filter((item) => !statements.has(item.id) && !claims.has(item.id)) as Array<Observation>)
      ]
    },
    kinds
  )

const steps = (verdict: Verdict) => {
  const written: ReadonlyArray<ExplanationStep> = verdict.explanation
  const text = (step: ExplanationStep) => JSON.stringify(step)
  return {
    first: text(written[0]!),
    last: text(written.at(-1)!),
    middle: written.slice(1, -1).map(text).sort()
  }
}

/**
 * An evaluation in a form that two evaluations reaching the same conclusions share: what the rules found
 * about one argument may come in another order after an incremental update, so the explanation's middle
 * steps, what would settle an item and the lists without an order of their own are compared as sets.
 */
export const comparableEvaluation = (evaluation: CaseEvaluation) => {
  const verdict = (v: Verdict) => ({
    id: v.id,
    about: v.about,
    status: v.status,
    confidence: v.confidence,
    wouldSettle: [...v.wouldSettle].sort(),
    couldStillStand: v.couldStillStand,
    explanation: steps(v)
  })
  return {
    statements: evaluation.statements.map(verdict),
    claims: evaluation.claims.map(verdict),
    observations: evaluation.observations.map(verdict),
    continuations: evaluation.continuations.map(verdict).sort((a, b) => (a.id < b.id ? -1 : 1)),
    relationships: evaluation.relationships.map((relationship) => ({
      ...relationship,
      verdict: verdict(relationship.verdict)
    })),
    lifecycles: evaluation.lifecycles,
    questions: JSON.parse(JSON.stringify(evaluation.questions)),
    leftOut: evaluation.leftOut
      .map((item) => ({ id: item.id, reason: item.reason }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    findings: evaluation.findings.map((finding) => JSON.stringify(finding)).sort(),
    argumentCount: evaluation.argumentCount,
    attackCount: evaluation.attackCount
  }
}

/** A generated case grown in steps: what is generated, how much is held back, and the reasoning to use. */
export interface GrowingCase {
  readonly seed: number
  readonly statements: number
  /** The share of statements, claims and observations held back, then added back in `chunks` steps. */
  readonly share: number
  readonly chunks: number
  readonly asOf: IsoDay
  /** Picks what is held back, the same for the same number. */
  readonly pickSeed: number
  /** Kinds of claim a package adds, generated beside the built-in ones and evaluated with them. */
  readonly extraKinds?: ReadonlyArray<GeneratedKind> | undefined
  /** The rules to evaluate with: the built-in ones unless given. */
  readonly rules?: ReadonlyArray<Rule> | undefined
}

/** One step of a growing case: the evaluator's update beside the whole evaluation, both comparable. */
export interface GrowthStep {
  readonly incremental: boolean
  readonly updated: ReturnType<typeof comparableEvaluation>
  readonly whole: ReturnType<typeof comparableEvaluation>
}

/**
 * A generated case, less what is held back, evaluated by an evaluator that is then brought up to date
 * as the held-back items come back in steps, and once more as one statement more is added (the change a
 * re-evaluation benchmark makes); each update beside the whole evaluation of the same case.
 */
export const growingCase = (growing: GrowingCase): ReadonlyArray<GrowthStep> => {
  const extended = growing.extraKinds !== undefined && growing.extraKinds.length > 0
  const kinds = extended ? generatedKinds(growing.extraKinds) : undefined
  const decode = Schema.decodeUnknownSync(kinds === undefined ? CaseFile : caseModel(kinds).CaseFile)
  const whole = decode(
    generateCaseInput({ statements: growing.statements, seed: growing.seed, extraKinds: growing.extraKinds })
  )
  let state = growing.pickSeed
  const pick = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32 < growing.share
  }
  const { base, steps: additions } = holdBack(whole, pick, growing.chunks, kinds)
  const statements = new Set(whole.statements.map((statement) => statement.id as string))
  const claims = new Set(whole.claims.map((claim) => claim.id as string))
  const options = { asOf: growing.asOf, kinds, rules: growing.rules }
  const found: Array<GrowthStep> = []
  let evaluator = caseEvaluator(base, options)
  let caseFile = base
  const step = () => {
    evaluator = evaluator.reevaluate(caseFile)
    found.push({
      incremental: evaluator.incremental,
      updated: comparableEvaluation(evaluator.evaluation),
      whole: comparableEvaluation(evaluateCase(caseFile, options))
    })
  }
  for (const items of additions) {
    caseFile = appended(caseFile, items, statements, claims, kinds)
    step()
  }
  caseFile = addStatement(caseFile, growing.seed)
  step()
  return found
}

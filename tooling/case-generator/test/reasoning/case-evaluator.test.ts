import { addStatement, generateCaseInput } from "../../src/index.ts"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import type { Claim } from "@allegiance/domain/model/claim"
import type { Observation } from "@allegiance/domain/model/observation"
import type { Statement } from "@allegiance/domain/model/statement"
import { type CaseEvaluation, caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { ExplanationStep, Verdict } from "@allegiance/domain/reasoning/verdict"

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
const holdBack = (caseFile: CaseFile, pick: (index: number) => boolean, chunks: number) => {
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
  const base = new CaseFile({
    ...caseFile,
    statements: kept(caseFile.statements) as Array<Statement>,
    claims: kept(caseFile.claims) as Array<Claim>,
    observations: kept(caseFile.observations) as Array<Observation>
  })
  const size = Math.ceil(ordered.length / chunks)
  const steps: Array<ReadonlyArray<Item>> = []
  for (let at = 0; at < ordered.length; at += size) steps.push(ordered.slice(at, at + size))
  return { base, steps }
}

const statementIds = (caseFile: CaseFile) =>
  new Set(caseFile.statements.map((statement) => statement.id as string))
const claimIds = (caseFile: CaseFile) => new Set(caseFile.claims.map((claim) => claim.id as string))

/** The case with `items` appended after what it holds, each in its own list. */
const appended = (
  caseFile: CaseFile,
  items: ReadonlyArray<Item>,
  statements: ReadonlySet<string>,
  claims: ReadonlySet<string>
) =>
  new CaseFile({
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
  })

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
const comparable = (evaluation: CaseEvaluation) => {
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
    leftOut: [...evaluation.leftOut].sort((a, b) => (a.id < b.id ? -1 : 1)),
    findings: evaluation.findings.map((finding) => JSON.stringify(finding)).sort(),
    argumentCount: evaluation.argumentCount,
    attackCount: evaluation.attackCount
  }
}

const decode = Schema.decodeUnknownSync(CaseFile)

describe("caseEvaluator", () => {
  it("brings an evaluation up to date as items are added, concluding what a whole evaluation concludes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 15, max: 60 }),
        fc.double({ min: 0.02, max: 0.25, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom("2013-06-30", "2014-09-01", "2016-12-31"),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, size, share, chunks, asOf, pickSeed) => {
          const whole = decode(generateCaseInput({ statements: size, seed }))
          let state = pickSeed
          const pick = () => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0
            return state / 2 ** 32 < share
          }
          const { base, steps: additions } = holdBack(whole, pick, chunks)
          const statements = statementIds(whole)
          const claims = claimIds(whole)
          let evaluator = caseEvaluator(base, { asOf: asOf as IsoDay })
          let caseFile = base
          for (const items of additions) {
            caseFile = appended(caseFile, items, statements, claims)
            evaluator = evaluator.reevaluate(caseFile)
            expect(evaluator.incremental).toBe(true)
            expect(comparable(evaluator.evaluation)).toEqual(
              comparable(evaluateCase(caseFile, { asOf: asOf as IsoDay }))
            )
          }
          caseFile = addStatement(caseFile, seed)
          evaluator = evaluator.reevaluate(caseFile)
          expect(evaluator.incremental).toBe(true)
          expect(comparable(evaluator.evaluation)).toEqual(
            comparable(evaluateCase(caseFile, { asOf: asOf as IsoDay }))
          )
        }
      ),
      { numRuns: 60 }
    )
  })

  it("evaluates the case whole when something other than new statements, claims or observations changed", () => {
    const whole = decode(generateCaseInput({ statements: 30, seed: 7 }))
    const evaluator = caseEvaluator(whole, { asOf: "2016-12-31" as IsoDay })
    const fewerActors = new CaseFile({
      ...whole,
      statements: whole.statements.slice(0, -1),
      claims: whole.claims.filter(
        (claim) => !("statement" in claim.madeBy) || claim.madeBy.statement !== whole.statements.at(-1)!.id
      )
    })
    const next = evaluator.reevaluate(fewerActors)
    expect(next.incremental).toBe(false)
    expect(comparable(next.evaluation)).toEqual(
      comparable(evaluateCase(fewerActors, { asOf: "2016-12-31" as IsoDay }))
    )
  })

  it("moves on once: a second update from the same evaluator is worked out whole", () => {
    const whole = decode(generateCaseInput({ statements: 30, seed: 3 }))
    const evaluator = caseEvaluator(whole, { asOf: "2016-12-31" as IsoDay })
    const first = evaluator.reevaluate(addStatement(whole, 1))
    const again = addStatement(whole, 2)
    const second = evaluator.reevaluate(again)
    expect(first.incremental).toBe(true)
    expect(second.incremental).toBe(false)
    expect(comparable(second.evaluation)).toEqual(
      comparable(evaluateCase(again, { asOf: "2016-12-31" as IsoDay }))
    )
  })
})

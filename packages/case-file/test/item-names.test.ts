import { addStatement, generateCaseInput } from "@allegiance/case-generator"
import {
  type CaseFile,
  caseEvaluator,
  evaluateCase,
  type IsoDay,
  itemName,
  viewCase
} from "@allegiance/domain"
import { CaseFile as CaseFileSchema } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

// The names a writer reads items by in explanations: one name, one item.
const itemsOf = (caseFile: CaseFile) => [...caseFile.statements, ...caseFile.claims, ...caseFile.observations]

/** Names given to more than one item, with the items. */
const sharedNames = (caseFile: CaseFile, asOf: IsoDay) => {
  const view = viewCase(caseFile, asOf)
  const byName = new Map<string, Array<string>>()
  for (const item of itemsOf(caseFile)) {
    const name = itemName(view, item.id)
    byName.set(name, [...(byName.get(name) ?? []), item.id])
  }
  return [...byName].filter(([, ids]) => ids.length > 1)
}

const generated = (statements: number, seed: number) =>
  Schema.decodeUnknownSync(CaseFileSchema)(generateCaseInput({ statements, seed }))

describe("the names explanations give items", () => {
  it("never give two items of the seed case one name", () => {
    expect(sharedNames(seedCase(), "2016-12-31" as IsoDay)).toEqual([])
  })

  it("never give two items of a generated case one name, though many share a title, a channel and a day", () => {
    const caseFile = generated(1500, 2)
    expect(sharedNames(caseFile, "2016-12-31" as IsoDay)).toEqual([])
  })

  it("tell apart two claims of one kind that one source makes about different actors", () => {
    const caseFile = seedCase()
    const view = viewCase(caseFile, "2016-12-31" as IsoDay)
    const bySource = new Map<string, Array<(typeof caseFile.claims)[number]>>()
    for (const claim of caseFile.claims)
      if ("source" in claim.madeBy && claim.label === undefined) {
        const key = `${claim.kind} ${claim.madeBy.source}`
        bySource.set(key, [...(bySource.get(key) ?? []), claim])
      }
    const pairs = [...bySource.values()].filter((claims) => new Set(claims.map((c) => c.scope)).size > 1)
    expect(pairs.length).toBeGreaterThan(0)
    for (const claims of pairs) {
      const names = claims.map((claim) => itemName(view, claim.id))
      expect(new Set(names).size, names.join(" / ")).toBe(claims.length)
      for (const claim of claims)
        expect(itemName(view, claim.id)).toContain(
          caseFile.actors.find((a) => a.id === claim.scope)!.name.primary
        )
    }
  })

  it("keep the names of the items already in a case when more are added, as a fresh evaluation gives them", () => {
    let caseFile = generated(400, 1)
    const asOf = "2016-12-31" as IsoDay
    const evaluator = caseEvaluator(caseFile, { asOf })
    const before = viewCase(caseFile, asOf)
    const names = new Map(itemsOf(caseFile).map((item) => [item.id, itemName(before, item.id)]))
    for (let step = 0; step < 3; step++) caseFile = addStatement(caseFile, step + 1)
    const updated = evaluator.reevaluate(caseFile).evaluation
    const fresh = evaluateCase(caseFile, { asOf })
    const after = viewCase(caseFile, asOf)
    for (const [id, name] of names) expect(itemName(after, id)).toBe(name)
    expect(updated.statements.map((verdict) => verdict.about)).toEqual(
      fresh.statements.map((verdict) => verdict.about)
    )
    expect(sharedNames(caseFile, asOf)).toEqual([])
  })

  it("name an observation dated by an event with that event, and by whose it is", () => {
    const caseFile = seedCase()
    const view = viewCase(caseFile, "2016-12-31" as IsoDay)
    const months = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/
    const byEvent = caseFile.observations.filter(
      (observation) =>
        observation.label === undefined &&
        /^[A-Z]/.test(observation.date.text) &&
        !months.test(observation.date.text.split(/\s+/)[0]!)
    )
    expect(byEvent.length).toBeGreaterThan(0)
    for (const observation of byEvent) {
      const name = itemName(view, observation.id)
      expect(name).toContain(observation.date.text)
      expect(name).toContain(caseFile.actors.find((actor) => actor.id === observation.actor)!.name.primary)
    }
  })

  it("name a source by a writer's short name, not its whole description", () => {
    const caseFile = seedCase()
    const evaluation = evaluateCase(caseFile, { asOf: "2015-01-09" as IsoDay })
    const sentences = [...evaluation.statements, ...evaluation.claims, ...evaluation.observations].flatMap(
      (verdict) => verdict.explanation.map((step) => step.sentence)
    )
    const long = caseFile.sources.filter((source) => source.description.split(/\s+/).length > 8)
    expect(long.length).toBeGreaterThan(0)
    for (const source of long)
      for (const sentence of sentences)
        expect(sentence.toLowerCase()).not.toContain(source.description.replace(/\.$/, "").toLowerCase())
  })
})

import { generateCaseInput } from "../../src/index.ts"
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { evaluateCase } from "@allegiance/domain/reasoning/evaluate"

// Sentences and explanations are written when read; these tests make sure that a reader, and JSON,
// still get every word.
const caseFile = Schema.decodeUnknownSync(CaseFile)(generateCaseInput({ statements: 200, seed: 7 }))
const evaluation = evaluateCase(caseFile, { asOf: "2016-12-31" as IsoDay })
const verdicts = [
  ...evaluation.statements,
  ...evaluation.claims,
  ...evaluation.observations,
  ...evaluation.continuations,
  ...evaluation.relationships.map((relationship) => relationship.verdict)
]

describe("words written when read", () => {
  it("gives every verdict what it is about and an explanation that ends in its conclusion", () => {
    expect(verdicts.length).toBeGreaterThan(200)
    for (const verdict of verdicts) {
      expect(verdict.about.length, verdict.id).toBeGreaterThan(0)
      expect(verdict.explanation.length, verdict.id).toBeGreaterThan(0)
      for (const step of verdict.explanation) expect(step.sentence, verdict.id).toMatch(/\S/)
      if (verdict.subject !== "relationship")
        expect(verdict.explanation.at(-1)!.sentence).toContain(verdict.status)
      // Read twice, the same words: written once, then kept.
      expect(verdict.explanation).toBe(verdict.explanation)
    }
  })

  it("puts every word into JSON, so that evaluate --json loses nothing", () => {
    const json = JSON.parse(JSON.stringify(evaluation)) as {
      statements: Array<{ id: string; about: string; explanation: Array<{ sentence: string }> }>
      findings: Array<{ kind: string; sentence: string; settle?: string }>
      relationships: Array<{ verdict: { about: string; explanation: Array<unknown> } }>
    }
    evaluation.statements.forEach((verdict, i) => {
      expect(json.statements[i]!.id).toBe(verdict.id)
      expect(json.statements[i]!.about).toBe(verdict.about)
      expect(json.statements[i]!.explanation.map((step) => step.sentence)).toEqual(
        verdict.explanation.map((step) => step.sentence)
      )
    })
    expect(json.findings).toHaveLength(evaluation.findings.length)
    evaluation.findings.forEach((finding, i) => {
      expect(json.findings[i]!.sentence).toBe(finding.sentence)
      if (finding.kind === "attack") expect(json.findings[i]!.settle).toBe(finding.settle)
    })
    expect(json.findings.some((finding) => finding.kind === "attack" && finding.settle !== undefined)).toBe(
      true
    )
    for (const relationship of json.relationships) {
      expect(relationship.verdict.about).toMatch(/\S/)
      expect(relationship.verdict.explanation.length).toBeGreaterThan(0)
    }
  })
})

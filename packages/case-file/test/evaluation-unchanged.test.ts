import { readFileSync, writeFileSync } from "node:fs"
import { gunzipSync, gzipSync } from "node:zlib"
import { generateCaseInput } from "@allegiance/case-generator"
import { type CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import { CaseFile as CaseFileSchema } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

/**
 * What `allegiance evaluate --json` prints for the seed case and a few generated ones, against what it
 * printed before the reasoning was made faster (`fixtures/evaluations/`, recorded from main). Work on
 * speed must not change a verdict, an explanation or a word of the JSON. The lists that the reasoning
 * already treats as sets (see `comparableEvaluation`) are put in one order on both sides, nothing else.
 *
 * When the reasoning is meant to change what it concludes, record the files again from that commit:
 *   RECORD_EVALUATIONS=1 pnpm --filter @allegiance/case-file exec vitest run test/evaluation-unchanged.test.ts
 */
const fixtures = new URL("./fixtures/evaluations/", import.meta.url)
const recording = process.env.RECORD_EVALUATIONS === "1"

const generated = (statements: number, seed: number) => () =>
  Schema.decodeUnknownSync(CaseFileSchema)(generateCaseInput({ statements, seed }))

const cases: ReadonlyArray<{
  readonly name: string
  readonly caseFile: () => CaseFile
  readonly asOf: ReadonlyArray<string>
}> = [
  { name: "seed", caseFile: seedCase, asOf: ["2015-01-09", "2016-12-31"] },
  { name: "generated-400-seed-1", caseFile: generated(400, 1), asOf: ["2013-06-30", "2014-09-01"] },
  { name: "generated-1500-seed-2", caseFile: generated(1500, 2), asOf: ["2016-12-31"] }
]

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

const byText = (a: Json, b: Json) => {
  const x = JSON.stringify(a)
  const y = JSON.stringify(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A verdict with the steps between its first and last, and what would settle it, in one order. */
const settledVerdict = (verdict: { readonly [key: string]: Json }): Json => {
  const explanation = verdict.explanation as ReadonlyArray<Json>
  return {
    ...verdict,
    wouldSettle: [...(verdict.wouldSettle as ReadonlyArray<Json>)].sort(byText),
    explanation:
      explanation.length <= 2
        ? explanation
        : [explanation[0]!, ...explanation.slice(1, -1).sort(byText), explanation.at(-1)!]
  }
}

/** Every verdict wherever it sits (relationships and questions hold theirs inside). */
const settled = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(settled)
  if (value === null || typeof value !== "object") return value
  const object = Object.fromEntries(
    Object.entries(value as { readonly [key: string]: Json }).map(([key, inner]) => [key, settled(inner)])
  )
  return "explanation" in object && "wouldSettle" in object && "status" in object
    ? settledVerdict(object)
    : object
}

/** The evaluation's `--json` text with the set-like lists in one order. */
const comparableJson = (caseFile: CaseFile, asOf: string): string => {
  const evaluation = JSON.parse(JSON.stringify(evaluateCase(caseFile, { asOf: asOf as IsoDay }), null, 2))
  const set = (key: string, order: (a: Json, b: Json) => number) => {
    evaluation[key] = [...evaluation[key]].sort(order)
  }
  const byId = (a: Json, b: Json) => {
    const x = (a as { id: string }).id
    const y = (b as { id: string }).id
    return x < y ? -1 : x > y ? 1 : byText(a, b)
  }
  set("findings", byText)
  set("continuations", byId)
  set("leftOut", byId)
  return `${JSON.stringify(settled(evaluation), null, 1)}\n`
}

describe("evaluate --json is what it was before the reasoning was made faster", () => {
  for (const { name, caseFile, asOf } of cases)
    it(`${name} as of ${asOf.join(", ")}`, () => {
      const file = caseFile()
      for (const day of asOf) {
        const fixture = new URL(`${name}-${day}.json.gz`, fixtures)
        const actual = comparableJson(file, day)
        if (recording) writeFileSync(fixture, gzipSync(actual, { level: 9 }))
        const expected = gunzipSync(readFileSync(fixture)).toString("utf8")
        if (actual === expected) continue
        // Point at the first line that differs rather than printing megabytes.
        const actualLines = actual.split("\n")
        const expectedLines = expected.split("\n")
        const at = actualLines.findIndex((line, i) => line !== expectedLines[i])
        expect({ day, line: at + 1, context: actualLines.slice(Math.max(0, at - 8), at + 3) }).toEqual({
          day,
          line: at + 1,
          context: expectedLines.slice(Math.max(0, at - 8), at + 3)
        })
      }
    })
})

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { addStatement, generateCaseInput } from "@allegiance/case-generator"
import {
  type CaseEvaluation,
  type CaseEvaluator,
  type CaseFile,
  caseEvaluator,
  type IsoDay,
  Statement,
  type Verdict
} from "@allegiance/domain"
import { CaseFile as CaseFileSchema } from "@allegiance/domain/model/case-file"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  asOfView,
  type CaseOutline,
  caseOutlineOf,
  indexVerdicts,
  outlineWithItem,
  timelineVerdicts,
  type VerdictIndex,
  verdictShifts,
  viewSince
} from "../src/index.ts"

/**
 * An index built from an earlier one must answer as one built whole: the same verdict for every id, the
 * same list, the same shifts either way, and the same views. An index built whole from the same
 * evaluation is never built from another, so it takes the walk over everything.
 */
const expectAlike = (
  built: VerdictIndex,
  evaluation: CaseEvaluation,
  others: ReadonlyArray<CaseEvaluation>
) => {
  const whole = indexVerdicts(evaluation)
  expect([...built.all()]).toEqual([...whole.all()])
  for (const other of [evaluation, ...others])
    for (const verdict of indexVerdicts(other).all())
      expect(built.get(verdict.id)).toBe(whole.get(verdict.id))
}

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success
const day = (text: string) => text as IsoDay

interface Step {
  readonly evaluator: CaseEvaluator
  readonly verdicts: VerdictIndex
  readonly outline: CaseOutline
  readonly caseFile: CaseFile
}

/** Views of each step, worked out with indexes built one from another and with indexes built whole. */
const expectStepsAlike = (caseFile: CaseFile, asOf: IsoDay, steps: ReadonlyArray<(from: Step) => Step>) => {
  const outline = caseOutlineOf(caseFile)
  const evaluator = caseEvaluator(caseFile, { asOf })
  let step: Step = { evaluator, verdicts: indexVerdicts(evaluator.evaluation), outline, caseFile }
  // The first day's views are worked out, as a reader's first screen does, so that the next are built from them.
  let view = asOfView(evaluator.evaluation, outline, undefined, step.verdicts)
  for (const move of steps) {
    const before = step
    step = move(before)
    const { evaluation } = step.evaluator
    expectAlike(step.verdicts, evaluation, [before.evaluator.evaluation])
    const wholeBefore = indexVerdicts(before.evaluator.evaluation)
    const wholeAfter = indexVerdicts(evaluation)
    expect(verdictShifts(before.verdicts, step.verdicts)).toEqual(verdictShifts(wholeBefore, wholeAfter))
    expect(verdictShifts(step.verdicts, before.verdicts)).toEqual(verdictShifts(wholeAfter, wholeBefore))
    view = asOfView(evaluation, step.outline, undefined, step.verdicts)
    expect(view).toEqual(asOfView(evaluation, step.outline, undefined, wholeAfter))
    expect(timelineVerdicts(step.outline, step.verdicts)).toEqual(timelineVerdicts(step.outline, wholeAfter))
    expect(viewSince(view, step.outline, before.verdicts, step.verdicts)).toEqual(
      viewSince(view, step.outline, wholeBefore, wholeAfter)
    )
    expect(viewSince(view, step.outline, step.verdicts, before.verdicts)).toEqual(
      viewSince(view, step.outline, wholeAfter, wholeBefore)
    )
  }
  return view
}

const dayLater =
  (to: string) =>
  (from: Step): Step => {
    const evaluator = from.evaluator.atDay(day(to))
    return { ...from, evaluator, verdicts: indexVerdicts(evaluator.evaluation, from.verdicts) }
  }

describe("a verdict index built from an earlier one", () => {
  it("answers as one built whole, day by day through the seed case's January 2015", () => {
    expectStepsAlike(
      seed,
      day("2015-01-07"),
      ["2015-01-08", "2015-01-09", "2015-01-10", "2015-01-20", "2015-03-01"].map(dayLater)
    )
  })

  it("answers as one built whole after appended statements, the outline growing with them", () => {
    const generated = Schema.decodeUnknownSync(CaseFileSchema)(
      generateCaseInput({ statements: 600, seed: 3 })
    )
    const append =
      (seedNumber: number) =>
      (from: Step): Step => {
        const caseFile = addStatement(from.caseFile, seedNumber)
        const added = caseFile.statements.at(-1)!
        const evaluator = from.evaluator.reevaluate(caseFile)
        expect(evaluator.incremental).toBe(true)
        return {
          evaluator,
          verdicts: indexVerdicts(evaluator.evaluation, from.verdicts),
          outline: outlineWithItem(from.outline, "statements", Schema.encodeSync(Statement)(added)),
          caseFile
        }
      }
    expectStepsAlike(generated, day("2013-05-30"), [
      dayLater("2013-06-01"),
      append(1),
      dayLater("2013-06-02"),
      append(2),
      append(3)
    ])
  })

  it("answers as one built whole whatever changed between two lists: verdicts in, out, changed or moved", () => {
    const verdict = (id: string, status: Verdict["status"]): Verdict =>
      ({ id, subject: "statement", about: id, status, confidence: { words: "likely" } }) as unknown as Verdict
    const evaluationOf = (statements: ReadonlyArray<Verdict>): CaseEvaluation =>
      ({
        caseId: "c",
        asOf: "2015-01-01",
        statements,
        claims: [],
        observations: [],
        continuations: [],
        relationships: [],
        lifecycles: [],
        questions: [],
        leftOut: []
      }) as unknown as CaseEvaluation
    const statuses = fc.constantFrom<Verdict["status"]>("established", "refuted", "contested", "unsupported")
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), status: statuses }),
      fc.record({ kind: fc.constant("change" as const), at: fc.nat(), status: statuses }),
      fc.record({ kind: fc.constant("move" as const), at: fc.nat(), to: fc.nat() })
    )
    fc.assert(
      fc.property(
        fc.array(statuses, { maxLength: 30 }),
        fc.array(fc.array(edit, { maxLength: 6 }), { maxLength: 4 }),
        (first, rounds) => {
          let list = first.map((status, at) => verdict(`v${at}`, status))
          let evaluation = evaluationOf(list)
          let index = indexVerdicts(evaluation)
          const seen = [evaluation]
          let fresh = first.length
          for (const edits of rounds) {
            const next = [...list]
            for (const change of edits) {
              const at = next.length === 0 ? 0 : change.at % next.length
              if (change.kind === "insert")
                next.splice(change.at % (next.length + 1), 0, verdict(`v${fresh++}`, change.status))
              else if (next.length === 0) continue
              else if (change.kind === "remove") next.splice(at, 1)
              else if (change.kind === "change") next[at] = verdict(next[at]!.id, change.status)
              else next.splice(change.to % next.length, 0, ...next.splice(at, 1))
            }
            const later = evaluationOf(next)
            const built = indexVerdicts(later, index)
            expectAlike(built, later, seen)
            expect(verdictShifts(index, built)).toEqual(
              verdictShifts(indexVerdicts(evaluation), indexVerdicts(later))
            )
            expect(verdictShifts(built, index)).toEqual(
              verdictShifts(indexVerdicts(later), indexVerdicts(evaluation))
            )
            seen.push(later)
            list = next
            evaluation = later
            index = built
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

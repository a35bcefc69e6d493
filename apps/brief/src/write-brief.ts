import { brief } from "@allegiance/brief"
import { type CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import { writeFileWhole } from "@allegiance/files"
import { questionIds } from "@allegiance/present"
import { Effect, Result } from "effect"
import { BriefError } from "./brief-error.ts"

/** What a brief is asked for: the case, the day, perhaps one question, and where it goes. */
export interface BriefRequest {
  readonly caseFile: CaseFile
  /** Judge with only what was known by this day. */
  readonly asOf: IsoDay
  /** Answer only this question (its id in the case). */
  readonly question?: string
  /** Write the brief to this file; without it, to standard output. */
  readonly output?: string
}

/** Where a brief went and how long it is. */
export interface BriefWritten {
  readonly to: { readonly file: string } | "standard output"
  readonly bytes: number
}

const checkQuestion = (caseFile: CaseFile, question: string | undefined) => {
  if (question === undefined) return Effect.void
  const questions = questionIds(caseFile)
  if (questions.some((candidate) => candidate.id === question)) return Effect.void
  return Effect.fail(
    new BriefError({
      message:
        questions.length === 0
          ? `The case ${caseFile.case.id} holds no question, so there is no question "${question}" to answer. Leave out --question for a brief of the whole case.`
          : `The case ${caseFile.case.id} holds no question "${question}". Its questions are:\n${questions.map((q) => `  ${q.id}: ${q.text}`).join("\n")}`
    })
  )
}

/**
 * Writes the brief of a case as of a day: evaluates the case, builds the brief (the `@allegiance/brief`
 * package does all of that), and writes the markdown to the file asked for, whole or not at all, or to
 * standard output. A question the case does not hold is refused before anything is written.
 */
export const writeBrief = (
  request: BriefRequest,
  standardOutput: (text: string) => void = (text) => process.stdout.write(text)
): Effect.Effect<BriefWritten, BriefError> =>
  Effect.gen(function* () {
    yield* checkQuestion(request.caseFile, request.question)
    const evaluation = evaluateCase(request.caseFile, { asOf: request.asOf })
    const { markdown } = brief(
      request.caseFile,
      evaluation,
      request.question === undefined ? {} : { question: request.question }
    )
    const bytes = Buffer.byteLength(markdown)
    if (request.output === undefined) {
      yield* Effect.sync(() => standardOutput(markdown))
      return { to: "standard output", bytes }
    }
    const written = writeFileWhole(request.output, markdown)
    if (Result.isFailure(written)) return yield* new BriefError({ message: written.failure })
    return { to: { file: request.output }, bytes }
  })

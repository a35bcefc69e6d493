import { formatProblem, type LocatedProblem, readCaseText } from "@allegiance/case-file"
import type { CaseFile } from "@allegiance/domain"
import { readTextFile } from "@allegiance/files"
import { Console, Effect, Result, Schema } from "effect"

/** A case file that could not be used, with every problem found in it. */
export class CaseInputError extends Schema.TaggedError<CaseInputError>()("CaseInputError", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {}

const readText = (file: string) =>
  Effect.mapError(
    Effect.fromResult(readTextFile(file)),
    (problem) => new CaseInputError({ file, problems: [problem] })
  )

/** Reads and checks a case file, failing with every located problem. */
export const loadCaseFromFile = Effect.fnUntraced(function* (path: string) {
  const text = yield* readText(path)
  const read = readCaseText(text, path)
  if (Result.isFailure(read))
    return yield* new CaseInputError({
      file: path,
      problems: read.failure.map((problem: LocatedProblem) => formatProblem(problem))
    })
  return { file: path, caseFile: read.success as CaseFile }
})

/** Prints a case problem report on standard error and marks the process as failed, without a stack trace. */
export const reportCaseInputError = (error: CaseInputError) =>
  Effect.gen(function* () {
    for (const problem of error.problems) yield* Console.error(problem)
    yield* Console.error(
      `${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} with ${error.file}; nothing was changed.`
    )
    yield* Effect.sync(() => {
      process.exitCode = 1
    })
  })

import { existsSync, readFileSync } from "node:fs"
import { bundledCaseId, formatProblem, type LocatedProblem, readCaseText } from "@allegiance/case-file"
import type { CaseFile } from "@allegiance/domain"
import { currentStorePath, loadCaseFile } from "@allegiance/store"
import { Console, Effect, Option, Result, Schema } from "effect"
import { Argument } from "effect/cli"
import { storeLayer } from "./commands/db-flag.ts"

/** A case file that could not be used, with every problem found in it. */
export class CaseInputError extends Schema.TaggedError<CaseInputError>()("CaseInputError", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {}

/** The optional CASE argument shared by the commands that read a case. */
export const caseArgument = Argument.String("case").pipe(
  Argument.withDescription(
    "A case file (YAML or JSON), or the name of a case in the store. Without it, the bundled seed case, as the store holds it."
  ),
  Argument.optional
)

const readText = (file: string) =>
  Effect.try({
    try: () => readFileSync(file, "utf8"),
    catch: (error) =>
      new CaseInputError({
        file,
        problems: [
          `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
        ]
      })
  })

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

/**
 * The case a command works on: a case file when CASE names one on disk, else the case of that name in
 * the store (by default the bundled seed case, which a new store is given when it is created).
 */
export const loadCase = Effect.fnUntraced(function* (
  caseName: Option.Option<string>,
  db: Option.Option<string>
) {
  if (Option.isSome(caseName) && existsSync(caseName.value)) return yield* loadCaseFromFile(caseName.value)
  const name = Option.isSome(caseName) ? caseName.value : bundledCaseId()
  const location = currentStorePath(Option.getOrUndefined(db))
  return yield* loadCaseFile(name).pipe(
    Effect.map(({ caseFile }) => ({ file: `${location} (case ${name})`, caseFile })),
    Effect.provide(storeLayer(db)),
    Effect.mapError((error) => new CaseInputError({ file: location, problems: [error.message] }))
  )
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

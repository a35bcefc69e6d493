import { existsSync, readFileSync } from "node:fs"
import { bundledCaseId, formatProblem, type LocatedProblem, readCaseText } from "@allegiance/case-file"
import type { CaseFile } from "@allegiance/domain"
import { currentStorePath, loadCaseFile, type RevisionInfo, type RevisionSelector } from "@allegiance/store"
import { Console, Effect, Option, Result, Schema } from "effect"
import { storeLayer } from "./store-access.ts"

/** A case file that could not be used, with every problem found in it. */
export class CaseInputError extends Schema.TaggedError<CaseInputError>()("CaseInputError", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {}

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

/** A case to work on, where it came from, and, for a case in the store, the revision read. */
export interface CaseInput {
  readonly file: string
  readonly caseFile: CaseFile
  readonly revision?: RevisionInfo
}

/** An earlier state of a stored case, and the flag that asked for it (for messages). */
export interface StoredState {
  readonly at: RevisionSelector
  readonly flag: string
}

/**
 * The case a command works on: a case file when CASE names one on disk, else the case of that name in
 * the store (by default the bundled seed case, which a new store is given when it is created), as the
 * store holds it now or, given `stored`, as it held it at a revision or a moment.
 */
export const loadCase = Effect.fnUntraced(function* (
  caseName: Option.Option<string>,
  db: Option.Option<string>,
  stored?: StoredState
): Effect.fn.Return<CaseInput, CaseInputError> {
  if (Option.isSome(caseName) && existsSync(caseName.value)) {
    if (stored !== undefined) {
      return yield* new CaseInputError({
        file: caseName.value,
        problems: [
          `${stored.flag} picks an earlier state of a case in the store, but ${caseName.value} is a case file, ` +
            `which has no history in the store. Name a stored case instead (allegiance import ${caseName.value} ` +
            `stores the file as one), or leave out ${stored.flag}.`
        ]
      })
    }
    return yield* loadCaseFromFile(caseName.value)
  }
  const name = Option.isSome(caseName) ? caseName.value : bundledCaseId()
  const location = currentStorePath(Option.getOrUndefined(db))
  return yield* loadCaseFile(name, stored?.at).pipe(
    Effect.map(
      ({ caseFile, revision }): CaseInput => ({
        file: `${location} (case ${name})`,
        caseFile,
        revision
      })
    ),
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

import { existsSync } from "node:fs"
import { bundledCaseId } from "@allegiance/case-file"
import type { CaseFile } from "@allegiance/domain"
import { currentStorePath, loadCaseFile, type RevisionInfo, type RevisionSelector } from "@allegiance/store"
import { Effect, Option } from "effect"
import { CaseInputError, loadCaseFromFile } from "./case-file-input.ts"
import { storeLayer } from "./store-access.ts"

export { CaseInputError, reportCaseInputError } from "./case-file-input.ts"

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

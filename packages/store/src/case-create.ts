/**
 * A new case from a case file's text, for the edge API: read and checked whole, then stored as the
 * case's first revision. The same steps as `importCaseText` for a new case, from modules that need
 * no file system, so that a Worker can run them.
 */
import { formatProblem } from "@allegiance/case-file/located-problem"
import { readCaseText } from "@allegiance/case-file/read-case"
import { Effect, Result } from "effect"
import { isCaseName } from "./case-items.ts"
import { checkedCaseItems } from "./case-rules.ts"
import { CaseExists, InvalidCaseFile, type StoreError, storeError } from "./errors.ts"
import { type CommitResult, Store, type WriteMeta } from "./store.ts"

export const createCaseFromText = (options: {
  readonly text: string
  readonly fileName: string
  /** The name to store it under; the file's `case.id` when left out. */
  readonly caseName?: string | undefined
  readonly meta: WriteMeta
}): Effect.Effect<{ readonly caseName: string; readonly result: CommitResult }, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const read = readCaseText(options.text, options.fileName)
    if (Result.isFailure(read))
      return yield* storeError(
        new InvalidCaseFile({ file: options.fileName, problems: read.failure.map(formatProblem) })
      )
    const caseName = options.caseName ?? read.success.case.id
    if (!isCaseName(caseName))
      return yield* storeError(
        new InvalidCaseFile({
          file: options.fileName,
          problems: [
            `"${caseName}" cannot name a case: use lower-case letters, digits, dots, dashes or underscores, e.g. jai-syria`
          ]
        })
      )
    if ((yield* store.listCases).some((summary) => summary.name === caseName))
      return yield* storeError(new CaseExists({ caseName }))
    const result = yield* store.createCase(caseName, checkedCaseItems(read.success, caseName), options.meta)
    return { caseName, result }
  })

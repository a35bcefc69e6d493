import { readTextFile } from "@allegiance/files"
import { type ImportResult, importParsedCase, parseCaseFile } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import type { ImportInput } from "../commands/import.ts"
import { signalsHeard } from "./signals.ts"
import { defaultAuthor, reportStoreError, storeLayer } from "./store-access.ts"

/** What an import did, in a sentence. */
export const importOutcome = (file: string, imported: ImportResult): string => {
  const { caseName, created, result } = imported
  const revision = result.revision.number
  if (created)
    return `Imported ${file} as the new case "${caseName}": ${result.added} items (revision ${revision}).`
  if (result.added + result.changed + result.removed === 0)
    return `${file} holds case "${caseName}" exactly as the store has it (revision ${revision}); nothing was changed.`
  return (
    `Imported ${file} into case "${caseName}" as revision ${revision}: ` +
    `${result.added} added, ${result.changed} changed, ${result.removed} removed. ` +
    `Earlier revisions stay in the store.`
  )
}

export const importCommand = ({ file, case: caseName, basedOn, author, reason, db }: ImportInput) => {
  // What an interruption (Ctrl-C, SIGTERM) stopped: the import is one transaction, saved whole or not at all.
  let saved: ImportResult | undefined
  return Effect.gen(function* () {
    const text = yield* Effect.fromResult(readTextFile(file))
    const caseFile = yield* parseCaseFile(text, file)
    // Reading and checking a large file takes seconds without a pause: a Ctrl-C meanwhile is heard
    // here, before anything is written.
    yield* signalsHeard
    const imported = yield* importParsedCase(caseFile, {
      fileName: file,
      caseName: Option.getOrUndefined(caseName),
      basedOn: Option.getOrUndefined(basedOn),
      author: Option.getOrElse(author, defaultAuthor),
      reason: Option.getOrUndefined(reason)
    }).pipe(Effect.provide(storeLayer(db)))
    saved = imported
    yield* Console.log(importOutcome(file, imported))
  }).pipe(
    Effect.onInterrupt(() =>
      Console.error(
        saved === undefined
          ? `Stopped before ${file} was imported: nothing was saved, and the store is as it was.`
          : `Stopped after the import was saved: ${importOutcome(file, saved)}`
      )
    ),
    Effect.catchTag("StoreError", reportStoreError),
    Effect.catch((message: string) =>
      Effect.andThen(
        Console.error(message),
        Effect.sync(() => {
          process.exitCode = 1
        })
      )
    )
  )
}

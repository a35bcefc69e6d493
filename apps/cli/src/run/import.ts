import { readTextFile } from "@allegiance/files"
import { type ImportResult, importCaseText } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import type { ImportInput } from "../commands/import.ts"
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

export const importCommand = ({ file, case: caseName, basedOn, author, reason, db }: ImportInput) =>
  Effect.gen(function* () {
    const text = yield* Effect.fromResult(readTextFile(file))
    const imported = yield* importCaseText({
      text,
      fileName: file,
      caseName: Option.getOrUndefined(caseName),
      basedOn: Option.getOrUndefined(basedOn),
      author: Option.getOrElse(author, defaultAuthor),
      reason: Option.getOrUndefined(reason)
    }).pipe(Effect.provide(storeLayer(db)))
    yield* Console.log(importOutcome(file, imported))
  }).pipe(
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

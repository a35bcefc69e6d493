import { exportedFrom } from "@allegiance/case-file/export-header"
import { readTextFile } from "@allegiance/files"
import { type ImportResult, importParsedCase, parseCaseFile, type StoreError } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import type { ImportInput } from "../commands/import.ts"
import { signalsHeard } from "./signals.ts"
import { defaultAuthor, reportStoreError, storeLayer } from "./store-access.ts"

/** What an import did, in a sentence. */
export const importOutcome = (file: string, imported: ImportResult): string => {
  const { caseName, created, result, basedOn } = imported
  const revision = result.revision.number
  if (created)
    return `Imported ${file} as the new case "${caseName}": ${result.added} items (revision ${revision}).`
  if (result.added + result.changed + result.removed === 0)
    return `${file} holds case "${caseName}" exactly as the store has it (revision ${revision}); nothing was changed.`
  const base =
    basedOn?.from === "file"
      ? `, on top of revision ${basedOn.revision}, which the file was exported from`
      : basedOn?.from === "given"
        ? `, on top of revision ${basedOn.revision}`
        : ""
  // The file still names the revision it was exported from: imported again, it would be stale.
  const next =
    basedOn?.from === "file"
      ? ` To go on editing, export the case again, or import this file with --based-on ${revision}.`
      : ""
  return (
    `Imported ${file} into case "${caseName}" as revision ${revision}${base}: ` +
    `${result.added} added, ${result.changed} changed, ${result.removed} removed. ` +
    `Earlier revisions stay in the store.${next}`
  )
}

/**
 * What a refused import tells the analyst: for a file edited on a revision someone has saved over since,
 * how to keep both or to replace theirs; for a base the case never had, which revisions there are.
 */
const refusedImport = (file: string, given: boolean) => (error: StoreError) => {
  const reason = error.reason
  const fail = (message: string) =>
    Effect.andThen(
      Console.error(message),
      Effect.sync(() => {
        process.exitCode = 1
      })
    )
  if (reason._tag === "Conflict") {
    const base = given
      ? `You said ${file} was edited on revision ${reason.basedOn} of case "${reason.caseName}" (--based-on)`
      : `${file} was exported from revision ${reason.basedOn} of case "${reason.caseName}"`
    return fail(
      `${base}, but the case has changed since: revision ${reason.head} was saved by ${reason.headAuthor} ` +
        `at ${reason.headAt} ("${reason.headReason}"). Nothing was saved, so that their work is not undone.\n` +
        `To keep both: export the case again (allegiance export ${reason.caseName} -o FILE), make your edits there and import that.\n` +
        `To replace what the case holds now with ${file} as it is: allegiance import ${file} --based-on ${reason.head}`
    )
  }
  if (reason._tag === "RevisionNotFound") return fail(`${error.message} Nothing was saved.`)
  return reportStoreError(error)
}

export const importCommand = ({ file, case: caseName, basedOn, author, reason, db }: ImportInput) => {
  // What an interruption (Ctrl-C, SIGTERM) stopped: the import is one transaction, saved whole or not at all.
  let saved: ImportResult | undefined
  return Effect.gen(function* () {
    const text = yield* Effect.fromResult(readTextFile(file))
    const caseFile = yield* parseCaseFile(text, file)
    const from = exportedFrom(text)
    // Reading and checking a large file takes seconds without a pause: a Ctrl-C meanwhile is heard
    // here, before anything is written.
    yield* signalsHeard
    const imported = yield* importParsedCase(caseFile, {
      fileName: file,
      caseName: Option.getOrUndefined(caseName),
      basedOn: Option.getOrUndefined(basedOn),
      exportedFrom: from,
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
    Effect.catchTag("StoreError", refusedImport(file, Option.isSome(basedOn))),
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

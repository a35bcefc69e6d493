import { writeFileWhole } from "@allegiance/files"
import { exportCaseText, type RevisionSelector, readStoredMoment } from "@allegiance/store"
import { Console, Effect, Option, Result } from "effect"
import type { ExportInput } from "../commands/export.ts"
import { reportStoreError, storeLayer } from "./store-access.ts"

const fail = (message: string) =>
  Effect.andThen(
    Console.error(message),
    Effect.sync(() => {
      process.exitCode = 1
    })
  )

export const exportCommand = ({ case: caseName, output, revision, at: moment, db }: ExportInput) =>
  Effect.gen(function* () {
    let at: RevisionSelector | undefined
    if (Option.isSome(revision)) at = { revision: revision.value }
    if (Option.isSome(moment)) {
      // Read as evaluate --as-stored reads it: a bare day is the end of that day, a time is UTC unless it says otherwise.
      const instant = readStoredMoment(moment.value)
      if (Result.isFailure(instant)) return yield* fail(`--at ${instant.failure}`)
      at = { asOf: instant.success }
    }
    const exported = yield* exportCaseText(caseName, at).pipe(Effect.provide(storeLayer(db)))
    if (Option.isNone(output)) {
      yield* Effect.sync(() => process.stdout.write(exported.text))
      return
    }
    const written = writeFileWhole(output.value, exported.text)
    if (Result.isFailure(written)) return yield* fail(written.failure)
    yield* Console.error(
      `Exported case "${caseName}" at revision ${exported.revision.number} to ${output.value}. ` +
        `To save your edits later: allegiance import ${output.value} (the file names revision ` +
        `${exported.revision.number}, and the import is refused if someone saved the case since)`
    )
  }).pipe(
    Effect.onInterrupt(() =>
      Option.isSome(output)
        ? Console.error(`Stopped before ${output.value} was written: it is as it was.`)
        : Effect.void
    ),
    Effect.catchTag("StoreError", reportStoreError)
  )

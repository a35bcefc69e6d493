import { renameSync, writeFileSync } from "node:fs"
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

/** Writes through a temporary file, so an interrupted export never leaves half a case file behind. */
const writeWhole = (file: string, text: string) =>
  Effect.try({
    try: () => {
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, text)
      renameSync(temporary, file)
    },
    catch: (error) =>
      `${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
  })

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
    const written = yield* Effect.result(writeWhole(output.value, exported.text))
    if (written._tag === "Failure") return yield* fail(written.failure)
    yield* Console.error(
      `Exported case "${caseName}" at revision ${exported.revision.number} to ${output.value}. ` +
        `To save your edits later: allegiance import ${output.value} --based-on ${exported.revision.number}`
    )
  }).pipe(Effect.catchTag("StoreError", reportStoreError))

import { renameSync, writeFileSync } from "node:fs"
import { exportCaseText, type RevisionSelector, readStoredMoment } from "@allegiance/store"
import { Console, Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { dbFlag, reportStoreError, storeLayer } from "./db-flag.ts"

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

export const exportCommand = Command.make(
  "export",
  {
    case: Argument.String("case").pipe(Argument.withDescription("The name of the case in the store.")),
    output: Flag.String("output").pipe(
      Flag.withAlias("o"),
      Flag.withDescription("Write the case file here instead of to standard output."),
      Flag.withMetavar("FILE"),
      Flag.optional
    ),
    revision: Flag.Int("revision").pipe(
      Flag.withDescription("Export the case as it was at this revision. Default: as it is now."),
      Flag.optional
    ),
    at: Flag.String("at").pipe(
      Flag.withDescription(
        "Export the case as the store held it at this moment: YYYY-MM-DD (the end of that day, UTC) or YYYY-MM-DDTHH:MM (UTC unless it gives an offset). Default: as it is now."
      ),
      Flag.withMetavar("DATE"),
      Flag.optional
    ),
    db: dbFlag
  },
  ({ case: caseName, output, revision, at: moment, db }) =>
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
).pipe(
  Command.withDescription(
    "Write a case from the store as a canonical YAML case file: as it is now, at a revision, or as the store held it at a moment. Importing that file and exporting again gives the same bytes."
  ),
  Command.withExamples([
    {
      command: "allegiance export jai-syria-allegiance-2015 -o jai.yaml",
      description: "Export a case to edit it"
    },
    {
      command: "allegiance export jai-syria-allegiance-2015 --revision 3",
      description: "Print the case as it was at revision 3"
    }
  ])
)

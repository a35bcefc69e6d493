import { readFileSync } from "node:fs"
import { type ImportResult, importCaseText } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { dbFlag, defaultAuthor, reportStoreError, storeLayer } from "./db-flag.ts"

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

export const importCommand = Command.make(
  "import",
  {
    file: Argument.String("file").pipe(Argument.withDescription("The case file to import (YAML or JSON).")),
    case: Flag.String("case").pipe(
      Flag.withDescription(
        "Store it as the case of this name (lower-case letters, digits, dots, dashes or underscores) instead of the id the file gives."
      ),
      Flag.withMetavar("NAME"),
      Flag.optional
    ),
    basedOn: Flag.Int("based-on").pipe(
      Flag.withDescription(
        "The revision of the case you edited this file from (export says which). If someone saved the case since, the import is refused instead of undoing their changes. Default: the case as it is now."
      ),
      Flag.withMetavar("REVISION"),
      Flag.optional
    ),
    author: Flag.String("author").pipe(
      Flag.withDescription(
        "Who the change is recorded as. Default: $ALLEGIANCE_AUTHOR, else your login name."
      ),
      Flag.optional
    ),
    reason: Flag.String("reason").pipe(
      Flag.withDescription('Why, for the case history. Default: "Imported from FILE".'),
      Flag.optional
    ),
    db: dbFlag
  },
  ({ file, case: caseName, basedOn, author, reason, db }) =>
    Effect.gen(function* () {
      const text = yield* Effect.try({
        try: () => readFileSync(file, "utf8"),
        catch: (error) =>
          `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`
      })
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
).pipe(
  Command.withDescription(
    "Check a whole case file and put it in the store in one step: a new case, or a new revision of the case of that name holding exactly what the file holds. A file with any problem, or an import cut short, changes nothing."
  ),
  Command.withExamples([
    { command: "allegiance import my-case.yaml", description: "Import a case, or save your edits to it" },
    {
      command: "allegiance import draft.yaml --case jai-draft --reason 'Second reading'",
      description: "Import it under another name, saying why"
    }
  ])
)

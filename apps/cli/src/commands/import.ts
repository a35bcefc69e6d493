import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { dbFlag, revisionFlag } from "../flags.ts"

const config = {
  file: Argument.String("file").pipe(Argument.withDescription("The case file to import (YAML or JSON).")),
  case: Flag.String("case").pipe(
    Flag.withDescription(
      "Store it as the case of this name (lower-case letters, digits, dots, dashes or underscores) instead of the id the file gives."
    ),
    Flag.withMetavar("NAME"),
    Flag.optional
  ),
  basedOn: revisionFlag("based-on").pipe(
    Flag.withDescription(
      "The revision of the case you edited this file from. A file written by export names the revision it was exported from in its first line, and import takes that unless told otherwise; for any other file the default is the case as it is now. If someone saved the case since that revision, the import is refused instead of undoing their work: give the case's current revision here to replace it with the file anyway."
    ),
    Flag.withMetavar("REVISION"),
    Flag.optional
  ),
  author: Flag.String("author").pipe(
    Flag.withDescription("Who the change is recorded as. Default: $ALLEGIANCE_AUTHOR, else your login name."),
    Flag.optional
  ),
  reason: Flag.String("reason").pipe(
    Flag.withDescription('Why, for the case history. Default: "Imported from FILE".'),
    Flag.optional
  ),
  db: dbFlag
}
export type ImportInput = Command.Command.Config.Infer<typeof config>

export const importCommand = Command.make("import", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/import.ts")),
    (run) => run.importCommand(input)
  )
).pipe(
  Command.withDescription(
    "Check a whole case file and put it in the store in one step: a new case, or a new revision of the case of that name holding exactly what the file holds. A file written by export is saved on top of the revision it was exported from, and refused if the case has changed since. A file with any problem, or an import cut short, changes nothing."
  ),
  Command.withExamples([
    { command: "allegiance import my-case.yaml", description: "Import a case, or save your edits to it" },
    {
      command: "allegiance import draft.yaml --case jai-draft --reason 'Second reading'",
      description: "Import it under another name, saying why"
    }
  ])
)

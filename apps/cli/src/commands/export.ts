import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { dbFlag, revisionFlag } from "../flags.ts"

const config = {
  case: Argument.String("case").pipe(Argument.withDescription("The name of the case in the store.")),
  output: Flag.String("output").pipe(
    Flag.withAlias("o"),
    Flag.withDescription("Write the case file here instead of to standard output."),
    Flag.withMetavar("FILE"),
    Flag.optional
  ),
  revision: revisionFlag("revision").pipe(
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
}
export type ExportInput = Command.Command.Config.Infer<typeof config>

export const exportCommand = Command.make("export", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/export.ts")),
    (run) => run.exportCommand(input)
  )
).pipe(
  Command.withDescription(
    "Write a case from the store as a canonical YAML case file: as it is now, at a revision, or as the store held it at a moment. The file's first line names the case and the revision it was exported from, which import takes as the base of the edits in it. Importing that file and exporting again gives the same bytes."
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

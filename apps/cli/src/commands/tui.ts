import { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { apiFlag, dbFlag, tokenFlag } from "../flags.ts"

const config = {
  case: Argument.String("case").pipe(
    Argument.withDescription("The name of a case in the store. Without it, the bundled seed case."),
    Argument.optional
  ),
  db: dbFlag,
  api: apiFlag,
  token: tokenFlag,
  asOf: Flag.String("as-of").pipe(
    Flag.withDescription(
      "The as-of day to open on (YYYY-MM-DD): judge with only what was known by then. Default: today. " +
        "In the UI, ] [ } { ) ( > < and g move it."
    ),
    Flag.withMetavar("DAY"),
    Flag.withSchema(IsoDay),
    Flag.optional
  )
}
export type TuiInput = Command.Command.Config.Infer<typeof config>

export const tui = Command.make("tui", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/tui.ts")),
    (run) => run.tui(input)
  )
).pipe(
  Command.withDescription(
    "Open the terminal UI on a stored case: views of its verdicts, timeline, actors, relationships, " +
      "hypotheses and history; move the as-of day; add and edit statements, claims and observations. " +
      "With --api and --token, on a case of a server (allegiance serve), which reasons and saves. " +
      "When standard output is not a terminal, prints the case's overview instead."
  ),
  Command.withExamples([
    { command: "allegiance tui", description: "The bundled case, as of today" },
    {
      command: "allegiance tui --as-of 2015-01-07",
      description: "The bundled case as known on 7 January 2015"
    },
    {
      command: "allegiance tui --api http://127.0.0.1:8787 --token $ALLEGIANCE_TOKEN",
      description: "The bundled case on a server"
    }
  ])
)

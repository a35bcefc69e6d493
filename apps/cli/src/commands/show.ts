import { Effect } from "effect"
import { Command } from "effect/cli"
import { caseArgument, dbFlag } from "../flags.ts"

const config = { case: caseArgument, db: dbFlag }
export type ShowInput = Command.Command.Config.Infer<typeof config>

export const show = Command.make("show", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/show.ts")),
    (run) => run.show(input)
  )
).pipe(
  Command.withDescription(
    "Print a readable summary of a case: its actors, statements by date and open questions."
  ),
  Command.withExamples([
    { command: "allegiance show", description: "Summarise the bundled seed case" },
    { command: "allegiance show my-case.yaml", description: "Summarise a case file" }
  ])
)

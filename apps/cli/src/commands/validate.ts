import { Effect } from "effect"
import { Argument, Command } from "effect/cli"

const config = {
  file: Argument.String("file").pipe(Argument.withDescription("The case file to check (YAML or JSON)."))
}
export type ValidateInput = Command.Command.Config.Infer<typeof config>

export const validate = Command.make("validate", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/validate.ts")),
    (run) => run.validate(input)
  )
).pipe(
  Command.withDescription(
    "Check a case file and report every problem at once, each with its file, line, column and field. Exits 0 when the file is valid, 1 otherwise; it never changes anything."
  ),
  Command.withExamples([{ command: "allegiance validate my-case.yaml", description: "Check a case file" }])
)

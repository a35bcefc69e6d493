import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { loadCaseFromFile, reportCaseInputError } from "../case-input.ts"

export const validate = Command.make(
  "validate",
  { file: Argument.String("file").pipe(Argument.withDescription("The case file to check (YAML or JSON).")) },
  ({ file }) =>
    loadCaseFromFile(file).pipe(
      Effect.flatMap(({ caseFile }) =>
        Console.log(
          `${file}: valid. ${caseFile.actors.length} actors, ${caseFile.statements.length} statements, ${caseFile.claims.length} claims, ${caseFile.observations.length} observations.`
        )
      ),
      Effect.catchTag("CaseInputError", reportCaseInputError)
    )
).pipe(
  Command.withDescription(
    "Check a case file and report every problem at once, each with its file, line, column and field. Exits 0 when the file is valid, 1 otherwise; it never changes anything."
  ),
  Command.withExamples([{ command: "allegiance validate my-case.yaml", description: "Check a case file" }])
)

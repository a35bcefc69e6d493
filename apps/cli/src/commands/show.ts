import { caseSummary } from "@allegiance/present"
import { Console, Effect } from "effect"
import { Command } from "effect/cli"
import { caseArgument, loadCase, reportCaseInputError } from "../case-input.ts"
import { dbFlag } from "./db-flag.ts"

export const show = Command.make("show", { case: caseArgument, db: dbFlag }, ({ case: file, db }) =>
  loadCase(file, db).pipe(
    Effect.flatMap(({ caseFile }) => Console.log(caseSummary(caseFile))),
    Effect.catchTag("CaseInputError", reportCaseInputError)
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

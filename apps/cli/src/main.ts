import { caseSummary } from "@allegiance/present"
import { Console, Effect, Option } from "effect"
import { Command } from "effect/cli"
import { af } from "./commands/af.ts"
import { dateCheck } from "./commands/date-check.ts"
import { evaluate } from "./commands/evaluate.ts"
import { exportCommand } from "./commands/export.ts"
import { importCommand } from "./commands/import.ts"
import { show } from "./commands/show.ts"
import { validate } from "./commands/validate.ts"
import { loadCase, reportCaseInputError } from "./case-input.ts"
import { dbFlag } from "./commands/db-flag.ts"

/** Without a subcommand, Allegiance shows the bundled case from the store: the main job until the terminal UI exists. */
export const allegiance = Command.make("allegiance", { db: dbFlag }, ({ db }) =>
  loadCase(Option.none(), db).pipe(
    Effect.flatMap(({ caseFile }) => Console.log(caseSummary(caseFile))),
    Effect.catchTag("CaseInputError", reportCaseInputError)
  )
).pipe(
  Command.withDescription("Track who pledged allegiance to whom, on what evidence, and how sure one can be."),
  Command.withSubcommands([show, validate, evaluate, af, dateCheck, importCommand, exportCommand])
)

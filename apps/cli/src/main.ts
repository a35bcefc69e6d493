/**
 * The `allegiance` command tree. Every start loads this module, so it declares subcommands only: each
 * subcommand's work lives under `run/` and is imported when that subcommand runs, so that `date-check`
 * never loads the store and `--help` loads neither the store, the case-file reader nor the reasoning.
 */
import { Effect } from "effect"
import { Command, Flag, GlobalFlag } from "effect/cli"
import { af } from "./commands/af.ts"
import { briefCommand } from "./commands/brief.ts"
import { dateCheck } from "./commands/date-check.ts"
import { evaluate } from "./commands/evaluate.ts"
import { exportCommand } from "./commands/export.ts"
import { importCommand } from "./commands/import.ts"
import { serve } from "./commands/serve.ts"
import { show } from "./commands/show.ts"
import { token } from "./commands/token.ts"
import { validate } from "./commands/validate.ts"
import { dbFlag } from "./flags.ts"

/** Technical details of a fault, for a report; without it a fault is described in one sentence. */
export const debugFlag = GlobalFlag.Setting("debug")({
  flag: Flag.Boolean("debug").pipe(
    Flag.withDescription(
      "On a fault of Allegiance itself, print its technical details as well (for a report)."
    ),
    Flag.withDefault(false)
  )
})

const config = { db: dbFlag }
export type OverviewInput = Command.Command.Config.Infer<typeof config>

/** Without a subcommand, Allegiance shows the bundled case from the store: the main job. */
export const allegiance = Command.make("allegiance", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("./run/overview.ts")),
    (run) => run.overview(input)
  )
).pipe(
  Command.withDescription("Track who pledged allegiance to whom, on what evidence, and how sure one can be."),
  Command.withSubcommands([
    show,
    validate,
    evaluate,
    af,
    dateCheck,
    importCommand,
    exportCommand,
    serve,
    token,
    briefCommand
  ]),
  Command.withGlobalFlags([debugFlag])
)

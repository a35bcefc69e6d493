/**
 * The `allegiance` command tree. Every start loads this module, so it declares subcommands only: each
 * subcommand's work lives under `run/` and is imported when that subcommand runs, so that `date-check`
 * never loads the store and `--help` loads neither the store, the case-file reader nor the reasoning.
 */
import { Effect, Option } from "effect"
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
import { tui } from "./commands/tui.ts"
import { validate } from "./commands/validate.ts"
import { apiFlag, dbFlag, tokenFlag } from "./flags.ts"

/** Technical details of a fault, for a report; without it a fault is described in one sentence. */
export const debugFlag = GlobalFlag.Setting("debug")({
  flag: Flag.Boolean("debug").pipe(
    Flag.withDescription(
      "On a fault of Allegiance itself, print its technical details as well (for a report)."
    ),
    Flag.withDefault(false)
  )
})

const config = { db: dbFlag, api: apiFlag, token: tokenFlag }

/**
 * Without a subcommand, Allegiance opens the terminal UI on the bundled case from the store: the main
 * job. Without a terminal (a pipe, a script), it prints the case's overview instead.
 */
export const allegiance = Command.make("allegiance", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("./run/tui.ts")),
    (run) => run.tui({ ...input, case: Option.none(), asOf: Option.none() })
  )
).pipe(
  Command.withDescription(
    "Track who pledged allegiance to whom, on what evidence, and how sure one can be. Without a subcommand, " +
      "opens the terminal UI on the bundled case (see tui), from the store or, with --api and --token, from a server; " +
      "when standard output is not a terminal, prints its overview."
  ),
  Command.withSubcommands([
    show,
    validate,
    evaluate,
    af,
    dateCheck,
    importCommand,
    exportCommand,
    tui,
    briefCommand,
    serve,
    token
  ]),
  Command.withGlobalFlags([debugFlag])
)

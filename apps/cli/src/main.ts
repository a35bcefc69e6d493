import { Command } from "effect/cli"
import { af } from "./commands/af.ts"

export const allegiance = Command.make("allegiance").pipe(
  Command.withDescription("Track who pledged allegiance to whom, on what evidence, and how sure one can be."),
  Command.withSubcommands([af])
)

/**
 * Flags and arguments that several subcommands share. This module is loaded on every start (the
 * command tree is built from it), so it holds declarations only: what a flag means, never how a
 * subcommand uses it.
 */
import { storeEnvironmentVariable } from "@allegiance/store/location"
import { Argument, Flag } from "effect/cli"

export const dbFlag = Flag.String("db").pipe(
  Flag.withDescription(
    `The store file to use. Default: $${storeEnvironmentVariable} when set, else allegiance/allegiance.db in your data folder ($XDG_DATA_HOME, normally ~/.local/share). A new store starts with the bundled seed case.`
  ),
  Flag.withMetavar("PATH"),
  Flag.optional
)

/** The optional CASE argument shared by the commands that read a case. */
export const caseArgument = Argument.String("case").pipe(
  Argument.withDescription(
    "A case file (YAML or JSON), or the name of a case in the store. Without it, the bundled seed case, as the store holds it."
  ),
  Argument.optional
)

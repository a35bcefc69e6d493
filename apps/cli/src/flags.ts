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

/** The address of an `allegiance serve` to work against, instead of the local store. */
export const apiFlag = Flag.String("api").pipe(
  Flag.withDescription(
    "Work on a case served by allegiance serve at this address (http://host:port) instead of the local store: " +
      "the server reads, reasons and saves. Needs --token."
  ),
  Flag.withMetavar("URL"),
  Flag.optional
)

/** The token for --api. */
export const tokenFlag = Flag.String("token").pipe(
  Flag.withDescription(
    "The token for --api, from allegiance token create on the server's store (write scope to save). Default: $ALLEGIANCE_TOKEN."
  ),
  Flag.withMetavar("TOKEN"),
  Flag.optional
)

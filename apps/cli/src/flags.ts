/**
 * Flags and arguments that several subcommands share. This module is loaded on every start (the
 * command tree is built from it), so it holds declarations only: what a flag means, never how a
 * subcommand uses it.
 */
import { storeEnvironmentVariable } from "@allegiance/store/location"
import { Schema, SchemaTransformation } from "effect"
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

/**
 * A whole number from `min` to `max` written in digits, as a flag takes it: `1e3`, `1.0`, `0x10`, a
 * sign or a number past `max` is refused with the range, where a plain number flag would read `1e3` as
 * 1000 and answer `x` with a parser's phrase.
 */
const wholeNumber = (min: number, max: number, example: string) =>
  Schema.String.check(
    Schema.makeFilter(
      (text: string) =>
        (/^\d{1,16}$/u.test(text) && Number(text) >= min && Number(text) <= max) ||
        `Expected a whole number from ${min} to ${max.toLocaleString("en")} in digits, e.g. ${example}`
    )
  ).pipe(Schema.decodeTo(Schema.Number, SchemaTransformation.numberFromString))

/** A number flag that takes a whole number from `min` to `max`. */
export const wholeNumberFlag = (name: string, min: number, max: number, example: string) =>
  Flag.String(name).pipe(Flag.withSchema(wholeNumber(min, max, example)), Flag.withMetavar("N"))

/** A flag naming a revision of a stored case: 1, 2, 3, ... */
export const revisionFlag = (name: string) => wholeNumberFlag(name, 1, Number.MAX_SAFE_INTEGER, "3")

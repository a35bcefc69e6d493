/**
 * What the command says when something goes wrong that it did not foresee (a fault in Allegiance, or
 * the machine running out of memory): a sentence for the analyst, and the technical details only with
 * --debug, on standard error.
 */
import { Cause, Console, Effect, Runtime } from "effect"

/** Set before the command line is parsed, so that a fault while parsing is reported in the same way. */
export const debugging = (): boolean => process.argv.includes("--debug")

const firstLine = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error)
  return message.split("\n")[0]!.slice(0, 200)
}

/** Failures that already said what they had to (exit codes of af, reported errors) pass through. */
const alreadyReported = (cause: Cause.Cause<unknown>): boolean => {
  if (Cause.hasDies(cause)) return false
  const error = Cause.squash(cause) as { readonly [Runtime.errorReported]?: boolean; readonly _tag?: string }
  return (
    error?.[Runtime.errorReported] === false ||
    (typeof error?._tag === "string" && error._tag !== "UnknownError")
  )
}

export const reportUnexpected = <E, R>(program: Effect.Effect<void, E, R>): Effect.Effect<void, E, R> =>
  Effect.catchCause(program, (cause) => {
    if (Cause.hasInterruptsOnly(cause) || alreadyReported(cause)) return Effect.failCause(cause)
    return Effect.gen(function* () {
      yield* Console.error(
        `Allegiance stopped on a fault of its own: ${firstLine(Cause.squash(cause))}. ` +
          "Whatever it had not said it saved was not saved. " +
          (debugging()
            ? "The details follow."
            : "Run the same command with --debug to see the details, and please report them.")
      )
      if (debugging()) yield* Console.error(Cause.pretty(cause))
      yield* Effect.sync(() => {
        process.exitCode = 70
      })
    })
  })

/**
 * How the command line says it was called wrongly: the mistake, and where to look for the right way,
 * instead of the whole help page (which buries the one line that matters under every flag).
 */
import { Console, Effect } from "effect"
import { CliOutput } from "effect/cli"

export const presenter: CliOutput.Presenter = {
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Effect.gen(function* () {
          const formatter = yield* CliOutput.Formatter
          const text = formatter
            .formatErrors(event.errors)
            .trim()
            .replace(/^ERROR\n/, "")
            // A flag's schema names what was wrong already; the library's lead-in says nothing more.
            .replace(/Expected: Schema validation failed: /g, "")
            .split("\n")
            .map((line) => line.replace(/^ {2}/, ""))
            .join("\n")
            .trim()
          yield* Console.error(`${event.commandPath.join(" ")}: ${text}`)
          yield* Console.error(`Run "${event.commandPath.join(" ")} --help" to see its arguments and flags.`)
        })
      : CliOutput.defaultPresenter.present(event)
}

import { Effect } from "effect"
import { Command, Flag } from "effect/cli"

const config = {
  problem: Flag.String("problem").pipe(
    Flag.withAlias("p"),
    Flag.withDescription(
      "ICCMA task: SE (some extension), DC (credulous), DS (sceptical) joined to GR, CO, PR or ST, e.g. DC-PR"
    ),
    Flag.optional
  ),
  file: Flag.String("file").pipe(
    Flag.withAlias("f"),
    Flag.withDescription("Framework file: ICCMA'23 (p af N), APX or TGF"),
    Flag.optional
  ),
  argument: Flag.String("argument").pipe(
    Flag.withAlias("a"),
    Flag.withDescription(
      "Argument asked about by DC and DS tasks (its number, or its name in APX/TGF files)"
    ),
    Flag.optional
  ),
  format: Flag.Literals("format", ["i23", "apx", "tgf"]).pipe(
    Flag.withDescription("File format, when the file name does not tell (.af/.i23, .apx, .tgf)"),
    Flag.optional
  ),
  timeout: Flag.Finite("timeout").pipe(
    Flag.withDescription(
      "Give up after this many seconds: nothing on standard output, a message on standard error, exit code 3"
    ),
    Flag.optional
  ),
  certificate: Flag.Boolean("certificate").pipe(
    Flag.withDescription("After YES (DC) or NO (DS), also print the extension that proves it (w ...)"),
    Flag.withDefault(false)
  ),
  problems: Flag.Boolean("problems").pipe(
    Flag.withDescription("List the supported tasks, ICCMA style, and exit"),
    Flag.withDefault(false)
  ),
  formats: Flag.Boolean("formats").pipe(
    Flag.withDescription("List the supported file formats, ICCMA style, and exit"),
    Flag.withDefault(false)
  )
}
export type AfInput = Command.Command.Config.Infer<typeof config>

export const af = Command.make("af", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/af.ts")),
    (run) => run.af(input)
  )
).pipe(
  Command.withDescription(
    "Decide abstract argumentation tasks the way ICCMA solvers do: grounded, complete, preferred and stable semantics; prints w 1 4 5, YES or NO"
  ),
  Command.withExamples([
    {
      command: "allegiance af -p DC-PR -f framework.af -a 3",
      description: "Is argument 3 in some preferred extension?"
    },
    {
      command: "allegiance af -p SE-ST -f framework.af --timeout 60",
      description: "One stable extension, or NO"
    },
    { command: "allegiance af --problems", description: "List the supported tasks" }
  ])
)

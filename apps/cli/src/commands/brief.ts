import { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { caseArgument, dbFlag } from "../flags.ts"

const config = {
  case: caseArgument,
  db: dbFlag,
  asOf: Flag.String("as-of").pipe(
    Flag.withDescription(
      "Write the brief as of this day (YYYY-MM-DD): judged with only what the case's own dates say was known by then. Default: today."
    ),
    Flag.withMetavar("DAY"),
    Flag.withSchema(IsoDay),
    Flag.optional
  ),
  question: Flag.String("question").pipe(
    Flag.withDescription(
      "Answer only this open question (its id in the case, e.g. q-end-of-jai-syria): the key judgments and the competing hypotheses keep to it. Default: every question of the case."
    ),
    Flag.withMetavar("ID"),
    Flag.optional
  ),
  output: Flag.String("output").pipe(
    Flag.withAlias("o"),
    Flag.withDescription(
      "Write the brief to this file instead of standard output: whole or not at all, keeping an existing file's permissions. A folder or a device is refused."
    ),
    Flag.withMetavar("FILE"),
    Flag.optional
  )
}
export type BriefInput = Command.Command.Config.Infer<typeof config>

export const briefCommand = Command.make("brief", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/brief.ts")),
    (run) => run.brief(input)
  )
).pipe(
  Command.withDescription(
    "Write a brief of a case in GitHub-flavoured markdown: key judgments with their estimative words and sources, background with Mermaid diagrams, the chronology, each dispute, the competing hypotheses, what was left out, and the sources' grades as footnotes."
  ),
  Command.withExamples([
    {
      command: "allegiance brief --as-of 2015-01-09 -o brief.md",
      description: "The bundled case's brief as known on 9 January 2015, written to brief.md"
    },
    {
      command: "allegiance brief my-case.yaml --question q-end-of-jai-syria",
      description: "A brief of a case file that answers one question, on standard output"
    }
  ])
)

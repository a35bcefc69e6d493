import { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { caseArgument, dbFlag } from "../flags.ts"

const config = {
  case: caseArgument,
  db: dbFlag,
  asOf: Flag.String("as-of").pipe(
    Flag.withDescription(
      "Judge with only what was known in the world by this day (YYYY-MM-DD), going by the case's own dates: " +
        "statements, claims and observations dated after it are left out. Default: today. This is about " +
        "the events, not about the store: it reads the case as it is now. To evaluate an earlier version " +
        "of the case itself, as an analyst had encoded it, use --revision or --as-stored (both combine " +
        "with --as-of)."
    ),
    Flag.withMetavar("DAY"),
    Flag.withSchema(IsoDay),
    Flag.optional
  ),
  revision: Flag.Int("revision").pipe(
    Flag.withDescription(
      "Evaluate the case as the store held it at this revision instead of as it is now. Revisions are " +
        "numbered from 1, one for each saved change (import says which number it saved). Only for a case " +
        "in the store, not a case file."
    ),
    Flag.withMetavar("N"),
    Flag.optional
  ),
  asStored: Flag.String("as-stored").pipe(
    Flag.withDescription(
      "Evaluate the case as the store held it at this moment: the latest revision saved at or before " +
        "it. A day (YYYY-MM-DD) means the end of that day; a day and a time (YYYY-MM-DDTHH:MM) is UTC " +
        'unless it gives an offset (+03:00). Answers "what did our case say then?", where --as-of answers ' +
        '"what was known then?". Only for a case in the store, not a case file.'
    ),
    Flag.withMetavar("TIME"),
    Flag.optional
  ),
  json: Flag.Boolean("json").pipe(
    Flag.withDescription("Print the full evaluation as JSON."),
    Flag.withDefault(false)
  ),
  history: Flag.Boolean("history").pipe(
    Flag.withDescription(
      "List instead how verdicts changed up to the as-of day: when, from what to what, and why."
    ),
    Flag.withDefault(false)
  ),
  explain: Flag.Boolean("explain").pipe(
    Flag.withDescription(
      "Follow each verdict with its explanation (in a writer's words, the ids of the items each step rests on in brackets) and what would settle it."
    ),
    Flag.withDefault(false)
  )
}
export type EvaluateInput = Command.Command.Config.Infer<typeof config>

export const evaluate = Command.make("evaluate", config, (input) =>
  Effect.flatMap(
    Effect.promise(() => import("../run/evaluate.ts")),
    (run) => run.evaluate(input)
  )
).pipe(
  Command.withDescription(
    "Say for every statement, claim, relationship and hypothesis of a case whether it is established, refuted, contested or unsupported, how sure, and why."
  ),
  Command.withExamples([
    {
      command: "allegiance evaluate --as-of 2015-01-09 --explain",
      description: "The bundled case as known on 9 January 2015, with explanations"
    },
    {
      command: "allegiance evaluate my-case.yaml --json",
      description: "The full structure for another tool"
    },
    {
      command: "allegiance evaluate jai-syria-allegiance-2015 --as-stored 2015-02-01 --as-of 2015-01-09",
      description:
        "What the case as stored on 1 February 2015 said about the world as known on 9 January 2015"
    }
  ])
)

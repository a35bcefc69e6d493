import { evaluateCase, IsoDay, verdictHistory } from "@allegiance/domain"
import { evaluationSummary } from "@allegiance/present"
import { Console, Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { caseArgument, loadCase, reportCaseInputError } from "../case-input.ts"
import { dbFlag } from "./db-flag.ts"

const today = () => new Date().toISOString().slice(0, 10)

export const evaluate = Command.make(
  "evaluate",
  {
    case: caseArgument,
    db: dbFlag,
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription("Judge with only what was known by this day (YYYY-MM-DD). Default: today."),
      Flag.withSchema(IsoDay),
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
      Flag.withDescription("Follow each verdict with its explanation and what would settle it."),
      Flag.withDefault(false)
    )
  },
  ({ case: file, db, asOf, json, history, explain }) =>
    loadCase(file, db).pipe(
      Effect.flatMap(({ caseFile }) => {
        const day = Option.getOrElse(asOf, () => Schema.decodeSync(IsoDay)(today()))
        if (history) {
          const changes = verdictHistory(caseFile, day)
          return Console.log(
            json
              ? JSON.stringify(changes, null, 2)
              : changes
                  .map(
                    (change) => `${change.day}  ${change.from} → ${change.to}: ${change.about}. ${change.why}`
                  )
                  .join("\n")
          )
        }
        const evaluation = evaluateCase(caseFile, { asOf: day })
        return Console.log(
          json ? JSON.stringify(evaluation, null, 2) : evaluationSummary(evaluation, { explain })
        )
      }),
      Effect.catchTag("CaseInputError", reportCaseInputError)
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
    { command: "allegiance evaluate my-case.yaml --json", description: "The full structure for another tool" }
  ])
)

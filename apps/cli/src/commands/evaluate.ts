import { evaluateCase, IsoDay, verdictHistory } from "@allegiance/domain"
import { evaluationSummary } from "@allegiance/present"
import { readStoredMoment } from "@allegiance/store"
import { Console, Effect, Option, Result, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import {
  CaseInputError,
  caseArgument,
  loadCase,
  reportCaseInputError,
  type StoredState
} from "../case-input.ts"
import { dbFlag } from "./db-flag.ts"

const today = () => new Date().toISOString().slice(0, 10)

/** Which earlier state of the stored case the flags ask for, if any. */
const storedState = (
  revision: Option.Option<number>,
  asStored: Option.Option<string>
): Result.Result<StoredState | undefined, string> => {
  if (Option.isSome(revision) && Option.isSome(asStored)) {
    return Result.fail(
      "--revision and --as-stored both pick a state of the stored case: give one of them, not both."
    )
  }
  if (Option.isSome(revision)) return Result.succeed({ at: { revision: revision.value }, flag: "--revision" })
  if (Option.isNone(asStored)) return Result.succeed(undefined)
  return Result.map(
    Result.mapError(readStoredMoment(asStored.value), (problem) => `--as-stored ${problem}`),
    (moment) => ({ at: { asOf: moment }, flag: "--as-stored" })
  )
}

export const evaluate = Command.make(
  "evaluate",
  {
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
      Flag.withDescription("Follow each verdict with its explanation and what would settle it."),
      Flag.withDefault(false)
    )
  },
  ({ case: file, db, asOf, revision: atRevision, asStored, json, history, explain }) =>
    Effect.fromResult(storedState(atRevision, asStored)).pipe(
      Effect.mapError((problem) => new CaseInputError({ file: "the command line", problems: [problem] })),
      Effect.flatMap((stored) => loadCase(file, db, stored)),
      Effect.flatMap(({ caseFile, revision }) => {
        const day = Option.getOrElse(asOf, () => Schema.decodeSync(IsoDay)(today()))
        // Say which stored version was judged, when it is not simply the current one.
        const from =
          revision !== undefined && (Option.isSome(atRevision) || Option.isSome(asStored)) && !json
            ? `Case ${revision.caseName} as stored at revision ${revision.number} (saved ${revision.at} by ${revision.author}: ${revision.reason})\n\n`
            : ""
        if (history) {
          const changes = verdictHistory(caseFile, day)
          return Console.log(
            from +
              (json
                ? JSON.stringify(changes, null, 2)
                : changes
                    .map(
                      (change) =>
                        `${change.day}  ${change.from} → ${change.to}: ${change.about}. ${change.why}`
                    )
                    .join("\n"))
          )
        }
        const evaluation = evaluateCase(caseFile, { asOf: day })
        return Console.log(
          from + (json ? JSON.stringify(evaluation, null, 2) : evaluationSummary(evaluation, { explain }))
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

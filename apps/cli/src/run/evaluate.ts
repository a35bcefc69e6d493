import { evaluateCase, IsoDay, verdictHistory } from "@allegiance/domain"
import { evaluationSummary } from "@allegiance/present"
import { readStoredMoment } from "@allegiance/store"
import { Console, Effect, Option, Result, Schema } from "effect"
import type { EvaluateInput } from "../commands/evaluate.ts"
import { CaseInputError, loadCase, reportCaseInputError, type StoredState } from "./case-input.ts"

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

export const evaluate = ({
  case: file,
  db,
  asOf,
  revision: atRevision,
  asStored,
  json,
  history,
  explain
}: EvaluateInput) =>
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
                    (change) => `${change.day}  ${change.from} → ${change.to}: ${change.about}. ${change.why}`
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

import { type BriefError, writeBrief } from "@allegiance/brief-app"
import { IsoDay } from "@allegiance/domain"
import { Console, Effect, Option, Schema } from "effect"
import type { BriefInput } from "../commands/brief.ts"
import { loadCase, reportCaseInputError } from "./case-input.ts"

const today = () => new Date().toISOString().slice(0, 10)

const reportBriefError = (error: BriefError) =>
  Effect.andThen(
    Console.error(error.message),
    Effect.sync(() => {
      process.exitCode = 1
    })
  )

export const brief = ({ case: caseName, db, asOf, question, output }: BriefInput) =>
  loadCase(caseName, db).pipe(
    Effect.flatMap(({ caseFile }) => {
      const day = Option.getOrElse(asOf, () => Schema.decodeSync(IsoDay)(today()))
      return writeBrief({
        caseFile,
        asOf: day,
        ...(Option.isSome(question) ? { question: question.value } : {}),
        ...(Option.isSome(output) ? { output: output.value } : {})
      }).pipe(
        Effect.flatMap((written) =>
          written.to === "standard output"
            ? Effect.void
            : Console.error(`Wrote the brief of ${caseFile.case.id} as of ${day} to ${written.to.file}.`)
        )
      )
    }),
    Effect.catchTag("CaseInputError", reportCaseInputError),
    Effect.catchTag("BriefError", reportBriefError)
  )

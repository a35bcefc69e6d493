import { caseSummary } from "@allegiance/present"
import { Console, Effect } from "effect"
import type { ShowInput } from "../commands/show.ts"
import { loadCase, reportCaseInputError } from "./case-input.ts"

export const show = ({ case: file, db }: ShowInput) =>
  loadCase(file, db).pipe(
    Effect.flatMap(({ caseFile }) => Console.log(caseSummary(caseFile))),
    Effect.catchTag("CaseInputError", reportCaseInputError)
  )

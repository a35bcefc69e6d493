import { caseSummary } from "@allegiance/present"
import { Console, Effect, Option } from "effect"
import type { OverviewInput } from "../main.ts"
import { loadCase, reportCaseInputError } from "./case-input.ts"

/** The main job: a summary of the bundled case as the store holds it. */
export const overview = ({ db }: OverviewInput) =>
  loadCase(Option.none(), db).pipe(
    Effect.flatMap(({ caseFile }) => Console.log(caseSummary(caseFile))),
    Effect.catchTag("CaseInputError", reportCaseInputError)
  )

import { caseSummary } from "@allegiance/present"
import { Console, Effect, Option } from "effect"
import { loadCase, reportCaseInputError } from "./case-input.ts"

/**
 * A case's text overview as the store holds it (the bundled case by default): what the main job prints
 * when it has no terminal to open the UI in.
 */
export const overview = ({
  db,
  case: caseName = Option.none()
}: {
  readonly db: Option.Option<string>
  readonly case?: Option.Option<string>
}) =>
  loadCase(caseName, db).pipe(
    Effect.flatMap(({ caseFile }) => Console.log(caseSummary(caseFile))),
    Effect.catchTag("CaseInputError", reportCaseInputError)
  )

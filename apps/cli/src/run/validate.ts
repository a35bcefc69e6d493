import { Console, Effect } from "effect"
import type { ValidateInput } from "../commands/validate.ts"
import { loadCaseFromFile, reportCaseInputError } from "./case-file-input.ts"

export const validate = ({ file }: ValidateInput) =>
  loadCaseFromFile(file).pipe(
    Effect.flatMap(({ caseFile }) =>
      Console.log(
        `${file}: valid. ${caseFile.actors.length} actors, ${caseFile.statements.length} statements, ${caseFile.claims.length} claims, ${caseFile.observations.length} observations.`
      )
    ),
    Effect.catchTag("CaseInputError", reportCaseInputError)
  )

/**
 * A case's brief as markdown, built by `@allegiance/brief` (what `allegiance brief` writes) from the
 * cached evaluation of the case at a revision and day, and kept with that evaluation: a brief read
 * again at the same revision and day is not built again.
 */
import { brief } from "@allegiance/brief"
import { questionIds } from "@allegiance/present"
import { Effect } from "effect"
import type { CaseServiceShape, ReadAt } from "./case-service.ts"
import { problem } from "./problems.ts"

/** The brief of the case at `at` (default: its head, as of today), of the whole case or of one question. */
export const caseBriefAt = (
  service: CaseServiceShape,
  caseName: string,
  at: ReadAt,
  question: string | undefined
) =>
  Effect.gen(function* () {
    const cached = yield* service.evaluation(caseName, at)
    if (question !== undefined) {
      const questions = questionIds(cached.caseFile)
      if (!questions.some((candidate) => candidate.id === question))
        return yield* problem(
          404,
          questions.length === 0
            ? `Case "${caseName}" holds no question, so there is no question "${question}" to brief: leave out question for a brief of the whole case.`
            : `Case "${caseName}" has no question "${question}"; its questions are ${questions.map((candidate) => candidate.id).join(", ")}.`
        )
    }
    const markdown = cached.derived(`brief ${question ?? ""}`, () =>
      brief(cached.caseFile, cached.evaluation(), question === undefined ? {} : { question }).markdown
    )
    return { cached, markdown }
  })

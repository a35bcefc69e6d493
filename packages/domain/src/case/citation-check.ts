import type { CaseFile } from "../model/case-file.ts"
import type { CaseProblem } from "./case-problem.ts"

type Path = ReadonlyArray<string | number>

/**
 * Every citation says where in which document: a paragraph or a place, in the case's own document or in
 * one of its `documents`, named by an id the case lists.
 */
export const checkCitations = (caseFile: CaseFile, problems: Array<CaseProblem>) => {
  // A reader that could not read the case section leaves it out and reports why; its citations are
  // then checked against no documents rather than not at all.
  const info = caseFile.case as CaseFile["case"] | undefined
  const documents = info?.documents ?? []
  const ids = new Set<string>()
  documents.forEach((document, i) => {
    if (ids.has(document.id))
      problems.push({
        path: ["case", "documents", i, "id"],
        message: `The document id "${document.id}" is used twice: each document needs its own id.`
      })
    ids.add(document.id)
  })
  const own = info === undefined || info.document !== undefined || documents.length === 0
  // Paths are made only for problems: a large case holds some 300,000 citations, nearly all right.
  const check = (
    cites: ReadonlyArray<{ readonly document?: string; readonly paragraph?: number; readonly at?: string }>,
    path: () => Path
  ) =>
    cites.forEach((citation, j) => {
      if (citation.document !== undefined && !ids.has(citation.document))
        problems.push({
          path: [...path(), "cites", j, "document"],
          message: `"${citation.document}" names no document of this case: expected the id of one of the case's documents.`
        })
      else if (citation.document === undefined && !own)
        problems.push({
          path: [...path(), "cites", j, "document"],
          message:
            "The case lists several documents and no main one: say which document this cites (document)."
        })
      if (citation.paragraph === undefined && citation.at === undefined && citation.document === undefined)
        problems.push({
          path: [...path(), "cites", j],
          message: "A citation must say where the item comes from: a paragraph, a place (at) or a document."
        })
    })
  for (const section of [
    "actors",
    "channels",
    "sources",
    "statements",
    "claims",
    "observations",
    "relationships",
    "questions"
  ] as const)
    caseFile[section].forEach((item, i) => {
      check(item.cites, () => [section, i])
    })
  caseFile.questions.forEach((question, i) => {
    question.hypotheses.forEach((hypothesis, j) => {
      check(hypothesis.cites, () => ["questions", i, "hypotheses", j])
    })
  })
}

import type { BriefMatrix, MatrixCell } from "@allegiance/present"
import type { RootContent } from "mdast"
import { bulletList, emphasis, type Phrasing, paragraph, strong, table } from "../markdown/nodes.ts"
import { capitalised, counted, oneLine } from "../markdown/words.ts"
import { verdictWords } from "./key-judgments.ts"
import type { BriefWriter } from "./writer.ts"

/** How many of the most diagnostic evidence items a question's summary names. */
const mostDiagnosticCount = 5

const cellWords = (cell: MatrixCell | undefined): ReadonlyArray<Phrasing> => {
  if (cell === undefined) return ["—"]
  const rating = cell.rating === "inconsistent" ? strong(cell.rating) : cell.rating
  return cell.by === "analyst" ? [rating, " (analyst)"] : [rating]
}

const questionSection = (
  writer: BriefWriter,
  matrix: BriefMatrix,
  index: number
): ReadonlyArray<RootContent> => {
  const { headings, footnotes } = writer
  const nodes: Array<RootContent> = [headings.make(3, matrix.text, `Question ${index + 1}`)]
  if (matrix.hypotheses.length === 0) {
    nodes.push(paragraph("The case gives this question no hypothesis yet."))
    return nodes
  }
  nodes.push(
    paragraph("The hypotheses, ranked by weighted inconsistency, fewest first:"),
    bulletList(
      matrix.hypotheses.map((hypothesis) => [
        emphasis(oneLine(hypothesis.text)),
        ` ${capitalised(hypothesis.status)}, `,
        ...verdictWords(hypothesis.status, hypothesis.confidence, hypothesis.confidenceReason).slice(1),
        ` ${counted(hypothesis.inconsistencies, "inconsistent item")}, weighted ${hypothesis.weightedInconsistency.toFixed(2)}.`
      ]),
      true
    )
  )
  if (matrix.evidence.length === 0) {
    nodes.push(paragraph("No evidence in the case bears on these hypotheses yet."))
    return nodes
  }
  nodes.push(
    paragraph(
      "How each piece of evidence rates against each hypothesis (columns by rank, as above), most diagnostic first:"
    ),
    table(
      ["Evidence", ...matrix.hypotheses.map((hypothesis) => String(hypothesis.rank)), "Diagnosticity"],
      matrix.evidence.map((row) => [
        // A table has room for the whole name; the sentence below keeps the label a list gives.
        [
          oneLine(matrix.evidenceUncut[row.id] ?? row.label) || row.id,
          ...footnotes.cite(matrix.evidenceSources[row.id] ?? [])
        ],
        ...matrix.hypotheses.map((hypothesis) => cellWords(row.cells[hypothesis.id])),
        [row.diagnosticity.toFixed(2)]
      ])
    )
  )
  const diagnostic = matrix.evidence.filter((row) => row.diagnosticity > 0).slice(0, mostDiagnosticCount)
  nodes.push(
    diagnostic.length === 0
      ? paragraph("No evidence sets these hypotheses apart yet: each item rates them all alike.")
      : paragraph(
          "The most diagnostic evidence is ",
          ...diagnostic.flatMap(
            (row, at): Array<Phrasing> => [
              ...(at === 0 ? [] : at === diagnostic.length - 1 ? [" and "] : [", "]),
              // Each by its label as printed, set apart as a title is.
              emphasis(oneLine(row.label) || row.id),
              ` (${row.diagnosticity.toFixed(2)})`
            ]
          ),
          "."
        )
  )
  return nodes
}

/** Each open question's competing hypotheses: the ranking, the matrix and the most diagnostic evidence. */
export const hypotheses = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Competing hypotheses", "Competing hypotheses")]
  if (content.hypotheses.length === 0) {
    nodes.push(paragraph("The case holds no open question."))
    return nodes
  }
  content.hypotheses.forEach((matrix, index) => {
    nodes.push(...questionSection(writer, matrix, index))
  })
  return nodes
}

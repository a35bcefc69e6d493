import type { HypothesesMatrix } from "@allegiance/present"
import {
  badge,
  blank,
  fit,
  heading,
  type Line,
  line,
  pad,
  paragraph,
  type Segment,
  targetLine
} from "../lines.ts"

const ratingMark = {
  consistent: { text: "C", tone: "good" },
  inconsistent: { text: "I", tone: "bad" },
  neutral: { text: "N", tone: "quiet" }
} as const

/**
 * The ACH matrix of one question, in 80 columns: the hypotheses listed with their rank, verdict and
 * weighted inconsistency, then one row per evidence item (most diagnostic first) with a narrow column
 * per hypothesis: C consistent, I inconsistent, N neutral, · not rated; ' marks an analyst's rating.
 */
export const hypothesesLines = (
  matrices: ReadonlyArray<HypothesesMatrix>,
  question: number,
  width: number
): ReadonlyArray<Line> => {
  const matrix = matrices[Math.min(question, matrices.length - 1)]
  if (matrix === undefined) return [line({ text: "The case asks no open question.", dim: true })]
  const lines: Array<Line> = [
    line(
      { text: `Question ${Math.min(question, matrices.length - 1) + 1} of ${matrices.length}`, dim: true },
      matrices.length > 1 ? { text: "  (← → for the others)", dim: true } : ""
    ),
    ...paragraph(matrix.text, width, { tone: "heading", bold: true }),
    blank
  ]
  matrix.hypotheses.forEach((hypothesis, at) => {
    lines.push(
      targetLine(
        hypothesis.id,
        { text: `H${at + 1}`, bold: true },
        ` #${hypothesis.rank} `,
        badge(hypothesis.badge),
        ` ${pad(hypothesis.confidence, 19)} inc ${hypothesis.inconsistencies} w ${hypothesis.weightedInconsistency.toFixed(2)}`
      )
    )
    lines.push(targetLine(hypothesis.id, { text: `   ${fit(hypothesis.text, width - 3)}`, dim: true }))
  })
  lines.push(blank)
  const columns = matrix.hypotheses.map((_, at) => pad(`H${at + 1}`, 4)).join("")
  const labelWidth = Math.max(20, width - 7 - 4 * matrix.hypotheses.length)
  lines.push(heading(`${pad("Evidence (most diagnostic first)", labelWidth)} diag ${columns}`))
  for (const evidence of matrix.evidence) {
    const cells = matrix.hypotheses.map((hypothesis): Segment => {
      const cell = evidence.cells[hypothesis.id]
      if (cell === undefined) return { text: "·   ", tone: "quiet" }
      const mark = ratingMark[cell.rating]
      return { text: pad(`${mark.text}${cell.by === "analyst" ? "'" : ""}`, 4), tone: mark.tone, bold: true }
    })
    lines.push(
      targetLine(
        evidence.id,
        pad(evidence.label, labelWidth),
        ` ${evidence.diagnosticity.toFixed(1).padStart(4)} `,
        ...cells
      )
    )
  }
  if (matrix.evidence.length === 0) lines.push(line({ text: "  no evidence bears on it yet", dim: true }))
  lines.push(
    blank,
    line({ text: "C consistent  I inconsistent  N neutral  · not rated  ' set by the analyst", dim: true })
  )
  lines.push(
    line({ text: "inc: inconsistent items; w: weighted inconsistency (lower ranks higher)", dim: true })
  )
  return lines
}

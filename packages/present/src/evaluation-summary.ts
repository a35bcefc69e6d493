import { type CaseEvaluation, explanationText, type Verdict } from "@allegiance/domain"

const line = (verdict: Verdict) =>
  `  ${verdict.status.toUpperCase().padEnd(11)} ${verdict.confidence.words.padEnd(19)} ${verdict.about}`

/**
 * A readable summary of an evaluation: every verdict with its status and confidence, then, for each, the
 * explanation a writer can paste, and what would settle what is contested.
 */
export const evaluationSummary = (
  evaluation: CaseEvaluation,
  options: { readonly explain: boolean }
): string => {
  const sections: Array<[string, ReadonlyArray<Verdict>]> = [
    ["Statements (is the attribution authentic?)", evaluation.statements],
    ["Claims (should they be accepted?)", evaluation.claims],
    ["Observations", evaluation.observations],
    ["Actors going on", evaluation.continuations],
    ["Relationships", evaluation.relationships.map((relationship) => relationship.verdict)]
  ]
  const lines = [`Evaluation of ${evaluation.caseId} as of ${evaluation.asOf}`]
  for (const [title, verdicts] of sections) {
    if (verdicts.length === 0) continue
    lines.push("", `${title}:`)
    for (const verdict of verdicts) {
      lines.push(line(verdict))
      if (options.explain) {
        lines.push(
          `      ${explanationText(verdict)}`,
          `      Confidence: ${verdict.confidence.words}, because ${verdict.confidence.reason}.`
        )
        if (verdict.wouldSettle.length > 0)
          lines.push(`      Would settle it: ${verdict.wouldSettle.join(" ")}`)
      }
    }
  }
  const lifecycle = evaluation.lifecycles.filter((life) => life.state !== "unknown")
  if (lifecycle.length > 0) {
    lines.push("", "Actors' lifecycle:")
    for (const life of lifecycle) lines.push(`  ${life.because}`)
  }
  for (const question of evaluation.questions) {
    lines.push("", `Question: ${question.text}`)
    for (const hypothesis of question.hypotheses)
      lines.push(
        `  ${hypothesis.rank}. ${hypothesis.text} ${hypothesis.verdict.status}, ${hypothesis.verdict.confidence.words}; ${hypothesis.inconsistencies} inconsistent (weighted ${hypothesis.weightedInconsistency.toFixed(2)})`
      )
    const diagnostic = question.diagnosticity.slice(0, 5)
    if (diagnostic.length > 0)
      lines.push(
        `  Most diagnostic evidence: ${diagnostic.map((d) => `${d.evidence} (${d.value.toFixed(2)})`).join(", ")}`
      )
  }
  if (evaluation.leftOut.length > 0) {
    lines.push("", `Not counted as of ${evaluation.asOf}:`)
    for (const item of evaluation.leftOut) lines.push(`  ${item.id}: ${item.reason}`)
  }
  return lines.join("\n")
}

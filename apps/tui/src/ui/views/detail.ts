import { badgeOf, type ItemDetail, writtenDay } from "@allegiance/present"
import type { HistoryProgress } from "../../access/case-access.ts"
import { badge, blank, heading, type Line, line, paragraph, targetLine, wrap } from "../lines.ts"

/** An item's detail: what it is, its verdict and why, its sources, date check, links and verdict history. */
export const detailLines = (
  detail: ItemDetail,
  history: HistoryProgress | undefined,
  width: number
): ReadonlyArray<Line> => {
  const lines: Array<Line> = [
    line({ text: `${detail.kind} `, dim: true }, { text: detail.label, bold: true })
  ]
  const verdict = detail.verdict
  if (verdict === undefined)
    lines.push(line({ text: "No verdict: not yet known on this day, or not judged.", dim: true }))
  else {
    lines.push(
      line(
        badge(verdict.badge),
        " ",
        { text: verdict.status, tone: verdict.badge.tone, bold: true },
        `, ${verdict.confidence}`
      )
    )
    lines.push(...paragraph(`Why that confidence: ${verdict.confidenceReason}`, width, {}, 2))
    lines.push(...paragraph(verdict.about, width, { dim: true }, 2))
    lines.push(blank, heading("Why"))
    verdict.explanation.forEach((step, at) => {
      lines.push(...paragraph(`${at + 1}. ${step.sentence}`, width, {}, 3))
      for (const link of step.links)
        lines.push(targetLine(link.id, { text: `     → ${link.label}`, tone: "accent" }))
    })
    if (verdict.wouldSettle.length > 0) {
      lines.push(blank, heading("What would settle it"))
      for (const settle of verdict.wouldSettle) lines.push(...paragraph(`- ${settle}`, width, {}, 2))
    }
    if (verdict.couldStillStand !== undefined)
      lines.push(
        blank,
        ...paragraph(
          `Could it still stand? ${
            verdict.couldStillStand
              ? "Yes: in some consistent reading of the evidence it is accepted."
              : "No: no consistent reading of the evidence accepts it."
          }`,
          width,
          {},
          2
        )
      )
  }
  if (detail.facts.length > 0) {
    lines.push(blank, heading("What it is"))
    for (const fact of detail.facts) {
      const [first, ...rest] = wrap(`${fact.name}: ${fact.value}`, width, 2)
      lines.push(line({ text: `${fact.name}:`, dim: true }, first!.slice(fact.name.length + 1)))
      for (const more of rest) lines.push(line(more))
    }
  }
  if (detail.dateCheck !== undefined) {
    lines.push(blank, heading("Date check"))
    const tone =
      detail.dateCheck.verdict === "consistent"
        ? "good"
        : detail.dateCheck.verdict === "inconsistent"
          ? "bad"
          : "mixed"
    lines.push(
      line({ text: detail.dateCheck.verdict, tone, bold: true }, ` (${detail.dateCheck.gapDays} days apart)`)
    )
    lines.push(...paragraph(detail.dateCheck.explanation, width, {}, 2))
  }
  if (detail.sources.length > 0) {
    lines.push(blank, heading("Sources"))
    for (const source of detail.sources)
      lines.push(targetLine(source.id, `  ${source.grade}: `, { text: source.description, tone: "accent" }))
  }
  if (detail.links.length > 0) {
    lines.push(blank, heading("Names (Enter follows, Esc comes back)"))
    for (const link of detail.links)
      lines.push(targetLine(link.id, `  ${link.role}: `, { text: link.label, tone: "accent" }))
  }
  lines.push(blank, heading("Verdict history"))
  if (history === undefined) lines.push(line({ text: "  working it out…", dim: true }))
  else {
    if (history.changes.length === 0 && history.done)
      lines.push(line({ text: "  no change up to this day", dim: true }))
    for (const change of history.changes) {
      lines.push(
        line(`  ${writtenDay(change.day)}  `, badge(badgeOf(change.to)), ` ${change.from} → ${change.to}`)
      )
      lines.push(...paragraph(`    ${change.why}`, width, { dim: true }, 4))
    }
    if (!history.done)
      lines.push(
        line({
          text: `  working it out: ${history.daysDone} of ${history.daysInAll} event days${history.through === undefined ? "" : `, through ${writtenDay(history.through)}`}…`,
          dim: true
        })
      )
  }
  return lines
}

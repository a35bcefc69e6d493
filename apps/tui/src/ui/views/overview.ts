import { type AsOfView, badgeOf, type CaseOutline, listedAtMost, writtenDay } from "@allegiance/present"
import { badge, blank, fit, heading, type Line, line, paragraph, targetLine } from "../lines.ts"

const subjects: Record<string, string> = {
  statement: "Statements",
  claim: "Claims",
  observation: "Observations",
  continuation: "Goes on",
  relationship: "Relationships",
  hypothesis: "Hypotheses"
}

/** How many contested or changed items the overview lists before pointing to the timeline (what a view lists). */
const shownAtMost = listedAtMost

/** What the case holds, before any verdict is in. */
export const caseSizeLines = ({ counts }: CaseOutline): ReadonlyArray<Line> => [
  line(
    `${counts.actors} actors, ${counts.channels} channels, ${counts.sources} sources, ` +
      `${counts.statements} statements, ${counts.claims} claims, ` +
      `${counts.observations} observations, ${counts.questions} questions`
  )
]

/** The key judgments: each question's ranked hypotheses, what is contested, what just changed, counts. */
export const overviewLines = (
  view: AsOfView,
  outline: CaseOutline,
  width: number,
  previousDay: string | undefined
): ReadonlyArray<Line> => {
  const { judgments } = view
  const lines: Array<Line> = [...caseSizeLines(outline), blank]
  for (const question of judgments.questions) {
    lines.push(...paragraph(`Q: ${question.text}`, width, { tone: "heading", bold: true }, 3))
    for (const hypothesis of question.ranked)
      lines.push(
        targetLine(
          hypothesis.id,
          `  ${hypothesis.rank}. `,
          badge(hypothesis.badge),
          ` ${hypothesis.confidence.padEnd(19)} `,
          fit(hypothesis.text, width - 30)
        )
      )
    lines.push(blank)
  }
  const since = previousDay === undefined ? "the day looked at before" : writtenDay(previousDay as never)
  lines.push(heading(`Changed since ${since} (${view.totals.changed})`))
  if (previousDay === undefined)
    lines.push(line({ text: "  move the as-of day ([ ] { } ( ) < >) to see what changes", dim: true }))
  else if (view.totals.changed === 0) lines.push(line({ text: "  no verdict changed", dim: true }))
  for (const shift of judgments.changed.slice(0, shownAtMost))
    lines.push(
      targetLine(
        shift.id,
        { text: "* ", tone: "changed", bold: true },
        badge(badgeOf(shift.to)),
        ` ${fit(`${shift.from} → ${shift.to}: ${shift.about}`, width - 6)}`
      )
    )
  if (view.totals.changed > shownAtMost)
    lines.push(
      line({
        text: `  and ${view.totals.changed - shownAtMost} more, marked * in the timeline`,
        dim: true
      })
    )
  lines.push(blank)
  lines.push(heading(`Contested (${view.totals.contested})`))
  if (view.totals.contested === 0) lines.push(line({ text: "  nothing is contested", dim: true }))
  for (const item of judgments.contested.slice(0, shownAtMost))
    lines.push(targetLine(item.id, "  ", badge(item.badge), ` ${fit(item.about, width - 6)}`))
  if (view.totals.contested > shownAtMost)
    lines.push(
      line({
        text: `  and ${view.totals.contested - shownAtMost} more: the timeline lists them all (3, then S for a status)`,
        dim: true
      })
    )
  lines.push(blank, heading("Verdicts by status"))
  lines.push(line({ text: `  ${"".padEnd(14)} established  contested  refuted  unsupported`, dim: true }))
  for (const count of judgments.counts) {
    const { established, contested, refuted, unsupported } = count.counts
    if (established + contested + refuted + unsupported === 0) continue
    lines.push(
      line(
        `  ${(subjects[count.subject] ?? count.subject).padEnd(14)} `,
        { text: String(established).padStart(11), tone: "good" },
        { text: String(contested).padStart(11), tone: "mixed" },
        { text: String(refuted).padStart(9), tone: "bad" },
        { text: String(unsupported).padStart(13), tone: "quiet" }
      )
    )
  }
  if (judgments.leftOut > 0)
    lines.push(line({ text: `  ${judgments.leftOut} items left out: not yet known on this day`, dim: true }))
  return lines
}

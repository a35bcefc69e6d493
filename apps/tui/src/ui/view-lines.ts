/**
 * The lines a view draws, as of what has arrived: the overview before and after the verdicts, the
 * actors, relationships, hypotheses, history and an item's detail. The timeline is drawn a window at a
 * time instead (`list-model.ts`), and has no lines of its own here.
 */
import type { IsoDay } from "@allegiance/domain"
import { type CaseOutline, writtenDay } from "@allegiance/present"
import type { CaseSession } from "./case-session.ts"
import { type Line, line } from "./lines.ts"
import type { ViewName } from "./view-names.ts"
import { actorLines } from "./views/actors.ts"
import { detailLines } from "./views/detail.ts"
import { historyLines } from "./views/history.ts"
import { hypothesesLines } from "./views/hypotheses.ts"
import { caseSizeLines, overviewLines } from "./views/overview.ts"
import { relationshipLines } from "./views/relationships.ts"

export const viewLines = (input: {
  readonly view: ViewName
  readonly outline: CaseOutline
  readonly session: Pick<CaseSession, "shown" | "revisions" | "detail" | "history" | "rows">
  readonly asOf: IsoDay
  readonly detailId: string | undefined
  readonly question: number
  readonly width: number
}): ReadonlyArray<Line> | undefined => {
  const { view, outline, session, asOf, detailId, width } = input
  const { shown, detail, history, rows } = session
  const waiting = [line({ text: `Working out the verdicts as of ${writtenDay(asOf)}…`, tone: "accent" })]
  switch (view) {
    case "overview":
      return shown === undefined
        ? [...caseSizeLines(outline), line(""), ...waiting]
        : overviewLines(shown.view, outline, width, shown.previousDay)
    case "actors":
      return rows?.kind === "actors" ? actorLines(rows.rows, width) : waiting
    case "relationships":
      return rows?.kind === "relationships" ? relationshipLines(rows.rows, width) : waiting
    case "hypotheses":
      return rows?.kind === "hypotheses" ? hypothesesLines(rows.rows, input.question, width) : waiting
    case "history":
      return historyLines(session.revisions?.rows, width)
    case "detail": {
      const current =
        detail !== undefined && detail.id === detailId && detail.asOf === asOf ? detail : undefined
      if (current === undefined) return [line({ text: "Reading the item…", dim: true })]
      if (current.detail === undefined) return [line(`The case holds no item ${detailId}.`)]
      return detailLines(
        current.detail,
        history?.id === detailId && history?.asOf === asOf ? history.progress : undefined,
        width
      )
    }
    case "timeline":
      return undefined
  }
}

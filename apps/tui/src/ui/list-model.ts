/**
 * The list the current view shows, as a window of the terminal's height: the timeline's rows (filtered,
 * with the day's verdicts and marks) or the view's lines; how long it is, the line selected (kept on
 * the list when it shrinks under it), where the window starts, and the item each line opens.
 */
import { type CaseOutline, type TimelineIndex, type TimelineRow, timelineIndex } from "@allegiance/present"
import { useMemo } from "react"
import type { CaseSession } from "./case-session.ts"
import { useWindowStart } from "./draw.tsx"
import type { Line } from "./lines.ts"
import type { UiState } from "./state.ts"
import { viewLines } from "./view-lines.ts"
import { timelineWindow } from "./views/timeline.ts"

export interface ListModel {
  readonly timeline: TimelineIndex | undefined
  /** The timeline's places the filter keeps, when it keeps some only. */
  readonly places: ReadonlyArray<number> | undefined
  readonly length: number
  readonly selected: number
  readonly from: number
  readonly height: number
  readonly lines: ReadonlyArray<Line>
  /** The item the line at `at` opens, if any. */
  readonly targetAt: (at: number) => string | undefined
  /** The timeline row selected, when the timeline shows. */
  readonly currentRow: TimelineRow | undefined
}

export const useListModel = (
  state: UiState,
  session: CaseSession,
  outline: CaseOutline | undefined,
  width: number,
  height: number
): ListModel => {
  const timeline = useMemo(() => (outline === undefined ? undefined : timelineIndex(outline)), [outline])
  const verdicts = session.current?.timeline
  const filtering =
    state.filter.actor !== undefined ||
    state.filter.channel !== undefined ||
    state.filter.status !== undefined ||
    (state.filter.text ?? "") !== ""
  const places = useMemo(
    () => (timeline === undefined || !filtering ? undefined : timeline.filter(state.filter, verdicts)),
    [timeline, filtering, state.filter, verdicts]
  )
  const detailId = state.view === "detail" ? state.trail.at(-1)?.id : undefined
  const { shown, revisions, detail, history, rows } = session
  const lines = useMemo(
    () =>
      outline === undefined
        ? undefined
        : viewLines({
            view: state.view,
            outline,
            session: { shown, revisions, detail, history, rows },
            asOf: state.asOf,
            detailId,
            question: state.question,
            width: width - 2
          }),
    [
      outline,
      state.view,
      state.asOf,
      state.question,
      shown,
      revisions,
      detail,
      history,
      rows,
      detailId,
      width
    ]
  )
  const isTimeline = state.view === "timeline"
  const length = isTimeline ? (places?.length ?? timeline?.length ?? 0) : (lines?.length ?? 0)
  // The list may have shrunk under the selection (an undo, a filter, another day): keep it on a line.
  const selected = Math.max(0, Math.min(state.lines[state.view], length - 1))
  const from = useWindowStart(selected, height, length)
  const changed = useMemo(() => new Set(session.current?.changed ?? []), [session.current])
  const hits = useMemo(() => new Set(state.search?.hits ?? []), [state.search])
  const windowLines =
    isTimeline && timeline !== undefined
      ? timelineWindow(timeline, places, from, height, verdicts, changed, hits, width - 2)
      : (lines ?? []).slice(from, from + height)
  const placeAt = (at: number) => (places === undefined ? at : places[at]!)
  return {
    timeline,
    places,
    length,
    selected,
    from,
    height,
    lines: windowLines,
    targetAt: (at) => {
      if (!isTimeline) return lines?.[at]?.target
      if (timeline === undefined || at >= length) return undefined
      return timeline.idAt(placeAt(at))
    },
    currentRow:
      isTimeline && timeline !== undefined && length > 0
        ? timeline.row(placeAt(Math.min(selected, length - 1)), verdicts)
        : undefined
  }
}

/** The views of the UI, their titles, and the ones one key away, in tab order. */
export type ViewName =
  | "overview"
  | "actors"
  | "timeline"
  | "detail"
  | "relationships"
  | "hypotheses"
  | "history"

export const viewTitles: Record<ViewName, string> = {
  overview: "Overview",
  actors: "Actors",
  timeline: "Timeline",
  detail: "Detail",
  relationships: "Relationships",
  hypotheses: "Hypotheses",
  history: "History"
}

/** The views one key away, in tab order, with their key. */
export const tabs: ReadonlyArray<{ readonly view: ViewName; readonly key: string }> = [
  { view: "overview", key: "1" },
  { view: "actors", key: "2" },
  { view: "timeline", key: "3" },
  { view: "relationships", key: "4" },
  { view: "hypotheses", key: "5" },
  { view: "history", key: "6" }
]

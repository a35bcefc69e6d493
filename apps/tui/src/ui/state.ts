/**
 * Where the reader is: which view, which line of each, the as-of day, the detail trail, the timeline's
 * filter and search, and what overlay is open. Only navigation; what the views say comes from
 * @allegiance/present, and what the case holds from the `CaseAccess`.
 */
import type { IsoDay } from "@allegiance/domain"
import type { FormSession, TimelineFilter } from "@allegiance/present"
import type { ViewName } from "./view-names.ts"

export type Overlay =
  | { readonly type: "none" }
  | { readonly type: "help"; readonly line: number }
  | {
      readonly type: "prompt"
      readonly prompt: "as-of" | "search" | "words"
      readonly text: string
      readonly problem?: string
    }
  | { readonly type: "confirm-undo" }

export interface UiState {
  readonly view: ViewName
  /** The view Detail was opened from, to go back to. */
  readonly from: ViewName
  readonly asOf: IsoDay
  /** The items of the detail trail; the last is shown, Esc goes back one. */
  readonly trail: ReadonlyArray<{ readonly id: string; readonly line: number }>
  /** The selected line of each view. */
  readonly lines: Readonly<Record<ViewName, number>>
  readonly filter: TimelineFilter
  readonly search?: { readonly words: string; readonly hits: ReadonlyArray<number> }
  readonly question: number
  readonly overlay: Overlay
  readonly form?: FormSession
  /** The last thing the UI has to say (saved, undone, what went wrong). */
  readonly message?: { readonly text: string; readonly tone: "good" | "bad" | "quiet" } | undefined
}

export const initialState = (asOf: IsoDay): UiState => ({
  view: "overview",
  from: "overview",
  asOf,
  trail: [],
  lines: { overview: 0, actors: 0, timeline: 0, detail: 0, relationships: 0, hypotheses: 0, history: 0 },
  filter: {},
  question: 0,
  overlay: { type: "none" }
})

export type Action =
  | { readonly type: "show"; readonly view: ViewName }
  | { readonly type: "select"; readonly line: number }
  | { readonly type: "open"; readonly id: string }
  | { readonly type: "back" }
  | { readonly type: "as-of"; readonly day: IsoDay }
  | { readonly type: "filter"; readonly filter: TimelineFilter }
  | { readonly type: "search"; readonly words: string; readonly hits: ReadonlyArray<number> }
  | { readonly type: "question"; readonly question: number }
  | { readonly type: "overlay"; readonly overlay: Overlay }
  | { readonly type: "form"; readonly form: FormSession | undefined }
  | { readonly type: "message"; readonly message: UiState["message"] | undefined }

export const reduce = (state: UiState, action: Action): UiState => {
  switch (action.type) {
    case "show":
      return {
        ...state,
        view: action.view,
        trail: action.view === "detail" ? state.trail : [],
        message: undefined
      }
    case "select":
      return { ...state, lines: { ...state.lines, [state.view]: Math.max(0, action.line) } }
    case "open": {
      const from = state.view === "detail" ? state.from : state.view
      const trail = [...state.trail, { id: action.id, line: state.lines.detail }]
      return {
        ...state,
        view: "detail",
        from,
        trail,
        lines: { ...state.lines, detail: 0 },
        message: undefined
      }
    }
    case "back": {
      if (state.trail.length <= 1) return { ...state, view: state.from, trail: [] }
      const last = state.trail.at(-1)!
      return { ...state, trail: state.trail.slice(0, -1), lines: { ...state.lines, detail: last.line } }
    }
    case "as-of":
      return { ...state, asOf: action.day }
    case "filter":
      return { ...state, filter: action.filter, lines: { ...state.lines, timeline: 0 } }
    case "search":
      return { ...state, search: { words: action.words, hits: action.hits } }
    case "question":
      return { ...state, question: action.question, lines: { ...state.lines, hypotheses: 0 } }
    case "overlay":
      return { ...state, overlay: action.overlay }
    case "form":
      return action.form === undefined
        ? (({ form: _, ...rest }) => rest)(state)
        : { ...state, form: action.form }
    case "message":
      return action.message === undefined
        ? (({ message: _, ...rest }) => rest)(state)
        : { ...state, message: action.message }
  }
}

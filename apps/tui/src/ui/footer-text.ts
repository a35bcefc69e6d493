/** What the footer says: the prompt being typed with its reading, the undo question, the last message, or the keys to know. */
import type { CaseLabels, TimelineFilter } from "@allegiance/present"
import { readAsOfDay } from "@allegiance/present"
import { Result } from "effect"
import type { RevisionStamp } from "../access/case-access.ts"
import type { UiState } from "./state.ts"

/** The timeline's filters, in words. */
export const filterWords = (filter: TimelineFilter, labels: CaseLabels | undefined): ReadonlyArray<string> =>
  [
    filter.actor === undefined ? "" : `actor ${labels?.of(filter.actor) ?? filter.actor}`,
    filter.channel === undefined ? "" : `channel ${labels?.of(filter.channel) ?? filter.channel}`,
    filter.status === undefined ? "" : `status ${filter.status}`,
    (filter.text ?? "") === "" ? "" : `words "${filter.text}"`
  ].filter((part) => part !== "")

const asks = { "as-of": "As of", search: "Search", words: "Keep rows with" }

export const footerText = (input: {
  readonly state: UiState
  readonly revision: RevisionStamp | undefined
  readonly labels: CaseLabels | undefined
  /** The timeline's rows shown, and in all. */
  readonly rows: { readonly shown: number; readonly all: number }
  readonly width: number
}): string => {
  const { state, revision } = input
  const overlay = state.overlay
  if (overlay.type === "prompt") {
    const reading =
      overlay.prompt === "as-of"
        ? overlay.text.trim() === ""
          ? "  (2015-01-09, 9 January 2015, 18 Rabi' al-Awwal 1436)"
          : Result.match(readAsOfDay(overlay.text), {
              onSuccess: (read) => ` → ${read.reading}`,
              onFailure: () => ""
            })
        : ""
    return `${asks[overlay.prompt]}: ${overlay.text}▏${reading}${overlay.problem === undefined ? "" : `  ✘ ${overlay.problem}`}`
  }
  if (overlay.type === "confirm-undo")
    return `Undo revision ${revision?.number} (${revision?.author}: ${revision?.reason})? y: undo, any other key: keep it`
  if (state.message !== undefined) return state.message.text
  if (state.form !== undefined)
    return "Ctrl-S save  Esc close  ↑ ↓ fields  Enter pick or add  ? keys of the form"
  if (state.view === "timeline") {
    const words = filterWords(state.filter, input.labels)
    return `${input.rows.shown} of ${input.rows.all} rows${words.length === 0 ? "" : ` · ${words.join(", ")} (x clears)`} · * changed at this step · ? help`
  }
  return input.width >= 92
    ? "? keys  q quit  as of: [ ] day  { } week  ( ) month  < > event  g date  s c o add  u undo"
    : "? keys  q quit  as of: [ ] { } ( ) < > g  add: s c o  u undo"
}

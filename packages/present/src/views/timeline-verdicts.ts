/**
 * The verdicts of an outline's timeline as of one day, place by place: one letter for each row's status
 * and one for how sure. This is what crosses from where the case is reasoned over (a worker thread, a
 * server) to where it is drawn on every as-of step: two strings of one character a row, where the
 * verdicts themselves hold explanations no list shows.
 */
import { type Estimative, estimativeScale, type Status } from "@allegiance/domain"
import type { CaseOutline } from "./case-outline.ts"
import { outlineLookup } from "./outline-names.ts"
import type { VerdictLookup } from "./verdicts.ts"

export interface TimelineVerdicts {
  /** One letter per place: E established, R refuted, C contested, U unsupported, - not yet known. */
  readonly statuses: string
  /** One letter per place, a for the first word of the estimative scale, b for the next...; - for none. */
  readonly confidences: string
}

const statusLetters: Record<Status, string> = {
  established: "E",
  refuted: "R",
  contested: "C",
  unsupported: "U"
}
const statusOfLetter = new Map<string, Status>(
  Object.entries(statusLetters).map(([status, letter]) => [letter, status as Status])
)
const confidenceLetter = new Map<string, string>(
  estimativeScale.map((words, at) => [words, String.fromCharCode(97 + at)])
)

/** The verdicts `verdicts` gives each place of `outline`'s timeline. */
export const timelineVerdicts = (outline: CaseOutline, verdicts: VerdictLookup): TimelineVerdicts => {
  const { items } = outline.timeline
  const { ids } = outline.names
  const statuses = new Array<string>(items.length)
  const confidences = new Array<string>(items.length)
  for (let at = 0; at < items.length; at++) {
    const verdict = verdicts.get(ids[items[at]!]!)
    statuses[at] = verdict === undefined ? "-" : statusLetters[verdict.status]
    confidences[at] = verdict === undefined ? "-" : (confidenceLetter.get(verdict.confidence.words) ?? "-")
  }
  return { statuses: statuses.join(""), confidences: confidences.join("") }
}

/** The verdict at a place, as a list shows it; undefined when not yet known (or no verdicts are in). */
export const verdictAt = (
  verdicts: TimelineVerdicts | undefined,
  at: number
): { readonly status: Status; readonly confidence: { readonly words: Estimative } } | undefined => {
  const status = verdicts === undefined ? undefined : statusOfLetter.get(verdicts.statuses[at] ?? "-")
  if (status === undefined) return undefined
  const code = (verdicts!.confidences.charCodeAt(at) || 0) - 97
  return { status, confidence: { words: estimativeScale[code] ?? estimativeScale[0]! } }
}

/** The same verdicts looked up by item id (for what is not drawn by place). */
export const timelineVerdictLookup = (
  outline: CaseOutline,
  verdicts: TimelineVerdicts | undefined
): VerdictLookup => {
  const lookup = outlineLookup(outline)
  let places: Map<number, number> | undefined
  return {
    get: (id) => {
      const item = lookup.indexOf(id)
      if (item === undefined) return undefined
      if (places === undefined) places = new Map(outline.timeline.items.map((entry, at) => [entry, at]))
      const at = places.get(item)
      return at === undefined ? undefined : verdictAt(verdicts, at)
    }
  }
}

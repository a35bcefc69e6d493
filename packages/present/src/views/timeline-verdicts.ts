/**
 * The verdicts of an outline's timeline as of one day, place by place: one letter for each row's status
 * and one for how sure. This is what crosses from where the case is reasoned over (a worker thread, a
 * server) to where it is drawn on every as-of step: two strings of one character a row, where the
 * verdicts themselves hold explanations no list shows.
 */
import { type Estimative, estimativeScale, type Status } from "@allegiance/domain"
import type { CaseOutline } from "./case-outline.ts"
import { outlineLookup } from "./outline-names.ts"
import { differenceOf, type VerdictIndex } from "./verdict-index.ts"
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
  const known = worked.get(verdicts)
  if (known?.timeline === outline.timeline) return known.verdicts
  const patched = patchedFromEarlier(outline, verdicts)
  if (patched !== undefined) return remember(outline, verdicts, patched)
  const { items } = outline.timeline
  const { ids } = outline.names
  const statuses = new Array<string>(items.length)
  const confidences = new Array<string>(items.length)
  for (let at = 0; at < items.length; at++) {
    const verdict = verdicts.get(ids[items[at]!]!)
    statuses[at] = statusLetter(verdict)
    confidences[at] = confidenceLetterOf(verdict)
  }
  return remember(outline, verdicts, { statuses: statuses.join(""), confidences: confidences.join("") })
}

type Judged = ReturnType<VerdictLookup["get"]>
const statusLetter = (verdict: Judged) => (verdict === undefined ? "-" : statusLetters[verdict.status])
const confidenceLetterOf = (verdict: Judged) =>
  verdict === undefined ? "-" : (confidenceLetter.get(verdict.confidence.words) ?? "-")

/** The timeline verdicts worked out for each lookup, with the outline they are of. */
const worked = new WeakMap<
  VerdictLookup,
  {
    readonly timeline: CaseOutline["timeline"]
    readonly names: CaseOutline["names"]
    readonly verdicts: TimelineVerdicts
  }
>()
const remember = (outline: CaseOutline, verdicts: VerdictLookup, timeline: TimelineVerdicts) => {
  worked.set(verdicts, { timeline: outline.timeline, names: outline.names, verdicts: timeline })
  return timeline
}

/**
 * The timeline verdicts of an index built from an earlier one whose own were worked out: a step of the
 * as-of day or a save changes a few hundred places of a 100,000-row timeline. On the same timeline, those
 * places are written again; on a timeline a save changed (a row put in), each row takes its earlier letter
 * from where it was, which needs no verdict looked up. Outlines that follow one another by saved items
 * name the same items at the same places, and an outline made afresh is checked to.
 */
const patchedFromEarlier = (outline: CaseOutline, verdicts: VerdictLookup): TimelineVerdicts | undefined => {
  const difference = differenceOf(verdicts as VerdictIndex)
  if (difference === undefined) return undefined
  const earlier = worked.get(difference.from)
  if (earlier === undefined || !namesAlike(earlier.names.ids, outline.names.ids)) return undefined
  const lookup = outlineLookup(outline)
  const { items } = outline.timeline
  const { ids } = outline.names
  const letters = (verdict: Judged) => [statusLetter(verdict), confidenceLetterOf(verdict)] as const
  if (earlier.timeline === outline.timeline) {
    const places = placesOfIds(
      outline,
      difference.changes.map((change) => change.id)
    )
    const rewrite = (text: string, letter: (verdict: Judged) => string) => {
      const pieces: Array<string> = []
      let from = 0
      for (const at of places) {
        pieces.push(text.slice(from, at), letter(verdicts.get(ids[items[at]!]!)))
        from = at + 1
      }
      pieces.push(text.slice(from))
      return pieces.join("")
    }
    return {
      statuses: rewrite(earlier.verdicts.statuses, statusLetter),
      confidences: rewrite(earlier.verdicts.confidences, confidenceLetterOf)
    }
  }
  const wasAt = placesIn(earlier.timeline, earlier.names.ids.length)
  const redo = new Uint8Array(ids.length)
  for (const change of difference.changes) {
    const item = lookup.indexOf(change.id)
    if (item !== undefined) redo[item] = 1
  }
  const statuses = new Array<string>(items.length)
  const confidences = new Array<string>(items.length)
  const { statuses: statusesThen, confidences: confidencesThen } = earlier.verdicts
  for (let at = 0; at < items.length; at++) {
    const item = items[at]!
    const then = item < wasAt.length ? wasAt[item]! : -1
    if (then >= 0 && redo[item] === 0) {
      statuses[at] = statusesThen[then]!
      confidences[at] = confidencesThen[then]!
    } else {
      ;[statuses[at], confidences[at]] = letters(verdicts.get(ids[item]!))
    }
  }
  return { statuses: statuses.join(""), confidences: confidences.join("") }
}

/** Whether `later` names every item `earlier` names, at the same places (and maybe more after them). */
const namesAlike = (earlier: ReadonlyArray<string>, later: ReadonlyArray<string>): boolean => {
  if (earlier === later) return true
  if (later.length < earlier.length) return false
  for (let at = 0; at < earlier.length; at++) if (earlier[at] !== later[at]) return false
  return true
}

/** The places of the timeline that show the items of `ids` (those it shows), in order. */
export const placesOfIds = (outline: CaseOutline, ids: Iterable<string>): Array<number> => {
  const lookup = outlineLookup(outline)
  const placeOf = timelinePlaces(outline)
  const places: Array<number> = []
  for (const id of ids) {
    const item = lookup.indexOf(id)
    const at = item === undefined ? -1 : placeOf[item]!
    if (at >= 0) places.push(at)
  }
  return places.sort((a, b) => a - b)
}

/** For each item of the outline's names, its place in the timeline, or -1 (an item the timeline does not show). */
export const timelinePlaces = (outline: CaseOutline): Int32Array =>
  placesIn(outline.timeline, outline.names.ids.length)

const placesIn = (timeline: CaseOutline["timeline"], named: number): Int32Array => {
  let places = placesOf.get(timeline)
  if (places === undefined || places.length < named) {
    places = new Int32Array(named).fill(-1)
    timeline.items.forEach((item, at) => {
      places![item] = at
    })
    placesOf.set(timeline, places)
  }
  return places
}
const placesOf = new WeakMap<CaseOutline["timeline"], Int32Array>()

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
  return {
    get: (id) => {
      const item = lookup.indexOf(id)
      const at = item === undefined ? -1 : (timelinePlaces(outline)[item] ?? -1)
      return at < 0 ? undefined : verdictAt(verdicts, at)
    }
  }
}

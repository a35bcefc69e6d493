/**
 * An outline's items by id: what each id names (its section and kind) and what a reader calls it. The
 * index is built once per outline, when first asked: a first screen draws rows by their place and
 * needs none of it.
 */
import type { ItemSection } from "@allegiance/domain"
import { type CaseOutline, sectionLetters } from "./case-outline.ts"
import type { CaseLabels, ItemKind } from "./labels.ts"

export interface OutlineLookup extends CaseLabels {
  /** The item's place in `outline.names`. */
  readonly indexOf: (id: string) => number | undefined
  readonly sectionOf: (id: string) => ItemSection | undefined
}

const sectionOfLetter = new Map<string, ItemSection>(
  Object.entries(sectionLetters).map(([section, letter]) => [letter, section as ItemSection])
)
const kindOfSection: Record<string, ItemKind> = {
  actors: "actor",
  channels: "channel",
  sources: "source",
  statements: "statement",
  claims: "claim",
  observations: "observation"
}

const lookups = new WeakMap<CaseOutline, OutlineLookup>()
/**
 * Each outline's index of ids, when built. Outlines that follow one another by saved items name the
 * same items at the same places, and only add to the end: they share one index, which answers for
 * an outline only the places it has.
 */
const indexes = new WeakMap<CaseOutline, Map<string, number>>()

/** Indexes begun a slice at a time (`outlineIndexer`): the index so far, and the next place to take. */
const begun = new WeakMap<CaseOutline, { readonly index: Map<string, number>; next: number }>()

/** Adds up to `count` more ids to the outline's index; whether it is complete. */
const indexMore = (outline: CaseOutline, count: number): boolean => {
  if (indexes.has(outline)) return true
  let partial = begun.get(outline)
  if (partial === undefined) {
    partial = { index: new Map(), next: 0 }
    begun.set(outline, partial)
  }
  const { ids } = outline.names
  const { index } = partial
  const end = Math.min(ids.length, partial.next + count)
  for (let at = partial.next; at < end; at++) if (!index.has(ids[at]!)) index.set(ids[at]!, at)
  partial.next = end
  if (end < ids.length) return false
  indexes.set(outline, index)
  begun.delete(outline)
  return true
}

const indexFor = (outline: CaseOutline) => {
  indexMore(outline, Number.POSITIVE_INFINITY)
  return indexes.get(outline)!
}

/**
 * Builds the outline's index of ids now rather than when first asked: for a caller about to spend
 * seconds anyway (a whole evaluation), so that the first step after it, which looks up the places of
 * what changed, does not wait for an index of hundreds of thousands of ids.
 */
export const indexOutline = (outline: CaseOutline): void => {
  indexFor(outline)
}

/**
 * The outline's index of ids built a slice at a time, for a thread that draws and must not stop for the
 * tenth of a second a large case's index takes: each call adds a slice (`count` ids) and says whether the
 * index is complete. Asked for meanwhile, the index is completed at once.
 */
export const outlineIndexer =
  (outline: CaseOutline, count = 20_000): (() => boolean) =>
  () =>
    indexMore(outline, count)

/** `next` names what `outline` names at the same places, and `added` after them: it shares the index. */
export const carryIndex = (
  outline: CaseOutline,
  next: CaseOutline,
  added: ReadonlyArray<readonly [id: string, at: number]>
): void => {
  const index = indexes.get(outline)
  if (index === undefined) return
  for (const [id, at] of added) if (!index.has(id)) index.set(id, at)
  indexes.set(next, index)
}

export const outlineLookup = (outline: CaseOutline): OutlineLookup => {
  const known = lookups.get(outline)
  if (known !== undefined) return known
  const { ids, sections, labels } = outline.names
  const indexOf = (id: string) => {
    const at = indexFor(outline).get(id)
    return at !== undefined && ids[at] === id ? at : undefined
  }
  const sectionOf = (id: string) => {
    const at = indexOf(id)
    return at === undefined ? undefined : sectionOfLetter.get(sections[at]!)
  }
  const lookup: OutlineLookup = {
    indexOf,
    sectionOf,
    of: (id) => {
      const at = indexOf(id)
      return at === undefined ? id : labels[at]!
    },
    kindOf: (id) => {
      const section = sectionOf(id)
      return section === undefined ? undefined : kindOfSection[section]
    }
  }
  lookups.set(outline, lookup)
  return lookup
}

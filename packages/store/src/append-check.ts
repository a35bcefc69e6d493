/**
 * Checking a write that only adds statements, claims or observations without checking the whole case
 * again. Such items name other items and are named by none yet, so what they can leave wrong is theirs
 * alone: a reference to nothing, or to an item of the wrong kind, or a missing date. They are checked
 * together with just the items they name, by the same integrity check a case file gets, so the
 * problems found (and their wording) are those of a whole check.
 *
 * That holds when the case they join was sound: in a case with problems of its own (a store written
 * before these checks), a new item could settle or change an old problem, and only a whole check can
 * tell. Whether a case is sound is worked out once per line of revisions and carried along as items
 * are appended, with an index of its ids: an appended item whose id is taken goes to the whole check,
 * which words the clash as a case file's check does.
 */
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import type { CaseFile, CaseInfo, ItemSection } from "@allegiance/domain/model/index"
import { itemSections } from "@allegiance/domain/model/index"
import { caseFileOfItems } from "./stored-items.ts"

const appendable = new Set<string>(["statements", "claims", "observations"])

interface CaseIndex {
  /** The newest case of the line this index describes. */
  caseFile: CaseFile
  /** Every id of the case, with the item that holds it (a question, for a hypothesis). */
  readonly ids: Map<string, { readonly section: ItemSection; readonly item: unknown }>
  /** Whether the case had no integrity problem of its own. */
  readonly sound: boolean
}

const indexes = new WeakMap<CaseFile, CaseIndex>()

/** Cases known to have passed a whole integrity check (see `vouchSound`): their own check is not made again. */
const vouched = new WeakSet<CaseFile>()

/**
 * Records that `caseFile` has no integrity problem of its own: it was just checked whole, or loaded from
 * a revision the store checked whole when it was written. Its first checked append then needs only the
 * index of its ids, not a whole check: a large case's check takes about a second, during which a UI's
 * reasoning would otherwise answer nothing.
 */
export const vouchSound = (caseFile: CaseFile): void => {
  vouched.add(caseFile)
}

const indexOf = (caseFile: CaseFile): CaseIndex => {
  const known = indexes.get(caseFile)
  if (known !== undefined && known.caseFile === caseFile) return known
  const ids = new Map<string, { readonly section: ItemSection; readonly item: unknown }>()
  for (const section of itemSections) {
    for (const item of caseFile[section] as ReadonlyArray<{ readonly id: string }>) {
      if (!ids.has(item.id)) ids.set(item.id, { section, item })
      if (section === "questions")
        for (const hypothesis of (item as CaseFile["questions"][number]).hypotheses)
          if (!ids.has(hypothesis.id)) ids.set(hypothesis.id, { section, item })
    }
  }
  const index = { caseFile, ids, sound: vouched.has(caseFile) || checkIntegrity(caseFile).length === 0 }
  indexes.set(caseFile, index)
  return index
}

/** Every string an item holds, at any depth: the ids it may name are among them. */
const stringsOf = (value: unknown, found: Set<string>): Set<string> => {
  if (typeof value === "string") found.add(value)
  else if (Array.isArray(value)) for (const entry of value) stringsOf(entry, found)
  else if (typeof value === "object" && value !== null)
    for (const entry of Object.values(value)) stringsOf(entry, found)
  return found
}

export interface AddedItem {
  readonly kind: string
  readonly id: string
  readonly value: unknown
}

/**
 * The problems `added` would bring to `base`, each as `describe` words it; `undefined` when this check
 * cannot tell (the write does more than add new statements, claims or observations, an id is taken, or
 * the case had problems of its own), and the whole case must be checked.
 */
export const appendProblems = (
  base: CaseFile,
  added: ReadonlyArray<AddedItem>,
  describe: (caseFile: CaseFile) => ReadonlyArray<string>
): ReadonlyArray<string> | undefined => {
  if (added.length === 0 || added.some((item) => !appendable.has(item.kind) || item.value === null))
    return undefined
  const index = indexOf(base)
  if (!index.sound) return undefined
  const fresh = new Set<string>()
  for (const item of added) {
    if (index.ids.has(item.id) || fresh.has(item.id)) return undefined
    fresh.add(item.id)
  }
  // The new items and what they name, in a case of their own.
  const sections = new Map<string, Array<unknown>>(itemSections.map((section) => [section, []]))
  const included = new Set<unknown>()
  for (const item of added) {
    for (const text of stringsOf(item.value, new Set())) {
      const named = index.ids.get(text)
      if (named === undefined || included.has(named.item)) continue
      included.add(named.item)
      sections.get(named.section)!.push(named.item)
    }
  }
  for (const item of added) sections.get(item.kind)!.push(item.value)
  const small = caseFileOfItems(base.case as CaseInfo, sections)
  const ownIds = new Set(added.map((item) => item.id))
  // Problems of the items named come from their own fields, which name items left out here.
  return describe(small).filter((problem) => {
    const match = /^\w+ "((?:[^"\\]|\\.)*)"/.exec(problem)
    return match !== null && ownIds.has(match[1]!)
  })
}

/**
 * Carries the index of `base` over to `next`, `base` with `added` appended and saved without problems:
 * the next append to `next` finds its ids without indexing the whole case again.
 */
export const carryIndex = (base: CaseFile, next: CaseFile, added: ReadonlyArray<AddedItem>): void => {
  const index = indexes.get(base)
  if (index === undefined || index.caseFile !== base) return
  for (const item of added) index.ids.set(item.id, { section: item.kind as ItemSection, item: item.value })
  index.caseFile = next
  indexes.set(next, index)
}

/**
 * Works out now what the first checked append to `caseFile` would otherwise work out then: the index of
 * its ids and whether it is sound (a whole integrity check, once per line of revisions, unless vouched
 * for). For a caller
 * with time to spare before a write, such as a UI once its case is on screen, so that the first save
 * costs what it touches, as every later one does.
 */
export const prepareAppendCheck = (caseFile: CaseFile): void => {
  indexOf(caseFile)
}

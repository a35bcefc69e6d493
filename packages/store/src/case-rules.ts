/**
 * What the items of an Allegiance case must be, checked before the store saves any write:
 * each item decodes as strictly as a case file's, under the id it is saved as, and the case
 * that results keeps the integrity a case file must (ids unique, every reference naming an
 * item of the right kind, the actor hierarchy a tree, ...). The same checks as import, so a
 * change made through the API, the terminal UI or an undo cannot store a case that a case
 * file could not hold.
 */
import { formatPath } from "@allegiance/domain/case/case-problem"
import { checkIntegrity } from "@allegiance/domain/case/integrity"
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { builtInKinds } from "@allegiance/domain/claims/index"
import { type CaseFile, type CaseInfo, type ItemSection, itemSections } from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import { appendProblems } from "./append-check.ts"
import { caseFileItems, caseInfoId, caseInfoKind, decodeItemStrictly, itemKinds } from "./case-items.ts"
import { decodedCase } from "./decoded-cases.ts"
import type { ItemChange, ItemInput, ItemRulesShape, ProposedWrite, StoreShape } from "./store.ts"
import { caseFileOfItems } from "./stored-items.ts"

const nouns: Record<ItemSection, string> = {
  actors: "actor",
  channels: "channel",
  sources: "source",
  statements: "statement",
  claims: "claim",
  observations: "observation",
  relationships: "relationship",
  questions: "question"
}
const isSection = (kind: string): kind is ItemSection => Object.hasOwn(nouns, kind)

const itemName = (kind: string, id: string) =>
  kind === caseInfoKind
    ? "the case's own section"
    : isSection(kind)
      ? `${nouns[kind]} "${id}"`
      : `${kind} "${id}"`

/** Item lists vouched for by `checkedCaseItems`: the reader checked the whole case they came from. */
const vouched = new WeakSet<ReadonlyArray<ItemInput>>()

/**
 * The items to store for a case file the reader has read and checked whole, under the name
 * `caseName` (which becomes the case's id), its claims of `kinds`. Importing them, the store does
 * not check them again.
 */
export const checkedCaseItems = (
  caseFile: CaseFile,
  caseName: string,
  kinds?: ReadonlyArray<ClaimKind>
): ReadonlyArray<ItemInput> => {
  const items = caseFileItems(caseFile, kinds).map((item) =>
    item.kind === caseInfoKind ? { ...item, body: { ...(item.body as object), id: caseName } } : item
  )
  vouched.add(items)
  return items
}

/** Each change decoded, or what is wrong with it. */
const decodeChanges = (
  caseName: string,
  changes: ReadonlyArray<ItemChange>,
  kinds: ReadonlyArray<ClaimKind>
) => {
  const problems: Array<string> = []
  const decoded: Array<{ readonly kind: string; readonly id: string; readonly value: unknown }> = []
  for (const change of changes) {
    const name = itemName(change.kind, change.id)
    if (!itemKinds.includes(change.kind)) {
      problems.push(`${name}: a case holds no items of this kind (it holds: ${itemKinds.join(", ")})`)
      continue
    }
    if (change.kind === caseInfoKind && change.id !== caseInfoId) {
      problems.push(`${name} is saved under the id "${caseInfoId}", not "${change.id}"`)
      continue
    }
    if (change.body === null || change.body === undefined) {
      if (change.kind === caseInfoKind) problems.push(`${name} (its id and title) cannot be removed`)
      else decoded.push({ kind: change.kind, id: change.id, value: null })
      continue
    }
    const read = decodeItemStrictly(change.kind, change.body, kinds)!
    if (Result.isFailure(read)) {
      for (const problem of read.failure) problems.push(`${name}: ${problem}`)
      continue
    }
    const id = (read.success as { readonly id: string }).id
    const expected = change.kind === caseInfoKind ? caseName : change.id
    if (id !== expected) {
      problems.push(
        change.kind === caseInfoKind
          ? `${name}: id: "${id}" is not the case's name in the store, "${caseName}"`
          : `${name}: id: the item says "${id}", but is saved as "${change.id}"; an item cannot be renamed, remove it and add it under the new id`
      )
      continue
    }
    decoded.push({ kind: change.kind, id: change.id, value: read.success })
  }
  return { problems, decoded }
}

/** `base` (or nothing, for a new case) with the decoded changes made, in the order a case file lists items. */
const applyChanges = (
  base: CaseFile | undefined,
  changes: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly value: unknown }>
): CaseFile | undefined => {
  let info: unknown = base?.case
  const sections = new Map<string, Array<unknown>>(
    itemSections.map((section) => [section, base === undefined ? [] : [...base[section]]])
  )
  const indexes = new Map<string, Map<string, number>>()
  const removed = new Set<unknown>()
  for (const change of changes) {
    if (change.kind === caseInfoKind) {
      info = change.value
      continue
    }
    const list = sections.get(change.kind)!
    let index = indexes.get(change.kind)
    if (index === undefined) {
      index = new Map(list.map((item, at) => [(item as { readonly id: string }).id, at]))
      indexes.set(change.kind, index)
    }
    const at = index.get(change.id)
    if (change.value === null) {
      if (at !== undefined) removed.add(list[at])
    } else if (at === undefined) {
      index.set(change.id, list.length)
      list.push(change.value)
    } else {
      list[at] = change.value
    }
  }
  if (info === undefined) return undefined
  if (removed.size > 0) {
    for (const [section, list] of sections)
      sections.set(
        section,
        list.filter((item) => !removed.has(item))
      )
  }
  // Every item was decoded (and so checked) on its own, or read from what the store checked.
  return caseFileOfItems(info as CaseInfo, sections)
}

/** A case's integrity problems, each naming the item and the field. */
const integrityProblems = (caseFile: CaseFile, kinds: ReadonlyArray<ClaimKind>): Array<string> =>
  checkIntegrity(caseFile, { kinds }).map((problem) => {
    const [section, index, ...rest] = problem.path
    const item =
      typeof section === "string" && isSection(section) && typeof index === "number"
        ? (caseFile[section][index] as { readonly id: string } | undefined)
        : undefined
    if (item !== undefined) {
      const field = formatPath(rest)
      return `${itemName(section as string, item.id)}: ${field === "" ? "" : `${field}: `}${problem.message}`
    }
    const field = formatPath(problem.path)
    return `${field === "" ? "the case" : field}: ${problem.message}`
  })

// Enough to show what is wrong, without burying it: a change to many items may be wrong many times over.
const problemsShown = 20
const atMost = (problems: ReadonlyArray<string>): ReadonlyArray<string> =>
  problems.length <= problemsShown
    ? problems
    : [...problems.slice(0, problemsShown), `and ${problems.length - problemsShown} more problems`]

/**
 * The rules every write to an Allegiance store is held to: those of a case file whose claims are of
 * `kinds` (the built-in ones unless given).
 */
export const caseRulesFor = (kinds: ReadonlyArray<ClaimKind> = builtInKinds): ItemRulesShape => ({
  check: (store, write: ProposedWrite) => Effect.map(problemsOf(store, write, kinds), atMost)
})

/** The rules of a case file of the built-in kinds. */
export const caseRules: ItemRulesShape = caseRulesFor()

const problemsOf = (store: StoreShape, write: ProposedWrite, kinds: ReadonlyArray<ClaimKind>) =>
  Effect.gen(function* () {
    if (write.whole !== undefined && vouched.has(write.whole)) return []
    const { problems, decoded } = decodeChanges(write.caseName, write.changes, kinds)
    if (problems.length > 0) return problems
    const base =
      write.basedOn === undefined
        ? undefined
        : (yield* decodedCase(store, write.caseName, { revision: write.basedOn }, kinds)).caseFile
    // New statements, claims and observations need only be checked against what they name.
    const appended =
      base === undefined
        ? undefined
        : appendProblems(base, decoded, (caseFile) => integrityProblems(caseFile, kinds))
    if (appended !== undefined) return appended
    const next = applyChanges(base, decoded)
    if (next === undefined) {
      return [
        `a new case needs its own section (kind "${caseInfoKind}", id "${caseInfoId}"), with an id and a title`
      ]
    }
    const found = integrityProblems(next, kinds)
    if (found.length === 0 || base === undefined) return found
    // Only what the write brings: a store written before these checks may hold problems of its own.
    const before = new Set(integrityProblems(base, kinds))
    return found.filter((problem) => !before.has(problem))
  })

import { appendedSince } from "../model/appended-cases.ts"
import type { CaseFile } from "../model/case-file.ts"
import type { Additions } from "./case-view.ts"
import type { CaseEvaluation } from "./evaluate.ts"

/**
 * Whether two items hold the same values. Items are mostly the very same objects; a case file built
 * anew may hold copies of them (its constructor copies plain parts such as claims), which are compared
 * field by field.
 */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false
  if (Array.isArray(a)) {
    const other = b as ReadonlyArray<unknown>
    return a.length === other.length && a.every((entry, i) => sameValue(entry, other[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  let keys = 0
  for (const key in left) {
    if (!(key in right) || !sameValue(left[key], right[key])) return false
    keys++
  }
  for (const _ in right) keys--
  return keys === 0
}

/** Whether `list` starts with the items of `prefix`, holding the same values. */
const startsWith = <A>(list: ReadonlyArray<A>, prefix: ReadonlyArray<A>) => {
  if (list.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++)
    if (list[i] !== prefix[i] && !sameValue(list[i], prefix[i])) return false
  return true
}

const same = <A>(a: ReadonlyArray<A>, b: ReadonlyArray<A>) =>
  a === b || (a.length === b.length && startsWith(a, b))

/**
 * The statements, claims and observations `next` appends to `before`, the case `evaluation` was made
 * from, if that is all that changed: everything else unchanged and in the same order.
 */
export const appendedTo = (
  evaluation: CaseEvaluation,
  before: CaseFile,
  next: CaseFile
): Additions | undefined => {
  if (next.case !== before.case || next.case.id !== evaluation.caseId) return undefined
  // A case made by appending says what it appended: its other parts are the very ones it was made from.
  const recorded = appendedSince(next, before)
  if (recorded !== undefined) return recorded
  const unchanged =
    same(next.actors, before.actors) &&
    same(next.channels, before.channels) &&
    same(next.sources, before.sources) &&
    same(next.relationships, before.relationships) &&
    same(next.questions, before.questions) &&
    startsWith(next.statements, before.statements) &&
    startsWith(next.claims, before.claims) &&
    startsWith(next.observations, before.observations)
  if (!unchanged) return undefined
  return {
    statements: next.statements.slice(before.statements.length),
    claims: next.claims.slice(before.claims.length),
    observations: next.observations.slice(before.observations.length)
  }
}

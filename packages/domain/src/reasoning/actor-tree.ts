import type { IsoDay } from "../calendar/printed-date.ts"
import type { Statement } from "../model/statement.ts"
import { type CaseView, perView, push } from "./case-view.ts"
import { parentAt } from "./parent-at.ts"

export { parentAt }

/** Whether `actor` is `ancestor` or lies below it in the actor tree, on `at` (the as-of day unless given). */
export const isWithin = (view: CaseView, actor: string, ancestor: string, at?: IsoDay): boolean => {
  const day = at ?? view.asOf
  let current: string | undefined = actor
  for (let steps = 0; current !== undefined && steps <= view.actors.size; steps++) {
    if (current === ancestor) return true
    const node = view.actors.get(current)
    current = node === undefined ? undefined : parentAt(node, day)
  }
  return false
}

/** Every actor from `actor` up to the top of its tree, on `at` (the as-of day unless given). */
export const selfAndAncestors = function* (view: CaseView, actor: string, at?: IsoDay): Iterable<string> {
  const day = at ?? view.asOf
  let current: string | undefined = actor
  for (let depth = 0; current !== undefined && depth <= view.actors.size; depth++) {
    yield current
    const node = view.actors.get(current)
    current = node === undefined ? undefined : parentAt(node, day)
  }
}

/** `actor` and every actor below it in the actor tree as of the view's day. */
export const actorsWithin = (view: CaseView, actor: string): ReadonlyArray<string> => {
  const children = childrenIndex(view)
  const found = [actor]
  const seen = new Set(found)
  for (let i = 0; i < found.length; i++)
    for (const child of children.get(found[i]!) ?? [])
      if (!seen.has(child)) {
        seen.add(child)
        found.push(child)
      }
  return found
}

// The actor tree's downward index; an extended view adds no actors, so it keeps the earlier one.
const childrenIndex = perView(
  (view): ReadonlyMap<string, ReadonlyArray<string>> => {
    const index = new Map<string, Array<string>>()
    for (const candidate of view.actors.values()) {
      const parent = parentAt(candidate, view.asOf)
      if (parent !== undefined) push(index, parent, candidate.id as string)
    }
    return index
  },
  (earlier) => earlier
)

/**
 * Who a statement says it is from: its signers when it names them (hackers under their own banner,
 * several groups signing together), else the actor it was issued in the name of.
 */
export const voicesOf = (statement: Statement): ReadonlyArray<string> =>
  statement.signers !== undefined && statement.signers.length > 0
    ? statement.signers
    : [statement.issuer.actor]

/** Whether a statement speaks as `actor` or as part of it: one of its voices lies within `actor`. */
export const speaksAsPartOf = (view: CaseView, statement: Statement, actor: string, at?: IsoDay): boolean =>
  voicesOf(statement).some((voice) => isWithin(view, voice, actor, at))

/** Whether a statement speaks as `actor`, as part of it, or as an actor it is part of. */
export const speaksWithin = (view: CaseView, statement: Statement, actor: string, at?: IsoDay): boolean =>
  voicesOf(statement).some((voice) => isWithin(view, voice, actor, at) || isWithin(view, actor, voice, at))

/** Whether a statement is the words of the actor it was issued in the name of (no foreign signers). */
export const inOwnName = (view: CaseView, statement: Statement): boolean =>
  statement.signers === undefined ||
  statement.signers.length === 0 ||
  statement.signers.some((signer) => isWithin(view, signer, statement.issuer.actor))

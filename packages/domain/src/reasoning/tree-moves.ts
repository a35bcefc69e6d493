import type { IsoDay } from "../calendar/printed-date.ts"
import type { Actor } from "../model/actor.ts"
import type { Claim } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import type { Statement } from "../model/statement.ts"
import { type Additions, type CaseView, indexPerView, itemRank, readsNoTree } from "./case-view.ts"
import { type Item, isClaim, isStatement } from "./known-items.ts"
import type { ListIndex } from "./list-index.ts"
import { parentAt } from "./parent-at.ts"

/** The actors whose place in the tree (their parent) differs between the two days. */
export const actorsMoved = (view: CaseView, from: IsoDay, to: IsoDay): ReadonlyArray<Actor> => {
  const moved: Array<Actor> = []
  for (const actor of view.actors.values())
    if (actor.parents !== undefined && parentAt(actor, from) !== parentAt(actor, to)) moved.push(actor)
  return moved
}

/**
 * The moved actors and every actor below one of them, on either day. Whether one actor lies within
 * another changes between the days only for an actor of these: any other's line up the tree does not
 * pass through a moved actor, and so is the same on both days.
 */
export const actorsBelowMoved = (
  view: CaseView,
  moved: ReadonlyArray<Actor>,
  days: ReadonlyArray<IsoDay>
): ReadonlySet<string> => {
  const found = new Set<string>(moved.map((actor) => actor.id))
  for (const day of days) {
    const children = new Map<string, Array<string>>()
    for (const actor of view.actors.values()) {
      const parent = parentAt(actor, day)
      if (parent === undefined) continue
      const listed = children.get(parent)
      if (listed === undefined) children.set(parent, [actor.id])
      else listed.push(actor.id)
    }
    const waiting = moved.map((actor) => actor.id as string)
    const seen = new Set(waiting)
    while (waiting.length > 0)
      for (const child of children.get(waiting.pop()!) ?? [])
        if (!seen.has(child)) {
          seen.add(child)
          found.add(child)
          waiting.push(child)
        }
  }
  return found
}

/**
 * The items of `view` in which one of `actors` takes part: a statement issued or signed in its name,
 * signed by it as a part of the issuer, or put out through a channel that speaks for it; an observation
 * of it, or under its banner; a claim that names it in one of its roles, or that such a statement makes.
 * What the rules read of the tree, they read of the actors items name: these are the items whose
 * reading can change when those actors move. Each list is in the view's order.
 */
export const itemsOfActors = (view: CaseView, actors: ReadonlySet<string>): Additions => {
  // Looked up by actor, not found by going through the view: an actor moves in the tree on many a day
  // of a large case, and the few it takes part in are a small part of the hundreds of thousands of items.
  const index = itemsTakingPart(view)
  const statements = new Set<Statement>()
  const claims = new Set<Claim>()
  const observations = new Set<Observation>()
  for (const actor of actors)
    for (const item of index.get(actor))
      if (isStatement(item)) statements.add(item)
      else if (isClaim(item)) claims.add(item)
      else observations.add(item)
  for (const statement of statements)
    for (const claim of view.claimsByStatement.get(statement.id)) claims.add(claim)
  const rank = itemRank(view.caseFile)
  const inOrder = <V extends { readonly id: string }>(items: ReadonlySet<V>) =>
    [...items].sort((a, b) => rank(a.id) - rank(b.id))
  return { statements: inOrder(statements), claims: inOrder(claims), observations: inOrder(observations) }
}

/**
 * Works out ahead what a move of the as-of day needs where the tree differs on the other day: the items
 * each actor takes part in. Nothing where no actor has a dated place in the tree.
 */
export const prepareTreeMoves = (view: CaseView): void => {
  for (const actor of view.actors.values())
    if (actor.parents !== undefined && actor.parents.length > 0) {
      itemsTakingPart(view)
      return
    }
}

// Made when first asked: this module and the view's import each other, so nothing of the view's may be
// called while the modules load.
let takingPart: ((view: CaseView) => ListIndex<Item>) | undefined

/** The items each actor takes part in (see `itemsOfActors`), by actor id; an item may be under several. */
const itemsTakingPart = (view: CaseView): ListIndex<Item> => {
  takingPart ??= indexPerView<Item>((view, items, add) => {
    for (const statement of items.statements) {
      const { issuer } = statement
      add(issuer.actor, statement)
      if (issuer.signedBy !== undefined) add(issuer.signedBy, statement)
      for (const signer of statement.signers ?? []) add(signer, statement)
      const speaksFor =
        statement.channel === undefined ? undefined : view.channels.get(statement.channel)?.speaksFor
      if (speaksFor !== undefined) add(speaksFor, statement)
    }
    for (const claim of items.claims) {
      const roles = claim as unknown as Record<string, unknown>
      for (const role in roles) {
        const value = roles[role]
        if (typeof value === "string") {
          if (view.actors.has(value)) add(value, claim)
        } else if (Array.isArray(value))
          for (const each of value) if (typeof each === "string" && view.actors.has(each)) add(each, claim)
      }
    }
    for (const observation of items.observations) {
      add(observation.actor, observation)
      if (observation.under !== undefined) add(observation.under, observation)
    }
  }, readsNoTree)
  return takingPart(view)
}

import type { IsoDay } from "../calendar/printed-date.ts"
import type { Actor } from "../model/actor.ts"
import type { Additions, CaseView } from "./case-view.ts"
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
 * reading can change when those actors move.
 */
export const itemsOfActors = (view: CaseView, actors: ReadonlySet<string>): Additions => {
  const statements = view.statements.filter((statement) => {
    if (actors.has(statement.issuer.actor)) return true
    if (statement.issuer.signedBy !== undefined && actors.has(statement.issuer.signedBy)) return true
    if (statement.signers?.some((signer) => actors.has(signer))) return true
    const speaksFor =
      statement.channel === undefined ? undefined : view.channels.get(statement.channel)?.speaksFor
    return speaksFor !== undefined && actors.has(speaksFor)
  })
  const makers = new Set<string>(statements.map((statement) => statement.id))
  const claims = view.claims.filter((claim) => {
    if ("statement" in claim.madeBy && makers.has(claim.madeBy.statement)) return true
    const roles = claim as unknown as Record<string, unknown>
    for (const role in roles) {
      const value = roles[role]
      if (typeof value === "string" && actors.has(value)) return true
      if (Array.isArray(value) && value.some((each) => typeof each === "string" && actors.has(each)))
        return true
    }
    return false
  })
  const observations = view.observations.filter(
    (observation) =>
      actors.has(observation.actor) || (observation.under !== undefined && actors.has(observation.under))
  )
  return { statements, claims, observations }
}

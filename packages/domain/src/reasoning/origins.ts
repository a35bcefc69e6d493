import type { Source } from "../model/source.ts"
import type { Statement } from "../model/statement.ts"
import { voicesOf } from "./actor-tree.ts"
import { type CaseView, observationById } from "./case-view.ts"

/**
 * Where a piece of evidence comes from, as a set of origins: the item itself, the statement that carries
 * it, its channel and the relays it came through, who signed or issued it, the sources behind it and
 * every source those depend on, and the actor a source belongs to. Two pieces of evidence are independent
 * only when they share no origin: another channel is not another origin when the words are the same
 * party's (rules 5 and 8).
 */
export type Origins = ReadonlySet<string>

/** The origins of a source: itself, every source it depends on (all of them, transitively), its channel, its affiliation. */
export const sourceOrigins = (view: CaseView, source: Source, into: Set<string> = new Set()): Set<string> => {
  const pending: Array<Source> = [source]
  const seen = new Set<string>()
  while (pending.length > 0) {
    const current = pending.pop()!
    if (seen.has(current.id)) continue
    seen.add(current.id)
    into.add(`source:${current.id}`)
    if (current.channel !== undefined) into.add(`channel:${current.channel}`)
    if (current.affiliation !== undefined) into.add(`actor:${current.affiliation}`)
    for (const id of current.dependsOn) {
      const next = view.sources.get(id)
      if (next !== undefined) pending.push(next)
      else into.add(`source:${id}`)
    }
  }
  return into
}

const addStatement = (statement: Statement, into: Set<string>) => {
  into.add(`item:${statement.id}`)
  if (statement.channel !== undefined) into.add(`channel:${statement.channel}`)
  for (const relay of statement.relayedBy ?? []) into.add(`channel:${relay}`)
  // Who wrote it: the part that signed, else whoever it says it is from.
  if (statement.issuer.signedBy !== undefined) into.add(`actor:${statement.issuer.signedBy}`)
  else for (const voice of voicesOf(statement)) into.add(`actor:${voice}`)
}

/** The origins of a statement, claim or observation of the view, by id (empty for an id it does not hold). */
export const originsOf = (view: CaseView, id: string): Origins => {
  const into = new Set<string>()
  const statement = view.statementById.get(id)
  if (statement !== undefined) {
    addStatement(statement, into)
    return into
  }
  const claim = view.claimById.get(id)
  if (claim !== undefined) {
    into.add(`item:${claim.id}`)
    if ("statement" in claim.madeBy) {
      const maker = view.statementById.get(claim.madeBy.statement)
      if (maker !== undefined) addStatement(maker, into)
    } else {
      const source = view.sources.get(claim.madeBy.source)
      if (source !== undefined) sourceOrigins(view, source, into)
    }
    return into
  }
  const observation = observationById(view).get(id)
  if (observation !== undefined) {
    into.add(`item:${observation.id}`)
    if (observation.channel !== undefined) into.add(`channel:${observation.channel}`)
    const source = view.sources.get(observation.source)
    if (source !== undefined) sourceOrigins(view, source, into)
    if (observation.carriedBy !== undefined) {
      const carrier = view.statementById.get(observation.carriedBy)
      if (carrier !== undefined) addStatement(carrier, into)
    }
  }
  return into
}

/** Whether two sets of origins share none. */
export const disjoint = (a: Origins, b: Origins): boolean => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const origin of small) if (large.has(origin)) return false
  return true
}

/**
 * Whether the evidence of that id comes from any of `party`'s origins: `originsOf` without building the
 * set, stopping at the first shared origin. Rule 5 asks it of every piece of an actor's activity for
 * every disputed statement in its name.
 */
export const sharesOrigin = (view: CaseView, id: string, party: Origins): boolean => {
  const statementShares = (statement: Statement): boolean => {
    if (party.has(`item:${statement.id}`)) return true
    if (statement.channel !== undefined && party.has(`channel:${statement.channel}`)) return true
    for (const relay of statement.relayedBy ?? []) if (party.has(`channel:${relay}`)) return true
    if (statement.issuer.signedBy !== undefined) return party.has(`actor:${statement.issuer.signedBy}`)
    for (const voice of voicesOf(statement)) if (party.has(`actor:${voice}`)) return true
    return false
  }
  const sourceShares = (source: Source): boolean => {
    for (const origin of sourceOrigins(view, source)) if (party.has(origin)) return true
    return false
  }
  const statement = view.statementById.get(id)
  if (statement !== undefined) return statementShares(statement)
  const claim = view.claimById.get(id)
  if (claim !== undefined) {
    if (party.has(`item:${claim.id}`)) return true
    if ("statement" in claim.madeBy) {
      const maker = view.statementById.get(claim.madeBy.statement)
      return maker !== undefined && statementShares(maker)
    }
    const source = view.sources.get(claim.madeBy.source)
    return source !== undefined && sourceShares(source)
  }
  const observation = observationById(view).get(id)
  if (observation === undefined) return false
  if (party.has(`item:${observation.id}`)) return true
  if (observation.channel !== undefined && party.has(`channel:${observation.channel}`)) return true
  const source = view.sources.get(observation.source)
  if (source !== undefined && sourceShares(source)) return true
  const carrier =
    observation.carriedBy === undefined ? undefined : view.statementById.get(observation.carriedBy)
  return carrier !== undefined && statementShares(carrier)
}

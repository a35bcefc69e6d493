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
 * A party's origins sorted by what they are (items, channels, actors, sources), each set holding bare
 * ids: asking whether a piece of evidence shares one needs no origin string written, so asking it of
 * every piece of an actor's activity allocates nothing. It holds what `originsOf` gives for its ids.
 */
export interface Party {
  readonly items: Set<string>
  readonly channels: Set<string>
  readonly actors: Set<string>
  readonly sources: Set<string>
}

const originKinds = { item: "items", channel: "channels", actor: "actors", source: "sources" } as const

/** The origins of the items of those ids, together (see `originsOf`). */
export const partyOf = (view: CaseView, ids: Iterable<string>): Party => {
  const party: Party = { items: new Set(), channels: new Set(), actors: new Set(), sources: new Set() }
  for (const id of ids)
    for (const origin of originsOf(view, id)) {
      const colon = origin.indexOf(":")
      party[originKinds[origin.slice(0, colon) as keyof typeof originKinds]].add(origin.slice(colon + 1))
    }
  return party
}

/**
 * Where a piece of evidence comes from, with its items looked up once: the item itself, the statement
 * whose words it is (the statement, the one making the claim, the one carrying what was seen), the
 * channel it was seen on and the source reporting it. Rule 5 weighs each piece of an actor's activity
 * against every disputed statement in its name, and looks its items up only once per view.
 */
export interface EvidenceOrigin {
  readonly item: string
  readonly statement: Statement | undefined
  readonly channel: string | undefined
  readonly source: Source | undefined
}

/** The origin of the statement, claim or observation of that id in the view (undefined for an id it does not hold). */
export const evidenceOrigin = (view: CaseView, id: string): EvidenceOrigin | undefined => {
  const statement = view.statementById.get(id)
  if (statement !== undefined) return { item: id, statement, channel: undefined, source: undefined }
  const claim = view.claimById.get(id)
  if (claim !== undefined)
    return "statement" in claim.madeBy
      ? {
          item: claim.id,
          statement: view.statementById.get(claim.madeBy.statement),
          channel: undefined,
          source: undefined
        }
      : {
          item: claim.id,
          statement: undefined,
          channel: undefined,
          source: view.sources.get(claim.madeBy.source)
        }
  const observation = observationById(view).get(id)
  if (observation === undefined) return undefined
  return {
    item: observation.id,
    statement:
      observation.carriedBy === undefined ? undefined : view.statementById.get(observation.carriedBy),
    channel: observation.channel,
    source: view.sources.get(observation.source)
  }
}

/**
 * Whether evidence of that origin comes from any of `party`'s origins: `originsOf` without building the
 * set, stopping at the first shared origin.
 */
export const sharesOrigin = (view: CaseView, origin: EvidenceOrigin | undefined, party: Party): boolean => {
  if (origin === undefined) return false
  if (party.items.has(origin.item)) return true
  if (origin.channel !== undefined && party.channels.has(origin.channel)) return true
  if (origin.source !== undefined && sourceShares(view, origin.source, party)) return true
  return origin.statement !== undefined && statementShares(origin.statement, party)
}

const statementShares = (statement: Statement, party: Party): boolean => {
  if (party.items.has(statement.id)) return true
  if (statement.channel !== undefined && party.channels.has(statement.channel)) return true
  for (const relay of statement.relayedBy ?? []) if (party.channels.has(relay)) return true
  if (statement.issuer.signedBy !== undefined) return party.actors.has(statement.issuer.signedBy)
  for (const voice of voicesOf(statement)) if (party.actors.has(voice)) return true
  return false
}

/** `sourceOrigins` walked without building the set: the source, those it depends on, their channels and affiliations. */
const sourceShares = (view: CaseView, source: Source, party: Party): boolean => {
  const pending: Array<Source> = [source]
  const seen = new Set<string>()
  while (pending.length > 0) {
    const current = pending.pop()!
    if (seen.has(current.id)) continue
    seen.add(current.id)
    if (party.sources.has(current.id)) return true
    if (current.channel !== undefined && party.channels.has(current.channel)) return true
    if (current.affiliation !== undefined && party.actors.has(current.affiliation)) return true
    for (const id of current.dependsOn) {
      const next = view.sources.get(id)
      if (next !== undefined) pending.push(next)
      else if (party.sources.has(id)) return true
    }
  }
  return false
}

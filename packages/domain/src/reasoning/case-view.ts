import type { IsoDay, PrintedDate } from "../calendar/printed-date.ts"
import type { Actor } from "../model/actor.ts"
import type { CaseFile } from "../model/case-file.ts"
import type { Channel } from "../model/channel.ts"
import type { Claim, ClaimOf } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import type { Source } from "../model/source.ts"
import type { Statement } from "../model/statement.ts"

/** An item left out of an evaluation because it was not (or not surely) known by the as-of date. */
export interface LeftOut {
  readonly id: string
  readonly reason: string
}

/**
 * A case as it stood on one date, indexed for the rules: only the items known by then, and lookups
 * by channel, actor and statement so that no rule has to scan the whole case per item.
 */
export interface CaseView {
  readonly caseFile: CaseFile
  readonly asOf: IsoDay
  readonly actors: ReadonlyMap<string, Actor>
  readonly channels: ReadonlyMap<string, Channel>
  readonly sources: ReadonlyMap<string, Source>
  readonly statements: ReadonlyArray<Statement>
  readonly claims: ReadonlyArray<Claim>
  readonly observations: ReadonlyArray<Observation>
  readonly statementById: ReadonlyMap<string, Statement>
  readonly claimById: ReadonlyMap<string, Claim>
  readonly claimsByStatement: ReadonlyMap<string, ReadonlyArray<Claim>>
  readonly statementsByChannel: ReadonlyMap<string, ReadonlyArray<Statement>>
  readonly channelsByActor: ReadonlyMap<string, ReadonlyArray<Channel>>
  /** Claims of one kind: rules look claims up by kind instead of scanning the case per item. */
  readonly claimsOfKind: <K extends Claim["kind"]>(kind: K) => ReadonlyArray<ClaimOf<K>>
  readonly leftOut: ReadonlyArray<LeftOut>
}

/** When a claim was made: its own date if it has one, else the date of the statement that makes it. */
export const claimDate = (
  claim: Claim,
  statementById: ReadonlyMap<string, Statement>
): PrintedDate | undefined =>
  claim.reported ??
  ("statement" in claim.madeBy ? statementById.get(claim.madeBy.statement)?.observed : undefined)

/** When an observation could first be made: for an absence, only once the expected window had passed. */
export const observationKnown = (observation: Observation): PrintedDate =>
  observation.known ?? observation.date

const precisionWords: Record<PrintedDate["precision"], string> = {
  day: "to the day",
  month: "only to the month",
  year: "only to the year",
  approximate: "only approximately"
}

/**
 * Whether a dated item counts as known on `asOf`. An item dated to an interval counts only once the
 * whole interval has passed: an item that may or may not have existed yet is left out, and the
 * explanation says so, so that a verdict never rests on something that might not have been known.
 */
export const knownBy = (
  date: PrintedDate,
  asOf: IsoDay
): { readonly known: boolean; readonly reason?: string } => {
  if (date.end <= asOf) return { known: true }
  if (date.start > asOf) return { known: false, reason: `dated ${date.text}, after ${asOf}` }
  return {
    known: false,
    reason: `dated ${precisionWords[date.precision]} ("${date.text}", between ${date.start} and ${date.end}), so it may not yet have been known on ${asOf}`
  }
}

/** Appends `value` to the list kept under `key`, starting the list if there is none. */
export const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

export const viewCase = (caseFile: CaseFile, asOf: IsoDay): CaseView => {
  const leftOut: Array<LeftOut> = []
  const keep = (id: string, date: PrintedDate | undefined) => {
    if (date === undefined) return true
    const known = knownBy(date, asOf)
    if (!known.known) leftOut.push({ id, reason: known.reason! })
    return known.known
  }
  const statements = caseFile.statements.filter((statement) => keep(statement.id, statement.observed))
  const statementById = new Map(statements.map((statement) => [statement.id as string, statement]))
  const claims = caseFile.claims.filter((claim) => {
    if ("statement" in claim.madeBy && !statementById.has(claim.madeBy.statement)) {
      leftOut.push({ id: claim.id, reason: `made by ${claim.madeBy.statement}, not yet known on ${asOf}` })
      return false
    }
    return keep(claim.id, claimDate(claim, statementById))
  })
  const observations = caseFile.observations.filter((observation) =>
    keep(observation.id, observationKnown(observation))
  )
  const claimsByStatement = new Map<string, Array<Claim>>()
  for (const claim of claims)
    if ("statement" in claim.madeBy) push(claimsByStatement, claim.madeBy.statement, claim)
  const byKind = new Map<string, Array<Claim>>()
  for (const claim of claims) push(byKind, claim.kind, claim)
  const statementsByChannel = new Map<string, Array<Statement>>()
  for (const statement of statements)
    if (statement.channel !== undefined) push(statementsByChannel, statement.channel, statement)
  const channelsByActor = new Map<string, Array<Channel>>()
  for (const channel of caseFile.channels)
    if (channel.speaksFor !== undefined) push(channelsByActor, channel.speaksFor, channel)
  return {
    caseFile,
    asOf,
    actors: new Map(caseFile.actors.map((actor) => [actor.id as string, actor])),
    channels: new Map(caseFile.channels.map((channel) => [channel.id as string, channel])),
    sources: new Map(caseFile.sources.map((source) => [source.id as string, source])),
    statements,
    claims,
    observations,
    statementById,
    claimById: new Map(claims.map((claim) => [claim.id as string, claim])),
    claimsByStatement,
    statementsByChannel,
    channelsByActor,
    claimsOfKind: <K extends Claim["kind"]>(kind: K) =>
      (byKind.get(kind) ?? []) as unknown as ReadonlyArray<ClaimOf<K>>,
    leftOut
  }
}

/** Whether `actor` is `ancestor` or lies below it in the actor tree. */
export const isWithin = (view: CaseView, actor: string, ancestor: string): boolean => {
  let current: string | undefined = actor
  for (let steps = 0; current !== undefined && steps <= view.actors.size; steps++) {
    if (current === ancestor) return true
    current = view.actors.get(current)?.parent
  }
  return false
}

/** `actor` and every actor below it in the actor tree. */
export const actorsWithin = (view: CaseView, actor: string): ReadonlyArray<string> => {
  let children = childrenIndex.get(view)
  if (children === undefined) {
    const index = new Map<string, Array<string>>()
    for (const candidate of view.actors.values())
      if (candidate.parent !== undefined) push(index, candidate.parent as string, candidate.id as string)
    children = index
    childrenIndex.set(view, children)
  }
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

// A view never changes, so the actor tree's downward index is built once per view.
const childrenIndex = new WeakMap<CaseView, ReadonlyMap<string, ReadonlyArray<string>>>()

/** A short name for an item in explanations: its title or name, then its id in brackets. */
export const itemName = (view: CaseView, id: string): string => {
  const statement = view.statementById.get(id)
  if (statement !== undefined) {
    const label = statement.serial?.text ?? statement.title ?? "statement"
    const channel =
      statement.channel === undefined ? "" : ` on ${view.channels.get(statement.channel)?.handle}`
    return `${label}${channel} (${id})`
  }
  const actor = view.actors.get(id)
  if (actor !== undefined) return actor.name.primary
  const channel = view.channels.get(id)
  if (channel !== undefined) return channel.handle
  const source = view.sources.get(id)
  if (source !== undefined) return source.description.replace(/\.$/, "")
  return id
}

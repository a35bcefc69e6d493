import type { ClaimContent, RecentStatement } from "./claim-content.ts"
import { gregorianText, isoOf, onDay } from "./days.ts"
import type { Random } from "./random.ts"
import type { World } from "./world.ts"

/** Everything a statement's claims may draw on: who speaks, when, and what the unit said before. */
export interface StatementContext {
  readonly random: Random
  readonly world: World
  readonly statement: string
  readonly channel: number
  /** The actor the channel speaks for. */
  readonly actor: number
  /** The unit (group, coalition or branch) that actor belongs to: the claims are about it. */
  readonly unit: number
  readonly day: number
  readonly serial: number | undefined
  /** Earlier statements on the unit's channels, oldest first. */
  readonly recent: ReadonlyArray<RecentStatement>
  /** Pledges announced to each hub and not yet accepted. */
  readonly pendingPledges: Map<number, Array<number>>
  /** Channels some statement has claimed compromised. */
  readonly compromised: Set<number>
  readonly topSerial: (channel: number) => number | undefined
}

export type StatementClaimKind = keyof typeof STATEMENT_CLAIM_WEIGHTS

/**
 * How often each kind of claim opens a statement. Denials, disownings and compromise claims are
 * common enough that most units with several channels see a dispute, as in real material.
 */
export const STATEMENT_CLAIM_WEIGHTS = {
  pledge: 7,
  acceptance: 3,
  break: 2,
  dissolution: 3,
  merger: 2,
  "continued-existence": 10,
  denial: 9,
  confirmation: 2,
  "channel-compromised": 3,
  "channel-recovered": 1,
  "sole-official-channel": 3,
  disowning: 4,
  "last-statement": 1,
  cooperation: 10,
  protection: 4,
  rivalry: 7,
  membership: 3,
  "partial-allegiance": 4,
  "partial-involvement": 4,
  "majority-backing": 3,
  "size-estimate": 8
} as const

const FRONTS = [
  "the northern front",
  "the Handarat front",
  "the coastal front",
  "the desert road",
  "the city outskirts"
]
const PARTS = [
  "some commanders (amirs)",
  "the shura council alone",
  "some of the soldiers and amirs",
  "a minority of the leadership"
]
const ESTIMATES: ReadonlyArray<readonly [string, number, number | undefined]> = [
  ["dozens", 24, 99],
  ["hundreds", 200, 900],
  ["about 300 fighters", 250, 350],
  ["a few thousand", 2000, 5000],
  ["over 1,000", 1000, undefined]
]

const otherHub = (context: StatementContext): number | undefined => {
  const top = context.world.actors[context.unit]!.top
  const hubs = context.world.hubs.filter((hub) => hub !== top)
  return hubs.length === 0 ? undefined : context.random.pick(hubs)
}

/** A unit near this one: same cluster or a few clusters away, so links stay local. */
const neighbour = (context: StatementContext): number | undefined => {
  const { random, world } = context
  for (let attempt = 0; attempt < 4; attempt++) {
    const cluster = world.actors[context.unit]!.cluster + random.int(-3, 3)
    const units = world.clusterUnits[cluster]
    if (units === undefined || units.length === 0) continue
    const unit = random.pick(units)
    if (unit !== context.unit) return unit
  }
  return otherHub(context)
}

const earlierFromOtherChannel = (context: StatementContext): RecentStatement | undefined => {
  const candidates = context.recent.filter((item) => item.channel !== context.channel)
  return candidates.length === 0 ? undefined : context.random.pick(candidates)
}

const earlier = (context: StatementContext): RecentStatement | undefined =>
  context.recent.length === 0 ? undefined : context.random.pick(context.recent)

const otherUnitChannel = (context: StatementContext): number | undefined => {
  const channels = (context.world.unitChannels.get(context.unit) ?? []).filter(
    (channel) => channel !== context.channel
  )
  return channels.length === 0 ? undefined : context.random.pick(channels)
}

const actorId = (context: StatementContext, index: number) => context.world.actors[index]!.id
const channelId = (context: StatementContext, index: number) => context.world.channels[index]!.id

/** A day a few days back, written as a claim would put it ("before 5 January 2015"). */
const shortlyBefore = (context: StatementContext, maxDays: number) => {
  const day = context.day - context.random.int(0, maxDays)
  if (context.random.chance(0.6)) return onDay(day)
  const iso = isoOf(day)
  return {
    text: `before ${gregorianText(day)}`,
    calendar: "gregorian" as const,
    start: iso,
    end: iso,
    precision: "approximate" as const,
    note: "The statement gives only the day by which it had happened."
  }
}

/** The content of one claim of the given kind, or undefined when the case offers nothing it could be about. */
export const statementClaim = (
  kind: StatementClaimKind,
  context: StatementContext
): ClaimContent | undefined => {
  const { random, unit } = context
  const scope = actorId(context, unit)
  switch (kind) {
    case "pledge": {
      const hub = otherHub(context)
      if (hub === undefined) return undefined
      const pending = context.pendingPledges.get(hub)
      if (pending === undefined) context.pendingPledges.set(hub, [unit])
      else pending.push(unit)
      return { kind, scope, pledger: scope, recipient: actorId(context, hub) }
    }
    case "acceptance": {
      const pending = context.pendingPledges.get(unit)
      const pledger = pending?.shift()
      if (pledger === undefined) return undefined
      return { kind, scope: actorId(context, pledger), pledger: actorId(context, pledger), recipient: scope }
    }
    case "break": {
      const hub = otherHub(context)
      return hub === undefined ? undefined : { kind, scope, pledger: scope, recipient: actorId(context, hub) }
    }
    case "dissolution":
    case "continued-existence":
      return { kind, scope, actor: scope }
    case "merger": {
      const into = random.chance(0.5) ? otherHub(context) : neighbour(context)
      return into === undefined ? undefined : { kind, scope, absorbed: scope, into: actorId(context, into) }
    }
    case "denial": {
      const target = earlierFromOtherChannel(context)
      if (target === undefined) return undefined
      const aimsAtClaim = target.firstClaim !== undefined && random.chance(0.25)
      return { kind, scope, target: aimsAtClaim ? target.firstClaim! : target.statement }
    }
    case "confirmation": {
      const target = earlier(context)
      return target === undefined ? undefined : { kind, scope, target: target.statement }
    }
    case "channel-compromised": {
      const channel = otherUnitChannel(context)
      if (channel === undefined) return undefined
      context.compromised.add(channel)
      return { kind, scope, channel: channelId(context, channel), since: shortlyBefore(context, 20) }
    }
    case "channel-recovered": {
      const channels = (context.world.unitChannels.get(unit) ?? []).filter((channel) =>
        context.compromised.has(channel)
      )
      if (channels.length === 0) return undefined
      const channel = random.pick(channels)
      context.compromised.delete(channel)
      return { kind, scope, channel: channelId(context, channel), at: onDay(context.day - random.int(0, 3)) }
    }
    case "sole-official-channel":
      return { kind, scope, channel: channelId(context, context.channel) }
    case "disowning": {
      const roll = random.next()
      if (roll < 0.3 && context.serial !== undefined)
        return {
          kind,
          scope,
          channel: channelId(context, context.channel),
          afterSerial: context.serial,
          otherChannels: true
        }
      const channel = otherUnitChannel(context)
      if (channel === undefined) return undefined
      const top = context.topSerial(channel)
      if (roll < 0.5 && top !== undefined)
        return {
          kind,
          scope,
          channel: channelId(context, channel),
          afterSerial: Math.max(1, top - random.int(0, 3))
        }
      return { kind, scope, channel: channelId(context, channel), since: shortlyBefore(context, 30) }
    }
    case "last-statement":
      return context.serial === undefined
        ? undefined
        : { kind, scope, channel: channelId(context, context.channel), serial: context.serial }
    case "cooperation": {
      const other = neighbour(context)
      return other === undefined
        ? undefined
        : {
            kind,
            scope,
            actor: scope,
            with: actorId(context, other),
            ...(random.chance(0.5) ? { front: random.pick(FRONTS) } : {})
          }
    }
    case "protection": {
      const other = neighbour(context)
      return other === undefined
        ? undefined
        : { kind, scope, protected: scope, protector: actorId(context, other) }
    }
    case "rivalry": {
      const other = random.chance(0.5) ? otherHub(context) : neighbour(context)
      return other === undefined ? undefined : { kind, scope, actor: scope, with: actorId(context, other) }
    }
    case "membership": {
      const parts = context.world.actors[unit]!.parts.filter(
        (part) => context.world.actors[part]!.kind !== "body"
      )
      if (parts.length === 0) return undefined
      return { kind, scope, member: actorId(context, random.pick(parts)), of: scope }
    }
    case "partial-allegiance": {
      const to = random.chance(0.7) ? otherHub(context) : neighbour(context)
      return to === undefined
        ? undefined
        : {
            kind,
            scope,
            actor: scope,
            to: actorId(context, to),
            who: `some members of ${context.world.actors[unit]!.name}`
          }
    }
    case "partial-involvement": {
      const about = earlier(context)
      return {
        kind,
        scope,
        actor: scope,
        part: random.pick(PARTS),
        ...(about === undefined ? {} : { about: about.statement })
      }
    }
    case "majority-backing": {
      const backs = earlier(context)
      return backs === undefined ? undefined : { kind, scope, actor: scope, backs: backs.statement }
    }
    case "size-estimate": {
      const [estimate, low, high] = random.pick(ESTIMATES)
      return { kind, scope, actor: scope, estimate, low, ...(high === undefined ? {} : { high }) }
    }
  }
}

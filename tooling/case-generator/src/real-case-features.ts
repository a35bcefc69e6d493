import type { ClaimContent } from "./claim-content.ts"
import { onDay, type WrittenDate } from "./days.ts"
import type { Random } from "./random.ts"
import type { StatementContext } from "./statement-claims.ts"
import type { ActorInput, ClaimInput, ObservationInput, StatementInput, World } from "./world.ts"

/**
 * What real cases hold beyond the seed's kinds (issue 14): claims of responsibility, reaffirmed pledges,
 * a recipient naming a pledger its province, groups joining an umbrella, declarations of several official
 * channels; statements signed by others than the channel's owner, relayed by an agency, or marked
 * unconfirmed; times of day; activity under another's banner; parts that move from one actor to another.
 *
 * Everything here is drawn from a stream of its own, after what the other phases draw, and reads their
 * state without changing it: a seed gives the statements, claims and observations it always gave, with
 * these added to them.
 */

export const FEATURE_CLAIM_WEIGHTS = {
  none: 88,
  responsibility: 4,
  "official-channels": 3,
  reaffirmation: 2,
  designation: 2,
  joining: 2
} as const

const EVENTS = [
  "the attack on the checkpoint",
  "the ambush of a convoy",
  "the capture of a village",
  "the bombing of a bridge",
  "the raid on a prison"
]
const PLACES = ["the northern road", "the coastal highway", "the city outskirts", "the border crossing"]

const actorId = (world: World, index: number) => world.actors[index]!.id
const channelId = (world: World, index: number) => world.channels[index]!.id

/** One more claim of the kinds real cases need, for a statement about to be issued, or undefined. */
export const featureClaim = (
  random: Random,
  context: StatementContext,
  pledged: ReadonlyMap<number, number>
): ClaimContent | undefined => {
  const { world, unit } = context
  const scope = actorId(world, unit)
  const kind = random.weighted(FEATURE_CLAIM_WEIGHTS)
  switch (kind) {
    case "none":
      return undefined
    case "responsibility":
      return {
        kind,
        scope,
        actor: scope,
        event: random.pick(EVENTS),
        ...(random.chance(0.6) ? { place: random.pick(PLACES) } : {}),
        occurred: onDay(context.day - random.int(0, 3))
      }
    case "official-channels": {
      const own = world.unitChannels.get(unit) ?? []
      const channels = [
        channelId(world, context.channel),
        ...own
          .filter((channel) => channel !== context.channel && random.chance(0.5))
          .map((channel) => channelId(world, channel))
      ]
      return { kind, scope, channels: channels as [string, ...Array<string>] }
    }
    case "reaffirmation": {
      const hub = pledged.get(unit)
      return hub === undefined ? undefined : { kind, scope, pledger: scope, recipient: actorId(world, hub) }
    }
    case "designation": {
      // A hub names one of the units that pledged to it (read, not taken: acceptances draw from the list).
      const waiting = context.pendingPledges.get(unit)
      const pledger = waiting === undefined || waiting.length === 0 ? undefined : random.pick(waiting)
      if (pledger === undefined) return undefined
      return {
        kind,
        scope: actorId(world, pledger),
        pledger: actorId(world, pledger),
        recipient: scope,
        ...(random.chance(0.7) ? { as: `Province of ${world.actors[pledger]!.short}` } : {})
      }
    }
    case "joining": {
      const umbrellas = world.actors.filter(
        (actor) => actor.kind === "coalition" && actor.index !== unit && actor.top !== world.actors[unit]!.top
      )
      const umbrella = umbrellas.length > 0 ? random.pick(umbrellas).index : random.pick(world.hubs)
      if (umbrella === unit || world.actors[umbrella]!.top === world.actors[unit]!.top) return undefined
      return { kind, scope, member: scope, umbrella: actorId(world, umbrella) }
    }
  }
}

/** A day written with a time of day and a zone, now and then: the instant the item was posted. */
const withTime = (random: Random, date: WrittenDate): WrittenDate => {
  if (date.precision !== "day" || date.start !== date.end) return date
  const hour = random.int(0, 23)
  const minute = random.int(0, 59)
  const zone = random.pick(["+00:00", "+03:00", "+02:00"])
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`
  return {
    ...date,
    text: `${date.text}, ${time} UTC${zone === "+00:00" ? "" : zone.slice(0, 3)}`,
    time,
    zone
  }
}

/**
 * The statement as real material gives it now and then: signed by a hub's name on the unit's channel
 * (hackers under another banner), relayed by another outlet, marked unconfirmed by the analyst, or dated
 * to the minute; and its confirmations saying what they confirm, its compromise notices when the loss
 * began to the minute.
 */
export const withStatementFeatures = (
  random: Random,
  world: World,
  statement: StatementInput,
  claims: ReadonlyArray<ClaimInput>
): StatementInput => {
  const features: Record<string, unknown> = {}
  if (random.chance(0.03)) features.signers = [actorId(world, random.pick(world.hubs))]
  if (random.chance(0.06)) {
    const relay = random.int(0, world.channels.length - 1)
    if (world.channels[relay]!.id !== statement.channel) features.relayedBy = [channelId(world, relay)]
  }
  if (random.chance(0.03)) features.unconfirmed = "Seen only as a screenshot shared by supporters."
  const observed = random.chance(0.08)
    ? withTime(random, statement.observed as WrittenDate)
    : statement.observed
  for (const claim of claims as unknown as Array<Record<string, unknown>>) {
    if (claim.kind === "confirmation" && random.chance(0.6))
      claim.confirms = random.chance(0.5) ? "content" : "authorship"
    if (claim.kind === "channel-compromised" && random.chance(0.3))
      claim.since = withTime(random, claim.since as WrittenDate)
    if (claim.kind === "channel-recovered" && random.chance(0.3))
      claim.at = withTime(random, claim.at as WrittenDate)
  }
  return { ...statement, ...features, observed } as StatementInput
}

/** Activity seen under the banner of the hub a unit pledged to, now and then. */
export const withObservationFeatures = (
  random: Random,
  world: World,
  observation: ObservationInput,
  unit: number,
  pledged: ReadonlyMap<number, number>
): ObservationInput => {
  const hub = pledged.get(unit)
  if (observation.kind !== "activity" || hub === undefined || !random.chance(0.15)) return observation
  return { ...observation, under: actorId(world, hub) }
}

/**
 * Parts (factions, persons) that leave their unit for a hub on a day within the generated span, their
 * tree changing over time: the old link until that day, the new one from the next.
 */
export const withMovedParts = (
  random: Random,
  world: World,
  actors: ReadonlyArray<ActorInput>,
  span: { readonly first: number; readonly last: number }
): Array<ActorInput> =>
  actors.map((item, index) => {
    const node = world.actors[index]!
    if ((node.kind !== "faction" && node.kind !== "person") || node.parent === undefined) return item
    if (node.parts.length > 0 || !random.chance(0.04)) return item
    const hubs = world.hubs.filter((hub) => hub !== node.top)
    if (hubs.length === 0) return item
    const day = span.first + random.int(0, span.last - span.first - 1)
    return {
      ...item,
      parents: [
        { actor: actorId(world, node.parent), until: onDay(day) },
        { actor: actorId(world, random.pick(hubs)), since: onDay(day + 1) }
      ]
    }
  })

/** The documents a generated case cites, beside its own: a wire service, a statement archive, a digest. */
export const GENERATED_DOCUMENTS = [
  { id: "doc-wire", title: "Wire reports", publisher: "A wire service", link: "https://example.org/wire" },
  { id: "doc-archive", title: "Statement archive", author: "A monitoring service" },
  { id: "doc-digest", title: "Weekly digest", publisher: "A research centre", published: onDay(16800) }
] as const

/** A citation, pointing now and then into one of the other documents (decided by its paragraph, drawing nothing). */
export const citedIn = (citation: { readonly paragraph: number }) =>
  citation.paragraph % 7 === 0
    ? { document: GENERATED_DOCUMENTS[citation.paragraph % GENERATED_DOCUMENTS.length]!.id, ...citation }
    : citation

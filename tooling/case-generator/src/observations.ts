import { between, dayOf, dayInfo, inMonthOf, isoOf, nextEidAlAdha, onDay } from "./days.ts"
import type { Random } from "./random.ts"
import type { ObservationInput, World } from "./world.ts"

export interface ObservationRequest {
  readonly id: string
  readonly unit: number
  readonly channel: number
  readonly day: number
  /** The statement just issued on the channel, which an activity or release may be carried by. */
  readonly statement: string
  readonly statementShowsBanner: boolean
  readonly cite: { readonly paragraph: number }
}

/**
 * What the analyst or a source saw around a statement: the unit at work (often the statement's own
 * photos), a release, or the absence of a release the unit used to make: a festival message or a
 * monthly bulletin that did not come in the weeks after.
 */
export const observationNear = (
  random: Random,
  world: World,
  request: ObservationRequest
): ObservationInput => {
  const node = world.actors[request.unit]!
  const covering = world.clusterSources[node.cluster] ?? []
  const reporting = covering.length > 0 ? random.pick(covering) : random.pick(world.reportingSources)
  const channelSource = world.channelSource.get(request.channel)
  const common: Pick<ObservationInput, "id" | "actor" | "cites"> = {
    id: request.id,
    actor: node.id,
    cites: [request.cite]
  }
  const roll = random.next()
  if (roll < 0.55 || request.statementShowsBanner) {
    const seenOnChannel = channelSource !== undefined && random.chance(0.7)
    return {
      ...common,
      kind: "activity",
      source: world.sources[seenOnChannel ? channelSource : reporting]!.id,
      ...(seenOnChannel ? { channel: world.channels[request.channel]!.id } : {}),
      date: random.chance(0.8)
        ? onDay(request.day)
        : between(request.day - 3, request.day, "Undated photos, posted that week."),
      description: `Photos showing the banner and members of ${node.name}.`,
      ...(request.statementShowsBanner ? { carriedBy: request.statement } : {}),
      ...(random.chance(0.3) ? { credibility: random.pick([2, 3] as const) } : {})
    }
  }
  if (roll < 0.7 && channelSource !== undefined) {
    return {
      ...common,
      kind: "release",
      source: world.sources[channelSource]!.id,
      channel: world.channels[request.channel]!.id,
      date: onDay(request.day),
      description: `A release in the name of ${node.name} was seen.`,
      carriedBy: request.statement
    }
  }
  if (random.chance(0.5)) {
    const eid = nextEidAlAdha(request.day + 1)
    return {
      ...common,
      kind: "absence",
      source: world.sources[reporting]!.id,
      date: {
        text: `Eid al-Adha ${eid.hijriYear}`,
        calendar: "hijri",
        start: isoOf(eid.day),
        end: isoOf(eid.day + 3),
        precision: "approximate",
        note: "10-13 Dhu al-Hijjah, in the Umm al-Qura calendar."
      },
      known: onDay(eid.day + 4),
      description: `No Eid al-Adha message in the name of ${node.name}.`,
      expected: "An Eid al-Adha message or media release, as in previous years."
    }
  }
  const later = dayInfo(request.day + 35)
  const month = inMonthOf(request.day + 35)
  return {
    ...common,
    kind: "absence",
    source: world.sources[reporting]!.id,
    date: month,
    known: onDay(dayOf(later.year, later.month + 1, 1)),
    description: `No monthly bulletin from ${node.name} in ${month.text}.`,
    expected: "The monthly bulletin, which it issued every month before."
  }
}

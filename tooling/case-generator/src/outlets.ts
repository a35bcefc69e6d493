import type { Reliability } from "@allegiance/domain"
import type { ActorForest } from "./actor-forest.ts"
import { gregorianText, inMonthOf } from "./days.ts"
import { slugOf } from "./names.ts"
import type { Random } from "./random.ts"
import { WeightedIndex } from "./random.ts"
import type { ChannelInput, ChannelNode, SourceInput, SourceNode } from "./world.ts"

export interface Span {
  readonly first: number
  readonly last: number
}

const SERIAL_STYLES = ["Statement {n}", "Bayan No. {n}", "Release {n}", "No. {n}"]

export interface Channels {
  readonly channels: ReadonlyArray<ChannelNode>
  readonly items: ReadonlyArray<ChannelInput>
  readonly unitChannels: ReadonlyMap<number, ReadonlyArray<number>>
}

/**
 * About `target` channels. Every unit gets one while they last, the rest go mostly to units, some to
 * persons and bodies (a media office), so a unit usually speaks through several channels: the setting
 * in which accounts are claimed lost and statements disowned. A few supporter accounts speak for no one.
 */
export const buildChannels = (
  random: Random,
  forest: ActorForest,
  target: number,
  span: Span,
  cite: () => { paragraph: number }
): Channels => {
  const channels: Array<ChannelNode> = []
  const items: Array<ChannelInput> = []
  const unitChannels = new Map<number, Array<number>>()
  const supporterCount = Math.max(1, Math.round(target * 0.04))
  const speakingCount = Math.max(1, target - supporterCount)

  const weights = forest.actors.map((actor) =>
    actor.unit === actor.index ? 3 : actor.kind === "person" ? 1 : actor.kind === "body" ? 0.4 : 0.2
  )
  const speakers: Array<number> = forest.actors
    .filter((actor) => actor.unit === actor.index)
    .map((actor) => actor.index)
  const byWeight = new WeightedIndex(weights)
  while (speakers.length < speakingCount) speakers.push(byWeight.pick(random))
  speakers.length = speakingCount

  const add = (actor: number | undefined) => {
    const index = channels.length
    const node = actor === undefined ? undefined : forest.actors[actor]!
    const kind = random.weighted({
      "social-media-account": 55,
      "messaging-channel": 25,
      website: 10,
      "media-office": node === undefined ? 0 : 10
    })
    const stem = slugOf(node === undefined ? `ansar${random.int(1, 99)}` : node.short) || "channel"
    const handle =
      kind === "website"
        ? `${stem}-${index + 1}.example.org`
        : kind === "media-office"
          ? `${node?.name ?? stem} media office ${index + 1}`
          : kind === "messaging-channel"
            ? `t.me/${stem}_${index + 1}`
            : `@${stem}_${index + 1}`
    const platform =
      kind === "social-media-account"
        ? random.pick(["Twitter", "Twitter", "Facebook", "YouTube"])
        : kind === "messaging-channel"
          ? random.pick(["Telegram", "Telegram", "WhatsApp"])
          : undefined
    const firstDay = span.first + random.int(0, Math.floor((span.last - span.first) * 0.6))
    const lastDay = random.int(Math.min(span.last, firstDay + 120), span.last)
    channels.push({
      index,
      id: `ch-${index + 1}`,
      handle,
      actor,
      firstDay,
      lastDay,
      // A heavy tail: a few outlets publish most statements, as official accounts do.
      weight: 1 / (0.05 + random.next()) ** 0.8,
      serialStyle: actor !== undefined && random.chance(0.65) ? random.pick(SERIAL_STYLES) : undefined
    })
    if (node !== undefined) {
      const list = unitChannels.get(node.unit)
      if (list === undefined) unitChannels.set(node.unit, [index])
      else list.push(index)
    }
    items.push({
      id: `ch-${index + 1}`,
      kind,
      ...(platform === undefined ? {} : { platform }),
      handle,
      ...(node === undefined ? {} : { speaksFor: node.id }),
      description:
        node === undefined
          ? "A supporter account; it speaks for no group."
          : `An outlet of ${node.name}, active from ${gregorianText(firstDay)}.`,
      cites: [cite()]
    })
  }
  for (const speaker of speakers) add(speaker)
  for (let s = 0; s < supporterCount; s++) add(undefined)
  return { channels, items, unitChannels }
}

export interface Sources {
  readonly sources: ReadonlyArray<SourceNode>
  readonly items: ReadonlyArray<SourceInput>
  readonly channelSource: ReadonlyMap<number, number>
  readonly clusterSources: ReadonlyArray<ReadonlyArray<number>>
  readonly reportingSources: ReadonlyArray<number>
}

const RELIABILITY: Record<SourceInput["kind"], Readonly<Partial<Record<Reliability, number>>>> = {
  "actor-channel": { B: 4, C: 3, D: 1, F: 2 },
  "field-interview": { B: 4, C: 4, D: 2 },
  "news-report": { A: 1, B: 3, C: 4, D: 2 },
  "supporter-account": { D: 3, E: 5, F: 2 },
  individual: { B: 3, C: 4, D: 3 },
  analyst: { A: 3, B: 6, C: 1 }
}

const REASONS: Partial<Record<SourceInput["kind"], string>> = {
  "supporter-account": "A supporter account, not the group; such accounts often get their facts confused.",
  analyst: "A specialist who follows these groups' releases closely.",
  "field-interview": "A first-hand account of a front the interviewee knows."
}

/**
 * About `target` sources of mixed kinds and grades. Reporting sources (interviews, news, supporter
 * accounts, individuals, analysts) each cover a few neighbouring clusters, so what they report stays
 * local to those actors, as a correspondent's beat does.
 */
export const buildSources = (
  random: Random,
  forest: ActorForest,
  channels: Channels,
  target: number,
  span: Span,
  cite: () => { paragraph: number }
): Sources => {
  const sources: Array<SourceNode> = []
  const items: Array<SourceInput> = []
  const channelSource = new Map<number, number>()
  const clusterSources: Array<Array<number>> = forest.clusterUnits.map(() => [])
  const reportingSources: Array<number> = []
  const clusterCount = forest.clusterUnits.length
  const speaking = channels.channels.filter((channel) => channel.actor !== undefined)
  const supporters = channels.channels.filter((channel) => channel.actor === undefined)
  const personChannels = speaking.filter((channel) => forest.actors[channel.actor!]!.kind === "person")

  for (let index = 0; index < target; index++) {
    const id = `src-${index + 1}`
    let kind = random.weighted<SourceInput["kind"]>({
      "actor-channel": 35,
      "field-interview": 15,
      "news-report": 20,
      "supporter-account": 8,
      individual: 7,
      analyst: 15
    })
    if (kind === "individual" && personChannels.length === 0) kind = "news-report"
    // Every case has at least one analyst: the one who gathered it.
    if (index === 0) kind = "analyst"
    const reliability = random.weighted(RELIABILITY[kind] as Record<Reliability, number>)
    let channel: number | undefined
    let affiliation: number | undefined
    let description: string
    const homeCluster = random.int(0, clusterCount - 1)
    if (kind === "actor-channel") {
      channel = random.pick(speaking).index
      description = `The ${channels.channels[channel]!.handle} outlet itself.`
    } else if (kind === "supporter-account") {
      channel = random.pick(supporters).index
      description = `The supporter account ${channels.channels[channel]!.handle}.`
    } else if (kind === "individual") {
      channel = random.pick(personChannels).index
      affiliation = forest.actors[channels.channels[channel]!.actor!]!.top
      description = `${forest.actors[channels.channels[channel]!.actor!]!.name}, writing on his own account.`
    } else if (kind === "field-interview") {
      affiliation = random.pick(forest.clusterUnits[homeCluster]!)
      const when = span.first + random.int(0, span.last - span.first)
      description = `A member of ${forest.actors[affiliation]!.name}, interviewed by the analyst in ${inMonthOf(when).text}.`
    } else if (kind === "news-report") {
      description = `News reports by correspondent ${index + 1} on the groups of the area.`
    } else {
      description = `The analyst's own observation of the groups' releases (desk ${index + 1}).`
    }
    const dependsOn =
      kind === "news-report" && reportingSources.length > 0 && random.chance(0.15)
        ? [items[random.pick(reportingSources)]!.id]
        : []
    sources.push({ index, id, kind, channel })
    const reason = REASONS[kind]
    items.push({
      id,
      kind,
      description,
      reliability,
      ...(reason === undefined || !random.chance(0.7) ? {} : { reliabilityReason: reason }),
      ...(channel === undefined ? {} : { channel: channels.channels[channel]!.id }),
      ...(affiliation === undefined ? {} : { affiliation: forest.actors[affiliation]!.id }),
      dependsOn,
      cites: [cite()]
    })
    if (kind === "actor-channel") {
      if (!channelSource.has(channel!)) channelSource.set(channel!, index)
    } else {
      reportingSources.push(index)
      const reach = kind === "analyst" ? random.int(2, 4) : random.int(1, 2)
      for (let r = 0; r < reach; r++) {
        const cluster = Math.min(clusterCount - 1, Math.max(0, homeCluster + r - (reach >> 1)))
        if (!clusterSources[cluster]!.includes(index)) clusterSources[cluster]!.push(index)
      }
    }
  }
  return { sources, items, channelSource, clusterSources, reportingSources }
}

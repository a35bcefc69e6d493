import { builtInKinds, CaseFile, type ClaimKind, caseModel } from "@allegiance/domain"
import { Schema } from "effect"
import { buildActorForest } from "./actor-forest.ts"
import { backgroundRelationships, questions } from "./background.ts"
import { type ClaimContent, type RecentStatement, remember } from "./claim-content.ts"
import { between, dayOf, hijriOn, inMonthOf, onDay, type WrittenDate } from "./days.ts"
import type { GeneratedKind } from "./generated-kind.ts"
import { observationNear } from "./observations.ts"
import { buildChannels, buildSources, type Span } from "./outlets.ts"
import { Random, WeightedIndex } from "./random.ts"
import {
  citedIn,
  featureClaim,
  GENERATED_DOCUMENTS,
  withMovedParts,
  withObservationFeatures,
  withStatementFeatures
} from "./real-case-features.ts"
import { reportedClaim } from "./source-claims.ts"
import {
  STATEMENT_CLAIM_WEIGHTS,
  type StatementClaimKind,
  type StatementContext,
  statementClaim
} from "./statement-claims.ts"
import type { ClaimInput, ObservationInput, StatementInput, World } from "./world.ts"

export interface GenerateOptions {
  /** How many statements the case holds; everything else is sized from it as in real cases. */
  readonly statements: number
  readonly seed: number
  /**
   * Kinds of claim a package adds, drawn beside the built-in ones. Without them the case is the one the
   * seed has always given.
   */
  readonly extraKinds?: ReadonlyArray<GeneratedKind> | undefined
}

export type CaseFileInput = typeof CaseFile.Encoded

/** The years the generated material is spread over. */
export const GENERATED_SPAN: Span = { first: dayOf(2012, 1, 1), last: dayOf(2015, 12, 31) }

const TITLES: Partial<Record<StatementClaimKind, string>> = {
  pledge: "Pledge of allegiance",
  acceptance: "Acceptance of a pledge",
  break: "Withdrawal of a pledge",
  dissolution: "Announcement of dissolution",
  merger: "Announcement of merger",
  denial: "Denial",
  confirmation: "Confirmation",
  "channel-compromised": "Notice that an account has been lost",
  "sole-official-channel": "Notice of the sole official account",
  disowning: "Disowning of statements",
  "last-statement": "Final statement",
  "size-estimate": "Parade of fighters"
}

const LANGUAGES = ["Arabic", "Arabic", "Arabic (quoted in translation)", "English", "French", "Somali"]

/**
 * A case of about `statements` statements, the same for the same seed, as plain encoded data: what
 * a case file would hold. Proportions follow real material: an actor per 20 statements, a channel per
 * 10, a source per 25, about 1.5 claims per statement, and disputes that stay inside one unit's
 * channels.
 */
export const generateCaseInput = (options: GenerateOptions): CaseFileInput => {
  const size = Math.max(1, Math.floor(options.statements))
  const extra = new Map((options.extraKinds ?? []).map((generated) => [generated.kind.kind, generated]))
  // The built-in weights are drawn from as they always were; added kinds extend the table.
  const weights: Readonly<Record<string, number>> =
    extra.size === 0
      ? STATEMENT_CLAIM_WEIGHTS
      : {
          ...STATEMENT_CLAIM_WEIGHTS,
          ...Object.fromEntries([...extra].map(([kind, generated]) => [kind, generated.weight]))
        }
  const claimOf = (kind: string, context: StatementContext): ClaimContent | undefined => {
    const generated = extra.get(kind)
    if (generated === undefined) return statementClaim(kind as StatementClaimKind, context)
    return generated.make(context) as ClaimContent | undefined
  }
  // One stream per phase, so that changing how one phase draws leaves the others as they were.
  const stream = (phase: number) => new Random(options.seed * 0x1f1f1f1f + phase * 0x9e3779b1)
  const citeRandom = stream(0)
  const paragraphs = Math.max(40, Math.ceil(size / 4))
  const cite = () => citedIn({ paragraph: citeRandom.int(1, paragraphs) })
  // What real cases hold beyond the seed's kinds, from a stream of its own (see real-case-features.ts).
  const featureRandom = stream(6)

  const forest = buildActorForest(stream(1), Math.max(12, Math.round(size / 20)), cite)
  const channels = buildChannels(stream(2), forest, Math.max(4, Math.round(size / 10)), GENERATED_SPAN, cite)
  const sources = buildSources(
    stream(3),
    forest,
    channels,
    Math.max(6, Math.round(size / 25)),
    GENERATED_SPAN,
    cite
  )
  const world: World = {
    actors: forest.actors,
    actorItems: forest.items,
    hubs: forest.hubs,
    clusterUnits: forest.clusterUnits,
    channels: channels.channels,
    channelItems: channels.items,
    unitChannels: channels.unitChannels,
    sources: sources.sources,
    sourceItems: sources.items,
    channelSource: sources.channelSource,
    clusterSources: sources.clusterSources,
    reportingSources: sources.reportingSources
  }

  // When each statement appears and where: active outlets publish most, each within its own years.
  const random = stream(4)
  const speaking = world.channels.filter((channel) => channel.actor !== undefined)
  const byActivity = new WeightedIndex(speaking.map((channel) => channel.weight))
  const channelOf = new Int32Array(size)
  const dayOfStatement = new Int32Array(size)
  for (let i = 0; i < size; i++) {
    const channel = speaking[byActivity.pick(random)]!
    channelOf[i] = channel.index
    dayOfStatement[i] = channel.firstDay + random.int(0, channel.lastDay - channel.firstDay)
  }
  const order = byDay(dayOfStatement)

  const topSerial = new Int32Array(world.channels.length)
  for (const channel of world.channels)
    if (channel.serialStyle !== undefined) topSerial[channel.index] = random.int(0, 300)
  const statements: Array<StatementInput> = []
  const claims: Array<ClaimInput> = []
  const observations: Array<ObservationInput> = []
  const recent = new Map<number, Array<RecentStatement>>()
  const pendingPledges = new Map<number, Array<number>>()
  const compromised = new Set<number>()
  const pledged = new Map<number, number>()
  const lastStatement = new Map<number, string>()
  const actorIndex = new Map(world.actors.map((node) => [node.id, node.index]))
  const claimId = () => `cl-${claims.length + 1}`

  for (const generated of order) {
    const channel = world.channels[channelOf[generated]!]!
    const day = dayOfStatement[generated]!
    const actor = world.actors[channel.actor!]!
    const unit = actor.unit
    const id = `st-${statements.length + 1}`
    const serial = nextSerial(random, channel.serialStyle, topSerial, channel.index)
    const context: StatementContext = {
      random,
      world,
      statement: id,
      channel: channel.index,
      actor: actor.index,
      unit,
      day,
      serial: serial?.number,
      recent: recent.get(unit) ?? [],
      pendingPledges,
      compromised,
      topSerial: (index) => (world.channels[index]!.serialStyle === undefined ? undefined : topSerial[index])
    }
    const made: Array<ClaimInput> = []
    const feature = featureClaim(featureRandom, context, pledged)
    const first = random.weighted(weights)
    const opening = claimOf(first, context) ?? statementClaim("continued-existence", context)!
    made.push({ id: claimId(), ...opening, madeBy: { statement: id }, cites: [cite()] } as ClaimInput)
    const secondKind = random.chance(0.35) ? random.weighted(weights) : undefined
    // Drawn before it is made: making a claim can change the state (a pledge awaits acceptance).
    if (secondKind !== undefined && secondKind !== opening.kind) {
      const second = claimOf(secondKind, context)
      if (second !== undefined)
        made.push({
          id: `cl-${claims.length + 2}`,
          ...second,
          madeBy: { statement: id },
          cites: [cite()]
        } as ClaimInput)
    }
    for (const claim of made) {
      if (claim.kind === "pledge" && !pledged.has(unit)) pledged.set(unit, actorIndex.get(claim.recipient)!)
    }
    if (feature !== undefined)
      made.push({
        id: `cl-${claims.length + made.length + 1}`,
        ...feature,
        madeBy: { statement: id },
        cites: [citedIn({ paragraph: featureRandom.int(1, paragraphs) })]
      } as ClaimInput)
    const showsBanner = random.chance(0.08)
    const parts = actor.parts.filter((part) => world.actors[part]!.kind !== "person")
    const signedBy =
      parts.length > 0 && random.chance(0.15) ? world.actors[random.pick(parts)]!.id : undefined
    const title = extra.get(opening.kind)?.title ?? TITLES[opening.kind as StatementClaimKind]
    const issued: StatementInput = {
      id,
      ...(title === undefined ? {} : { title: `${title}: ${actor.name}` }),
      ...(serial === undefined ? {} : { serial }),
      issuer: {
        nameAsPrinted: random.chance(0.8) ? actor.name : channel.handle,
        actor: actor.id,
        ...(signedBy === undefined ? {} : { signedBy })
      },
      channel: channel.id,
      printedDates: printedDates(random, day),
      observed: observedDate(random, day),
      ...(random.chance(0.5) ? { language: random.pick(LANGUAGES) } : {}),
      ...(random.chance(0.3) ? { excerpt: `${title ?? "A statement"} in the name of ${actor.name}.` } : {}),
      media:
        showsBanner || random.chance(0.07)
          ? [
              {
                kind: random.chance(0.8) ? "photo" : "video",
                description: `Images released with the statement of ${actor.name}.`,
                showsBannerAndMembers: showsBanner
              }
            ]
          : [],
      cites: [cite()]
    }
    statements.push(withStatementFeatures(featureRandom, world, issued, made))
    claims.push(...made)
    remember(recent, unit, { statement: id, channel: channel.index, day, firstClaim: made[0]!.id })
    lastStatement.set(unit, id)

    if (random.chance(0.15)) {
      const reported = reportedClaim(random, world, unit, day, recent.get(unit) ?? [])
      if (reported !== undefined)
        claims.push({
          id: claimId(),
          ...reported.content,
          madeBy: { source: world.sources[reported.source]!.id },
          cites: [cite()]
        } as ClaimInput)
    }
    if (showsBanner || random.chance(0.1)) {
      const seen = observationNear(random, world, {
        id: `ob-${observations.length + 1}`,
        unit,
        channel: channel.index,
        day,
        statement: id,
        statementShowsBanner: showsBanner,
        cite: cite()
      })
      observations.push(withObservationFeatures(featureRandom, world, seen, unit, pledged))
    }
  }

  const backgroundRandom = stream(5)
  return {
    case: {
      id: `synthetic-${size}-${options.seed}`.replace(/[^a-z0-9._-]/g, "-"),
      title: `Synthetic case of ${size} statements (seed ${options.seed})`,
      summary:
        "Generated for benchmarks. The groups, channels and sources are made up; the shape of the material (hierarchies, disputed accounts, denials, reported claims) follows real cases.",
      document: {
        title: "Synthetic source document",
        paragraphNumbering: `Paragraphs 1 to ${paragraphs}, as numbered by the generator.`
      },
      documents: GENERATED_DOCUMENTS.map((document) => ({ ...document }))
    },
    actors: withMovedParts(featureRandom, world, world.actorItems, GENERATED_SPAN),
    channels: [...world.channelItems],
    sources: [...world.sourceItems],
    statements,
    claims,
    observations,
    relationships: backgroundRelationships(backgroundRandom, world, cite),
    questions: questions(
      backgroundRandom,
      world,
      { pledged, lastStatement },
      Math.max(1, Math.round(world.actors.length / 40)),
      cite
    )
  }
}

const kindLists = new WeakMap<ReadonlyArray<GeneratedKind>, ReadonlyArray<ClaimKind>>()

/** The kinds of claim a case generated with these added kinds holds: the built-in ones, then those. */
export const generatedKinds = (
  extraKinds: ReadonlyArray<GeneratedKind> | undefined
): ReadonlyArray<ClaimKind> => {
  if (extraKinds === undefined || extraKinds.length === 0) return builtInKinds
  let kinds = kindLists.get(extraKinds)
  if (kinds === undefined) {
    kinds = [...builtInKinds, ...extraKinds.map((generated) => generated.kind)]
    kindLists.set(extraKinds, kinds)
  }
  return kinds
}

/** A case decoded exactly as a case file would be, from `generateCaseInput`. */
export const generateCase = (options: GenerateOptions): CaseFile =>
  options.extraKinds === undefined || options.extraKinds.length === 0
    ? Schema.decodeUnknownSync(CaseFile)(generateCaseInput(options))
    : Schema.decodeUnknownSync(caseModel(generatedKinds(options.extraKinds)).CaseFile)(
        generateCaseInput(options)
      )

/** Statement indices in date order, ties in generation order (a counting sort: days are few). */
const byDay = (days: Int32Array): Int32Array => {
  const first = GENERATED_SPAN.first
  const counts = new Int32Array(GENERATED_SPAN.last - first + 2)
  for (const day of days) counts[day - first + 1]!++
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!
  const order = new Int32Array(days.length)
  days.forEach((day, index) => {
    order[counts[day - first]!++] = index
  })
  return order
}

/**
 * The serial the next statement on a channel prints. Numbers rise, with the occasional regression or
 * duplicate that the sequence rule exists to catch.
 */
const nextSerial = (
  random: Random,
  style: string | undefined,
  topSerial: Int32Array,
  channel: number
): { text: string; number: number } | undefined => {
  if (style === undefined) return undefined
  const top = topSerial[channel]!
  const roll = random.next()
  let number: number
  if (roll < 0.02 && top > 5) number = top - random.int(1, Math.min(10, top - 1))
  else if (roll < 0.03 && top > 0) number = top
  else number = top + (random.chance(0.1) ? random.int(2, 4) : 1)
  topSerial[channel] = Math.max(top, number)
  return { text: style.replace("{n}", String(number)), number }
}

/** None, a Gregorian date, or Hijri and Gregorian side by side, now and then a few days apart. */
const printedDates = (random: Random, day: number): Array<WrittenDate> => {
  const roll = random.next()
  if (roll < 0.4) return []
  const printed = day - (random.chance(0.2) ? random.int(1, 2) : 0)
  if (roll < 0.85) return [onDay(printed)]
  const offset = random.chance(0.85)
    ? 0
    : random.chance(0.5)
      ? random.pick([-1, 1])
      : random.pick([-4, -3, -2, 2, 3, 4])
  const hijri = hijriOn(printed + offset, random)
  return hijri === undefined ? [onDay(printed)] : [hijri, onDay(printed)]
}

const observedDate = (random: Random, day: number): WrittenDate => {
  const roll = random.next()
  if (roll < 0.85) return onDay(day)
  if (roll < 0.95) return inMonthOf(day)
  return between(day - 3, day, "Seen some days after it was posted; the channel does not date its posts.")
}

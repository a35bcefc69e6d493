import type {
  Actor,
  ActorKind,
  Channel,
  Claim,
  Observation,
  Question,
  Relationship,
  Source,
  Statement
} from "@allegiance/domain"

/** The plain, encoded form of each item: what a case file holds before decoding. */
export type ActorInput = typeof Actor.Encoded
export type ChannelInput = typeof Channel.Encoded
export type SourceInput = typeof Source.Encoded
export type StatementInput = typeof Statement.Encoded
export type ClaimInput = typeof Claim.Encoded
export type ObservationInput = typeof Observation.Encoded
export type RelationshipInput = typeof Relationship.Encoded
export type QuestionInput = typeof Question.Encoded

/**
 * An actor as the generator sees it: besides the case item, where it sits in the forest and which
 * channels speak for it. A "unit" is a group, coalition or branch: the level at which statements are
 * issued and conflicts (denials, disownings, compromised accounts) happen.
 */
export interface ActorNode {
  readonly index: number
  readonly id: string
  readonly kind: ActorKind
  readonly name: string
  readonly short: string
  readonly parent: number | undefined
  /** Itself when it is a unit, else the nearest unit above it. */
  readonly unit: number
  /** The top-level actor of its tree. */
  readonly top: number
  readonly cluster: number
  readonly isHub: boolean
  /** Bodies, factions and persons directly under it: who can sign for it or be members. */
  readonly parts: Array<number>
}

export interface ChannelNode {
  readonly index: number
  readonly id: string
  readonly handle: string
  /** The actor it speaks for; undefined for supporter accounts, which carry no statements. */
  readonly actor: number | undefined
  readonly firstDay: number
  readonly lastDay: number
  /** How active the channel is relative to the others. */
  readonly weight: number
  readonly serialStyle: string | undefined
}

export interface SourceNode {
  readonly index: number
  readonly id: string
  readonly kind: SourceInput["kind"]
  readonly channel: number | undefined
}

/** The actors, channels and sources of a case, with the indexes the statement pass needs. */
export interface World {
  readonly actors: ReadonlyArray<ActorNode>
  readonly actorItems: ReadonlyArray<ActorInput>
  readonly hubs: ReadonlyArray<number>
  /** The units of each cluster (a top-level actor and its branches). */
  readonly clusterUnits: ReadonlyArray<ReadonlyArray<number>>
  readonly channels: ReadonlyArray<ChannelNode>
  readonly channelItems: ReadonlyArray<ChannelInput>
  /** The channels whose actor belongs to each unit, by unit index. */
  readonly unitChannels: ReadonlyMap<number, ReadonlyArray<number>>
  readonly sources: ReadonlyArray<SourceNode>
  readonly sourceItems: ReadonlyArray<SourceInput>
  /** The actor-channel source of a channel, when there is one. */
  readonly channelSource: ReadonlyMap<number, number>
  /** The reporting (non-channel) sources that cover each cluster. */
  readonly clusterSources: ReadonlyArray<ReadonlyArray<number>>
  readonly reportingSources: ReadonlyArray<number>
}

import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
import { ActorId, ChannelId, ClaimId, EvidenceId, SourceId, StatementId } from "./ids.ts"
import { Credibility } from "./source.ts"

/** Who makes a claim: a statement (the claim is that statement's content) or a source reporting it. */
export const MadeBy = Schema.Union([
  Schema.Struct({ statement: StatementId }),
  Schema.Struct({ source: SourceId })
])
export type MadeBy = typeof MadeBy.Type

/** Fields every claim has, whatever its kind. */
const common = {
  id: ClaimId,
  /** The actor the claim is about. A claim about a branch is not a claim about its parent. */
  scope: ActorId,
  madeBy: MadeBy,
  /**
   * When the claim was made or reported. Claims made by a statement default to the statement's date;
   * claims reported by a source must say when the source made them.
   */
  reported: Schema.optionalKey(DateField),
  /** When the claimed event happened, when the claim dates it ("five months ago"). */
  occurred: Schema.optionalKey(DateField),
  /** The actor the claim is attributed to when the source reports someone else's words. */
  attributedTo: Schema.optionalKey(ActorId),
  /** The evidence the claim says it rests on, when it says so. */
  restsOn: Schema.Array(EvidenceId).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  credibility: Schema.optionalKey(Credibility),
  summary: Schema.optionalKey(Schema.String),
  cites: Citations
}

const kind = <K extends string, F extends Schema.Struct.Fields>(name: K, fields: F) =>
  Schema.Struct({ kind: Schema.Literal(name), ...common, ...fields })

/** A pledge of allegiance (bay'ah) announced by the pledger: one allegiance episode. */
export const PledgeClaim = kind("pledge", { pledger: ActorId, recipient: ActorId })
/** The recipient's acknowledgement of a pledge. Without it a pledge is announced, not accepted. */
export const AcceptanceClaim = kind("acceptance", { pledger: ActorId, recipient: ActorId })
/** A pledge withdrawn: ends an allegiance episode; a later pledge is a new episode. */
export const BreakClaim = kind("break", { pledger: ActorId, recipient: ActorId })
export const DissolutionClaim = kind("dissolution", { actor: ActorId })
export const MergerClaim = kind("merger", { absorbed: ActorId, into: ActorId })
export const ContinuedExistenceClaim = kind("continued-existence", { actor: ActorId })
/** An actor denies that a statement or claim attributed to it is its own, or true. */
export const DenialClaim = kind("denial", { target: EvidenceId })
/** An actor confirms, later, a statement or claim attributed to it (e.g. an audio pledge in the leader's voice). */
export const ConfirmationClaim = kind("confirmation", { target: EvidenceId })
export const ChannelCompromisedClaim = kind("channel-compromised", { channel: ChannelId, since: DateField })
export const ChannelRecoveredClaim = kind("channel-recovered", { channel: ChannelId, at: DateField })
export const SoleOfficialChannelClaim = kind("sole-official-channel", { channel: ChannelId })
/**
 * Statements declared false: those on `channel` after serial `afterSerial` or from date `since`,
 * and, with `otherChannels`, whatever other channels publish in the actor's name.
 */
export const DisowningClaim = kind("disowning", {
  channel: Schema.optionalKey(ChannelId),
  afterSerial: Schema.optionalKey(Schema.Int),
  since: Schema.optionalKey(DateField),
  otherChannels: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(false)))
})
/** A statement that declares itself the last one the channel will publish. */
export const LastStatementClaim = kind("last-statement", { channel: ChannelId, serial: Schema.Int })
export const CooperationClaim = kind("cooperation", {
  actor: ActorId,
  with: ActorId,
  front: Schema.optionalKey(Schema.String)
})
export const ProtectionClaim = kind("protection", { protected: ActorId, protector: ActorId })
export const RivalryClaim = kind("rivalry", { actor: ActorId, with: ActorId })
export const MembershipClaim = kind("membership", { member: ActorId, of: ActorId })
/** Some members of an actor gave allegiance elsewhere, the actor itself did not. */
export const PartialAllegianceClaim = kind("partial-allegiance", {
  actor: ActorId,
  to: ActorId,
  who: Schema.optionalKey(Schema.String)
})
/**
 * Only part of an actor (some commanders, a council) stands behind a decision or statement made in
 * the whole actor's name; `about` names it when it is in the case.
 */
export const PartialInvolvementClaim = kind("partial-involvement", {
  actor: ActorId,
  part: Schema.NonEmptyString,
  about: Schema.optionalKey(EvidenceId)
})
/** The bulk of an actor stands behind a statement made in its name. */
export const MajorityBackingClaim = kind("majority-backing", { actor: ActorId, backs: EvidenceId })
export const SizeEstimateClaim = kind("size-estimate", {
  actor: ActorId,
  estimate: Schema.NonEmptyString,
  low: Schema.optionalKey(Schema.Int),
  high: Schema.optionalKey(Schema.Int)
})

export const Claim = Schema.Union([
  PledgeClaim,
  AcceptanceClaim,
  BreakClaim,
  DissolutionClaim,
  MergerClaim,
  ContinuedExistenceClaim,
  DenialClaim,
  ConfirmationClaim,
  ChannelCompromisedClaim,
  ChannelRecoveredClaim,
  SoleOfficialChannelClaim,
  DisowningClaim,
  LastStatementClaim,
  CooperationClaim,
  ProtectionClaim,
  RivalryClaim,
  MembershipClaim,
  PartialAllegianceClaim,
  PartialInvolvementClaim,
  MajorityBackingClaim,
  SizeEstimateClaim
])
export type Claim = typeof Claim.Type
export type ClaimKind = Claim["kind"]
export type ClaimOf<K extends ClaimKind> = Extract<Claim, { readonly kind: K }>

export const isClaimOf =
  <K extends ClaimKind>(kind: K) =>
  (claim: Claim): claim is ClaimOf<K> =>
    claim.kind === kind

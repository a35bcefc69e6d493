import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
import { ActorId, ChannelId, StatementId } from "./ids.ts"

/** The serial a statement prints ("Statement 12"), verbatim and as a number when it has one. */
export class Serial extends Schema.Class<Serial>("allegiance/model/Serial")({
  text: Schema.NonEmptyString,
  number: Schema.optionalKey(Schema.Int)
}) {}

/**
 * The issuer a statement names, as printed ("Leadership of JAI in Bilad al-Sham"), the actor that
 * name stands for, and the part of the actor that signed, when it is a part (a shura council, a
 * leadership, some commanders) rather than the actor as a whole.
 */
export class Issuer extends Schema.Class<Issuer>("allegiance/model/Issuer")({
  nameAsPrinted: Schema.NonEmptyString,
  actor: ActorId,
  signedBy: Schema.optionalKey(ActorId)
}) {}

export const MediaKind = Schema.Literals(["photo", "video", "audio", "document"])

/** Media attached to a statement, and what it shows that bears on the case. */
export class Media extends Schema.Class<Media>("allegiance/model/Media")({
  kind: MediaKind,
  description: Schema.NonEmptyString,
  /** Whether it shows the actor's banner with members: dated evidence of activity under the banner. */
  showsBannerAndMembers: Schema.Boolean.pipe(Schema.withDecodingDefaultKey(Effect.succeed(false)))
}) {}

/**
 * A dated utterance issued in someone's name through a channel. The claims it makes are items of
 * their own that point back to it.
 */
export class Statement extends Schema.Class<Statement>("allegiance/model/Statement")({
  id: StatementId,
  title: Schema.optionalKey(Schema.String),
  /**
   * The short name a writer would use for it in a sentence ("the August 2014 Shura statement"); without
   * one, explanations derive a name from what the item holds. Ids never appear in running text.
   */
  label: Schema.optionalKey(Schema.NonEmptyString),
  serial: Schema.optionalKey(Serial),
  issuer: Issuer,
  /**
   * Who the statement says it is from, when that is not the issuer: hackers posting on a hijacked account
   * under their own banner, several groups signing one statement. Its claims are read as theirs, not as
   * the words of the actor whose channel it appeared on.
   */
  signers: Schema.optionalKey(Schema.Array(ActorId)),
  /** The channel it appeared on; absent when the source does not say. */
  channel: Schema.optionalKey(ChannelId),
  /**
   * Agencies or channels that republished it (a news agency relaying a group's statement). A relay is
   * not the author: its reliability grades the relaying, apart from the author's own channel.
   */
  relayedBy: Schema.optionalKey(Schema.Array(ChannelId)),
  /** The dates printed on the statement, verbatim, in the calendars they were printed in. */
  printedDates: Schema.Array(DateField).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  /** When the statement appeared, as best known: what "as of" evaluation goes by. */
  observed: DateField,
  language: Schema.optionalKey(Schema.NonEmptyString),
  excerpt: Schema.optionalKey(Schema.String),
  media: Schema.Array(Media).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  /**
   * Set when the analyst cannot confirm that the statement is authentic, saying why ("seen only as a
   * screenshot"). Its authorship then counts as unsupported: it and its claims attack nothing until the
   * actor confirms it.
   */
  unconfirmed: Schema.optionalKey(Schema.NonEmptyString),
  cites: Citations
}) {}

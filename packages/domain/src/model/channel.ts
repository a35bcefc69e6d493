import { Schema } from "effect"
import { Citations } from "./citation.ts"
import { ActorId, ChannelId } from "./ids.ts"

export const ChannelKind = Schema.Literals([
  "social-media-account",
  "messaging-channel",
  "website",
  "media-office"
])
export type ChannelKind = typeof ChannelKind.Type

/**
 * An outlet through which statements appear. It claims to speak for an actor; whether it really
 * does at a given time (hijacked, recovered, suspended) is a matter for claims and the reasoning,
 * not a field typed in here.
 */
export class Channel extends Schema.Class<Channel>("allegiance/model/Channel")({
  id: ChannelId,
  kind: ChannelKind,
  platform: Schema.optionalKey(Schema.NonEmptyString),
  /** The handle or address as it appears, e.g. "@group_media". */
  handle: Schema.NonEmptyString,
  /** The actor the channel claims to speak for; absent for accounts that speak only for themselves. */
  speaksFor: Schema.optionalKey(ActorId),
  description: Schema.optionalKey(Schema.String),
  cites: Citations
}) {}

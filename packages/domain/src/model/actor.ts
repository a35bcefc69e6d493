import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { ActorId } from "./ids.ts"

/**
 * What an actor is. A branch is a territorial part of a group; a faction is a part defined by
 * loyalty ("IS loyalists within the Syria branch"); a body is an organ that speaks for its parent
 * (a shura council, a leadership, a media office).
 */
export const ActorKind = Schema.Literals(["group", "branch", "faction", "body", "person", "coalition"])
export type ActorKind = typeof ActorKind.Type

/** The names an actor goes by: a primary form, aliases, transliteration variants and Arabic script. */
export class ActorName extends Schema.Class<ActorName>("allegiance/model/ActorName")({
  primary: Schema.NonEmptyString,
  aliases: Schema.Array(Schema.NonEmptyString).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  transliterations: Schema.Array(Schema.NonEmptyString).pipe(
    Schema.withDecodingDefaultKey(Effect.succeed([]))
  ),
  arabic: Schema.optionalKey(Schema.NonEmptyString)
}) {}

export class Actor extends Schema.Class<Actor>("allegiance/model/Actor")({
  id: ActorId,
  kind: ActorKind,
  name: ActorName,
  /** The actor this one is part of. Parents form a tree: no actor is its own ancestor. */
  parent: Schema.optionalKey(ActorId),
  description: Schema.optionalKey(Schema.String),
  cites: Citations
}) {}

/** Every name an actor can be found by, for search and for matching issuer names as printed. */
export const actorNames = (actor: Actor): ReadonlyArray<string> => [
  actor.name.primary,
  ...actor.name.aliases,
  ...actor.name.transliterations,
  ...(actor.name.arabic === undefined ? [] : [actor.name.arabic])
]

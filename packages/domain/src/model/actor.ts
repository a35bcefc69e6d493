import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
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

/**
 * A dated link to the actor this one was part of (a branch of, a member of), from `since` until `until`:
 * a faction that leaves one group for another, a branch that a group takes in.
 */
export class ParentLink extends Schema.Class<ParentLink>("allegiance/model/ParentLink")({
  actor: ActorId,
  since: Schema.optionalKey(DateField),
  until: Schema.optionalKey(DateField)
}) {}

export class Actor extends Schema.Class<Actor>("allegiance/model/Actor")({
  id: ActorId,
  kind: ActorKind,
  name: ActorName,
  /** The actor this one is part of. Parents form a tree: no actor is its own ancestor. */
  parent: Schema.optionalKey(ActorId),
  /**
   * The actors this one was part of, with dates, so that the tree can change over time. A link holds from
   * its `since` to its `until`; where a dated link holds, it takes the place of `parent`, which is the
   * link with no dates.
   */
  parents: Schema.optionalKey(Schema.Array(ParentLink)),
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

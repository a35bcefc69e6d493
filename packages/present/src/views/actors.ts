import type { CaseEvaluation, CaseFile, IsoDay, Lifecycle } from "@allegiance/domain"
import type { CaseLabels } from "./labels.ts"
import type { RelationshipRow } from "./relationships.ts"
import { writtenDay } from "./timeline.ts"

/** One actor in the actor tree, with what the reasoning says of its life and its links. */
export interface ActorRow {
  readonly id: string
  readonly name: string
  readonly kind: CaseFile["actors"][number]["kind"]
  readonly aliases: ReadonlyArray<string>
  readonly transliterations: ReadonlyArray<string>
  readonly arabic?: string
  readonly description?: string
  /** 0 for an actor with no parent, one more for each level below. */
  readonly depth: number
  readonly parent?: string
  readonly lifecycle: {
    readonly state: Lifecycle["state"]
    /** "active", "ceased since 1 August 2014", "not known". */
    readonly words: string
    readonly since?: IsoDay
    readonly because: string
  }
  /** The relationships it is party to, from its side. */
  readonly relationships: ReadonlyArray<{
    readonly id: string
    readonly words: string
    readonly other: { readonly id: string; readonly name: string }
    readonly outgoing: boolean
    readonly status: RelationshipRow["status"]
    readonly badge: RelationshipRow["badge"]
  }>
}

/** The actor tree in reading order (each actor followed by the actors below it), with lifecycles and links. */
export const actorRows = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  labels: CaseLabels,
  relationships: ReadonlyArray<RelationshipRow>
): ReadonlyArray<ActorRow> => {
  const known = new Set(caseFile.actors.map((actor) => actor.id as string))
  const children = new Map<string | undefined, Array<CaseFile["actors"][number]>>()
  for (const actor of caseFile.actors) {
    const parent = actor.parent !== undefined && known.has(actor.parent) ? actor.parent : undefined
    const list = children.get(parent)
    if (list === undefined) children.set(parent, [actor])
    else list.push(actor)
  }
  const lifecycles = new Map(evaluation.lifecycles.map((life) => [life.actor, life]))
  const linksOf = new Map<string, Array<ActorRow["relationships"][number]>>()
  const link = (actor: string, entry: ActorRow["relationships"][number]) => {
    const list = linksOf.get(actor)
    if (list === undefined) linksOf.set(actor, [entry])
    else list.push(entry)
  }
  for (const row of relationships) {
    const shared = { id: row.id, words: row.words, status: row.status, badge: row.badge }
    link(row.from.id, { ...shared, other: row.to, outgoing: true })
    link(row.to.id, { ...shared, other: row.from, outgoing: false })
  }
  const rows: Array<ActorRow> = []
  const walk = (parent: string | undefined, depth: number) => {
    for (const actor of children.get(parent) ?? []) {
      const life = lifecycles.get(actor.id)
      const state = life?.state ?? "unknown"
      rows.push({
        id: actor.id,
        name: actor.name.primary,
        kind: actor.kind,
        aliases: actor.name.aliases,
        transliterations: actor.name.transliterations,
        ...(actor.name.arabic === undefined ? {} : { arabic: actor.name.arabic }),
        ...(actor.description === undefined ? {} : { description: actor.description }),
        depth,
        ...(actor.parent === undefined ? {} : { parent: actor.parent }),
        lifecycle: {
          state,
          words:
            state === "active"
              ? "active"
              : state === "ceased"
                ? `ceased${life?.since === undefined ? "" : ` since ${writtenDay(life.since)}`}`
                : "not known",
          ...(life?.since === undefined ? {} : { since: life.since }),
          because:
            life?.because ??
            `Nothing established says whether ${labels.of(actor.id)} is active or has ceased.`
        },
        relationships: linksOf.get(actor.id) ?? []
      })
      walk(actor.id, depth + 1)
    }
  }
  walk(undefined, 0)
  return rows
}

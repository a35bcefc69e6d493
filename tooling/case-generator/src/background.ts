import { inYear } from "./days.ts"
import type { Random } from "./random.ts"
import type { QuestionInput, RelationshipInput, World } from "./world.ts"

const sourceFor = (random: Random, world: World, cluster: number): string => {
  const covering = world.clusterSources[cluster] ?? []
  return world.sources[covering.length > 0 ? random.pick(covering) : random.pick(world.reportingSources)]!.id
}

/** Links the analyst states as background: branches, members, old rivalries with a hub. */
export const backgroundRelationships = (
  random: Random,
  world: World,
  cite: () => { paragraph: number }
): Array<RelationshipInput> => {
  const relationships: Array<RelationshipInput> = []
  const add = (relationship: Omit<RelationshipInput, "id" | "cites">) =>
    relationships.push({ id: `rel-${relationships.length + 1}`, ...relationship, cites: [cite()] })
  for (const actor of world.actors) {
    const parent = actor.parent === undefined ? undefined : world.actors[actor.parent]!
    const sources = [sourceFor(random, world, actor.cluster)]
    if (actor.kind === "branch" && parent !== undefined && random.chance(0.7))
      add({
        kind: "branch-of",
        from: actor.id,
        to: parent.id,
        since: inYear(random.int(2006, 2011)),
        sources
      })
    else if (actor.kind === "person" && parent !== undefined && random.chance(0.5))
      add({ kind: "member-of", from: actor.id, to: parent.id, sources })
    else if (actor.parent === undefined && !actor.isHub && random.chance(0.15)) {
      const hub = random.pick(world.hubs)
      add({
        kind: "rival-of",
        from: actor.id,
        to: world.actors[hub]!.id,
        since: inYear(random.int(2008, 2011)),
        sources,
        description: `${actor.name} never accepted the claims of ${world.actors[hub]!.name}.`
      })
    }
  }
  return relationships
}

export interface QuestionSeeds {
  /** Units that pledged to a hub, with the hub, in the order the pledges came. */
  readonly pledged: ReadonlyMap<number, number>
  /** The latest statement of each unit, for the analyst's rating overrides. */
  readonly lastStatement: ReadonlyMap<number, string>
}

/**
 * Open questions in the shape of the seed case: "is this the end of X?" for units that pledged, with
 * the three usual hypotheses, and "which account speaks for X?" for units with rival channels.
 */
export const questions = (
  random: Random,
  world: World,
  seeds: QuestionSeeds,
  count: number,
  cite: () => { paragraph: number }
): Array<QuestionInput> => {
  const result: Array<QuestionInput> = []
  const pledged = [...seeds.pledged]
  const contested = [...world.unitChannels].filter(([, channels]) => channels.length >= 2)
  for (let q = 0; q < count; q++) {
    const id = `q-${q + 1}`
    const hypothesis = (n: number) => `h-${q + 1}-${n}`
    const pick = q % 3 === 2 || pledged.length === 0 ? undefined : pledged[(q * 7919) % pledged.length]
    if (pick !== undefined) {
      const [unit, hub] = pick
      const x = world.actors[unit]!
      const h = world.actors[hub]!
      const evidence = seeds.lastStatement.get(unit)
      result.push({
        id,
        text: `Is this the end of ${x.name}?`,
        about: x.id,
        hypotheses: [
          {
            id: hypothesis(1),
            text: `${x.name} as a whole joined ${h.name}.`,
            expects: [
              { kind: "pledge", pledger: x.id, recipient: h.id, holds: true },
              { kind: "dissolution", actor: x.id, holds: true },
              { kind: "continued-existence", actor: x.id, holds: false },
              { kind: "partial-involvement", actor: x.id, holds: false }
            ],
            cites: [cite()]
          },
          {
            id: hypothesis(2),
            text: `A faction defected to ${h.name} and ${x.name} continues.`,
            expects: [
              { kind: "partial-involvement", actor: x.id, holds: true },
              { kind: "continued-existence", actor: x.id, holds: true },
              { kind: "dissolution", actor: x.id, holds: false }
            ],
            cites: [cite()]
          },
          {
            id: hypothesis(3),
            text: `${x.name} merges into another group.`,
            expects: [
              { kind: "merger", absorbed: x.id, holds: true },
              { kind: "dissolution", actor: x.id, holds: true },
              { kind: "pledge", pledger: x.id, recipient: h.id, holds: false }
            ],
            cites: [cite()]
          }
        ],
        ratings:
          evidence !== undefined && random.chance(0.3)
            ? [
                {
                  hypothesis: hypothesis(2),
                  evidence,
                  rating: "consistent",
                  reason: "The analyst reads the statement as the work of one faction."
                }
              ]
            : [],
        cites: [cite()]
      })
      continue
    }
    if (contested.length === 0) continue
    const [unit, channels] = contested[(q * 104729) % contested.length]!
    const x = world.actors[unit]!
    const [first, second] = [world.channels[channels[0]!]!, world.channels[channels[1]!]!]
    result.push({
      id,
      text: `Which account speaks for ${x.name}?`,
      about: x.id,
      hypotheses: [
        {
          id: hypothesis(1),
          text: `${first.handle} speaks for the majority of ${x.name}.`,
          expects: [
            { kind: "sole-official-channel", channel: first.id, holds: true },
            { kind: "sole-official-channel", channel: second.id, holds: false }
          ],
          cites: [cite()]
        },
        {
          id: hypothesis(2),
          text: `${second.handle} speaks for the majority of ${x.name}.`,
          expects: [
            { kind: "sole-official-channel", channel: second.id, holds: true },
            { kind: "sole-official-channel", channel: first.id, holds: false }
          ],
          cites: [cite()]
        }
      ],
      cites: [cite()]
    })
  }
  return result
}

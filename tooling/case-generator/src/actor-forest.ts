import type { ActorKind } from "@allegiance/domain"
import { groupName, personName, REGIONS } from "./names.ts"
import type { Random } from "./random.ts"
import type { ActorInput, ActorNode } from "./world.ts"

export interface ActorForest {
  readonly actors: ReadonlyArray<ActorNode>
  readonly items: ReadonlyArray<ActorInput>
  readonly hubs: ReadonlyArray<number>
  readonly clusterUnits: ReadonlyArray<ReadonlyArray<number>>
}

const BODY_TITLES = ["Leadership of", "Majlis Shura of", "Media Office of", "Military Council of"]

/**
 * A forest of about `target` actors: a few hub groups that others pledge to (as IS and al-Qaeda are
 * in real cases), then clusters of a top-level group with branches, and under each unit a speaking
 * body, factions and persons. Parents always come before their children.
 */
export const buildActorForest = (
  random: Random,
  target: number,
  cite: () => { paragraph: number }
): ActorForest => {
  const actors: Array<ActorNode> = []
  const items: Array<ActorInput> = []
  const hubs: Array<number> = []
  const clusterUnits: Array<Array<number>> = []

  const add = (
    kind: ActorKind,
    name: {
      primary: string
      short: string
      aliases?: ReadonlyArray<string>
      transliterations?: ReadonlyArray<string>
      arabic?: string
    },
    parent: number | undefined,
    cluster: number,
    isHub: boolean,
    description?: string
  ): number => {
    const index = actors.length
    const parentNode = parent === undefined ? undefined : actors[parent]!
    const isUnit = kind === "group" || kind === "coalition" || kind === "branch"
    const node: ActorNode = {
      index,
      id: `a-${index + 1}`,
      kind,
      name: name.primary,
      short: name.short,
      parent,
      unit: isUnit || parentNode === undefined ? index : parentNode.unit,
      top: parentNode === undefined ? index : parentNode.top,
      cluster,
      isHub,
      parts: []
    }
    actors.push(node)
    if (parentNode !== undefined && !isUnit) parentNode.parts.push(index)
    if (isUnit) clusterUnits[cluster]!.push(index)
    items.push({
      id: node.id,
      kind,
      name: {
        primary: name.primary,
        aliases: [...(name.aliases ?? [])],
        transliterations: [...(name.transliterations ?? [])],
        ...(name.arabic === undefined ? {} : { arabic: name.arabic })
      },
      ...(parentNode === undefined ? {} : { parent: parentNode.id }),
      ...(description === undefined ? {} : { description }),
      cites: [cite()]
    })
    return index
  }

  const hubCount = Math.max(2, Math.round(Math.sqrt(target) / 2))
  const addCluster = (isHub: boolean) => {
    const cluster = clusterUnits.length
    clusterUnits.push([])
    const name = groupName(random, cluster)
    const kind: ActorKind = isHub || random.chance(0.85) ? "group" : "coalition"
    const top = add(kind, name, undefined, cluster, isHub)
    if (isHub) hubs.push(top)
    const units = [top]
    const branchCount = isHub ? random.int(1, 3) : random.pick([0, 0, 0, 1, 1, 2, 2, 3])
    const regions = [...REGIONS]
    for (let b = 0; b < branchCount; b++) {
      const region = regions.splice(random.int(0, regions.length - 1), 1)[0]!
      const short = `${name.short} ${region.replace(/^the /, "")}`
      units.push(
        add(
          "branch",
          { primary: short, short, aliases: [`${name.primary} in ${region}`, `${name.short} in ${region}`] },
          top,
          cluster,
          false,
          `The ${region} branch of ${name.primary}.`
        )
      )
    }
    for (const unit of units) {
      const unitName = actors[unit]!.name
      if (random.chance(0.6)) {
        const title = random.pick(BODY_TITLES)
        add("body", { primary: `${title} ${unitName}`, short: `${title} ${unitName}` }, unit, cluster, false)
      }
      if (hubs.length > 0 && !isHub && random.chance(0.35)) {
        const hub = actors[random.pick(hubs)]!
        const primary = `${hub.short} loyalists within ${unitName}`
        add(
          "faction",
          { primary, short: primary },
          unit,
          cluster,
          false,
          `Members of ${unitName} who lean to ${hub.name}.`
        )
      }
      if (random.chance(0.1)) {
        const primary = `Dissidents within ${unitName}`
        add("faction", { primary, short: primary }, unit, cluster, false)
      }
    }
    const persons = random.pick([0, 0, 1, 1, 2])
    for (let p = 0; p < persons; p++) {
      const primary = personName(random)
      add("person", { primary, short: primary }, top, cluster, false, `An ideologue of ${name.primary}.`)
    }
  }

  for (let h = 0; h < hubCount; h++) addCluster(true)
  while (actors.length < target) addCluster(false)
  return { actors, items, hubs, clusterUnits }
}

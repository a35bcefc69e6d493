import type { Credibility } from "@allegiance/domain"
import type { ClaimContent, RecentStatement } from "./claim-content.ts"
import { between, onDay } from "./days.ts"
import type { Random } from "./random.ts"
import type { World } from "./world.ts"

/** A claim a source reports, with the extra fields only reported claims carry. */
export interface ReportedClaim {
  readonly content: ClaimContent
  readonly source: number
}

const SOURCE_CLAIM_WEIGHTS = {
  cooperation: 20,
  "size-estimate": 20,
  protection: 10,
  "partial-allegiance": 10,
  rivalry: 10,
  "continued-existence": 10,
  "majority-backing": 5,
  dissolution: 5,
  overreach: 10
} as const

const CREDIBILITY: ReadonlyArray<Credibility> = [1, 2, 2, 3, 3, 3, 4, 5, "cannot be judged"]

/**
 * A claim reported by a source that covers the unit's cluster, dated on `day`. One kind is the
 * supporter's overreach of the seed case: a branch's statement retold as the whole group's pledge.
 */
export const reportedClaim = (
  random: Random,
  world: World,
  unit: number,
  day: number,
  recent: ReadonlyArray<RecentStatement>
): ReportedClaim | undefined => {
  const node = world.actors[unit]!
  const covering = world.clusterSources[node.cluster] ?? []
  const source = covering.length > 0 ? random.pick(covering) : random.pick(world.reportingSources)
  const scope = node.id
  const reported = random.chance(0.7)
    ? onDay(day)
    : between(day - random.int(1, 4), day, "The interviews took some days.")
  const credibility = random.chance(0.6) ? { credibility: random.pick(CREDIBILITY) } : {}
  const other = () => {
    const units = world.clusterUnits[node.cluster + random.int(-2, 2)] ?? world.clusterUnits[node.cluster]!
    const pick = random.pick(units)
    return pick === unit ? random.pick(world.hubs) : pick
  }
  const hub = () => {
    const hubs = world.hubs.filter((h) => h !== node.top)
    return hubs.length === 0 ? undefined : random.pick(hubs)
  }
  const kind = random.weighted(SOURCE_CLAIM_WEIGHTS)
  const common = { scope, reported, ...credibility }
  const id = (index: number) => world.actors[index]!.id
  switch (kind) {
    case "cooperation": {
      const with_ = other()
      return with_ === unit
        ? undefined
        : { source, content: { kind, ...common, actor: scope, with: id(with_) } }
    }
    case "size-estimate":
      return { source, content: { kind, ...common, actor: scope, estimate: "hundreds", low: 100, high: 999 } }
    case "protection": {
      const protector = other()
      return protector === unit
        ? undefined
        : { source, content: { kind, ...common, protected: scope, protector: id(protector) } }
    }
    case "partial-allegiance": {
      const to = hub()
      return to === undefined
        ? undefined
        : { source, content: { kind, ...common, actor: scope, to: id(to), who: "some members" } }
    }
    case "rivalry": {
      const with_ = hub() ?? other()
      return with_ === unit
        ? undefined
        : { source, content: { kind, ...common, actor: scope, with: id(with_) } }
    }
    case "continued-existence":
    case "dissolution":
      return { source, content: { kind, ...common, actor: scope } }
    case "majority-backing": {
      const backs = recent.length === 0 ? undefined : random.pick(recent)
      return backs === undefined
        ? undefined
        : { source, content: { kind, ...common, actor: scope, backs: backs.statement } }
    }
    case "overreach": {
      // Only a branch's statement can be overreached to its parent.
      const parent = node.parent
      const restsOn = recent.length === 0 ? undefined : random.pick(recent)
      const recipient = hub()
      if (node.kind !== "branch" || parent === undefined || restsOn === undefined || recipient === undefined)
        return undefined
      const occurred = between(restsOn.day - 3, restsOn.day + 3, "The source dates it only roughly.")
      return {
        source,
        content: {
          kind: "pledge",
          scope: id(parent),
          pledger: id(parent),
          recipient: id(recipient),
          reported,
          occurred,
          attributedTo: id(recipient),
          restsOn: [restsOn.statement],
          credibility: 4,
          summary: `Claims the whole of ${world.actors[parent]!.name} pledged, on the strength of a statement of one branch.`
        }
      }
    }
  }
}

import { credulousPreferred } from "../argumentation/credulous.ts"
import { type Framework, makeFramework } from "../argumentation/framework.ts"
import { groundedLabelling } from "../argumentation/grounded.ts"
import { Label, type Labelling } from "../argumentation/label.ts"
import type { CaseView } from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, type Finding, obsArg } from "./finding.ts"
import type { SupportLookup } from "./rules/corroboration-and-reliability.ts"

export type AttackFinding = Extract<Finding, { kind: "attack" }>

/** What verdicts read of the argumentation: how each argument fares, what attacks it, what it rests on. */
export interface GraphReading {
  /** The attack findings against each argument, its own and those it inherits through what it rests on. */
  readonly attacksOn: { readonly get: (key: ArgumentKey) => ReadonlyArray<AttackFinding> | undefined }
  /** What each argument rests on (statement authorship, speaking for the whole). */
  readonly restsOn: { readonly get: (key: ArgumentKey) => ReadonlyArray<ArgumentKey> | undefined }
  readonly labelOf: (key: ArgumentKey) => "IN" | "OUT" | "UNDEC" | undefined
  /** For an undecided argument: whether it belongs to some preferred extension (undefined if not known). */
  readonly couldStillStand: (key: ArgumentKey) => boolean | undefined
}

/**
 * The argumentation framework a case gives as of a date: one argument per statement (its authorship),
 * claim and observation, plus those the rules introduce, and the rules' attacks. A claim stands on the
 * statement that makes it (and on that statement speaking for the whole actor, where rule 5 asks), so
 * whatever attacks those attacks the claim too. An item whose sources are too weak to count attacks
 * nothing.
 */
export interface ArgumentGraph extends GraphReading {
  readonly keys: ReadonlyArray<ArgumentKey>
  readonly index: ReadonlyMap<ArgumentKey, number>
  readonly framework: Framework
  readonly labels: Labelling
  readonly attacksOn: ReadonlyMap<ArgumentKey, ReadonlyArray<AttackFinding>>
  readonly restsOn: ReadonlyMap<ArgumentKey, ReadonlyArray<ArgumentKey>>
  /** The attack findings against each argument itself, those whose attacker is substantive enough to count. */
  readonly direct: ReadonlyMap<ArgumentKey, ReadonlyArray<AttackFinding>>
}

export const buildArgumentGraph = (
  view: CaseView,
  findings: ReadonlyArray<Finding>,
  support: SupportLookup
): ArgumentGraph => {
  const keys: Array<ArgumentKey> = []
  const index = new Map<ArgumentKey, number>()
  const add = (key: ArgumentKey) => {
    if (index.get(key) === undefined) {
      index.set(key, keys.length)
      keys.push(key)
    }
  }
  for (const statement of view.statements) add(authOf(statement.id))
  for (const claim of view.claims) add(claimArg(claim.id))
  for (const observation of view.observations) add(obsArg(observation.id))

  const restsOn = new Map<ArgumentKey, Array<ArgumentKey>>()
  const rest = (target: ArgumentKey, on: ArgumentKey) => {
    const list = restsOn.get(target)
    if (list === undefined) restsOn.set(target, [on])
    else if (!list.includes(on)) list.push(on)
  }
  const detached = new Set<string>()
  for (const finding of findings)
    if (finding.kind === "detach") detached.add(`${finding.target}\u0000${finding.from}`)
  for (const claim of view.claims)
    if ("statement" in claim.madeBy) {
      const key = claimArg(claim.id)
      const base = authOf(claim.madeBy.statement)
      if (detached.size === 0 || !detached.has(`${key}\u0000${base}`)) rest(key, base)
    }

  const direct = new Map<ArgumentKey, Array<AttackFinding>>()
  for (const finding of findings) {
    if (finding.kind === "dependency") {
      add(finding.on)
      add(finding.target)
      rest(finding.target, finding.on)
    } else if (finding.kind === "attack") {
      if (support.get(finding.attacker)?.substantive === false) continue
      add(finding.attacker)
      add(finding.target)
      const list = direct.get(finding.target)
      if (list === undefined) direct.set(finding.target, [finding])
      else list.push(finding)
    } else if (finding.kind === "support") {
      add(finding.supporter)
      add(finding.target)
    } else add(finding.target)
  }

  // What a claim rests on carries no further dependencies, so one pass gives the inherited attacks.
  const attacksOn = new Map<ArgumentKey, ReadonlyArray<AttackFinding>>(direct)
  for (const [target, bases] of restsOn) {
    const inherited = bases.flatMap((base) => direct.get(base) ?? [])
    if (inherited.length > 0) attacksOn.set(target, [...(direct.get(target) ?? []), ...inherited])
  }
  const sources: Array<number> = []
  const targets: Array<number> = []
  for (const [target, attacks] of attacksOn) {
    const at = index.get(target)!
    for (const attack of attacks) {
      sources.push(index.get(attack.attacker)!)
      targets.push(at)
    }
  }
  const framework = makeFramework(keys.length, sources, targets)
  const labels = groundedLabelling(framework)
  const credulous = credulousPreferred(framework, labels)
  return {
    keys,
    index,
    framework,
    labels,
    attacksOn,
    restsOn,
    direct,
    labelOf: (key) => {
      const i = index.get(key)
      if (i === undefined) return undefined
      const label = labels[i]
      return label === Label.In ? "IN" : label === Label.Out ? "OUT" : "UNDEC"
    },
    couldStillStand: (key) => {
      const i = index.get(key)
      if (i === undefined) return undefined
      const outcome = credulous.accepted(i)
      return outcome.decided ? outcome.value : undefined
    }
  }
}

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

/** Lists by argument, read by the argument's key. */
export interface ByArgument<V> {
  readonly get: (key: ArgumentKey) => ReadonlyArray<V> | undefined
  /** Every argument with a list, with its list, in the order the arguments were first named. */
  readonly entries: () => IterableIterator<readonly [ArgumentKey, ReadonlyArray<V>]>
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
  readonly attacksOn: ByArgument<AttackFinding> & ReadonlyMap<ArgumentKey, ReadonlyArray<AttackFinding>>
  readonly restsOn: ByArgument<ArgumentKey> & ReadonlyMap<ArgumentKey, ReadonlyArray<ArgumentKey>>
  /** The attack findings against each argument itself, those whose attacker is substantive enough to count. */
  readonly direct: ByArgument<AttackFinding> & ReadonlyMap<ArgumentKey, ReadonlyArray<AttackFinding>>
}

/**
 * Lists held by argument number, read by key through the graph's index. It reads as a map, so that an
 * evaluator's lookups can start from it without copying it; arguments numbered after it was built (the
 * index grows as an evaluator adds them) have no list in it.
 */
class ListsByArgument<V> implements ByArgument<V>, ReadonlyMap<ArgumentKey, ReadonlyArray<V>> {
  readonly #keys: ReadonlyArray<ArgumentKey>
  readonly #index: ReadonlyMap<ArgumentKey, number>
  readonly #lists: ReadonlyArray<ReadonlyArray<V> | undefined>
  #size: number | undefined

  constructor(
    keys: ReadonlyArray<ArgumentKey>,
    index: ReadonlyMap<ArgumentKey, number>,
    lists: ReadonlyArray<ReadonlyArray<V> | undefined>
  ) {
    this.#keys = keys
    this.#index = index
    this.#lists = lists
  }

  get(key: ArgumentKey): ReadonlyArray<V> | undefined {
    const at = this.#index.get(key)
    return at === undefined || at >= this.#lists.length ? undefined : this.#lists[at]
  }

  has(key: ArgumentKey): boolean {
    return this.get(key) !== undefined
  }

  get size(): number {
    if (this.#size === undefined) {
      let size = 0
      for (const list of this.#lists) if (list !== undefined) size++
      this.#size = size
    }
    return this.#size
  }

  *entries(): MapIterator<[ArgumentKey, ReadonlyArray<V>]> {
    const lists = this.#lists
    for (let at = 0; at < lists.length; at++) {
      const list = lists[at]
      if (list !== undefined) yield [this.#keys[at]!, list]
    }
  }

  *keys(): MapIterator<ArgumentKey> {
    for (const [key] of this.entries()) yield key
  }

  *values(): MapIterator<ReadonlyArray<V>> {
    for (const [, list] of this.entries()) yield list
  }

  [Symbol.iterator](): MapIterator<[ArgumentKey, ReadonlyArray<V>]> {
    return this.entries()
  }

  forEach(
    each: (value: ReadonlyArray<V>, key: ArgumentKey, map: ReadonlyMap<ArgumentKey, ReadonlyArray<V>>) => void
  ): void {
    for (const [key, list] of this.entries()) each(list, key, this)
  }
}

/**
 * Builds the graph with every argument numbered once, when first named: what each argument rests on
 * and the attacks on it are kept by number, so that a large case's hundreds of thousands of findings
 * are each looked up by key once rather than once per structure that holds them.
 */
export const buildArgumentGraph = (
  view: CaseView,
  findings: ReadonlyArray<Finding>,
  support: SupportLookup
): ArgumentGraph => {
  const keys: Array<ArgumentKey> = []
  const index = new Map<ArgumentKey, number>()
  const add = (key: ArgumentKey): number => {
    let at = index.get(key)
    if (at === undefined) {
      at = keys.length
      index.set(key, at)
      keys.push(key)
    }
    return at
  }
  const statementAt = new Map<string, number>()
  for (const statement of view.statements) statementAt.set(statement.id, add(authOf(statement.id)))
  const claimAt = view.claims.map((claim) => add(claimArg(claim.id)))
  for (const observation of view.observations) add(obsArg(observation.id))

  // What each argument rests on, by key (for explanations) and by number, in the order first found. A
  // claim's statement may not be an argument (yet): its number is looked up once the findings are in.
  const restsOnKeys: Array<Array<ArgumentKey> | undefined> = []
  const restsOnAt: Array<Array<number> | undefined> = []
  const rest = (target: number, on: ArgumentKey, onAt: number) => {
    const list = restsOnKeys[target]
    if (list === undefined) {
      restsOnKeys[target] = [on]
      restsOnAt[target] = [onAt]
    } else if (!list.includes(on)) {
      list.push(on)
      restsOnAt[target]!.push(onAt)
    }
  }
  // A claim a rule has detached from its statement does not rest on that statement's authorship.
  const detached = new Map<ArgumentKey, Array<ArgumentKey>>()
  for (const finding of findings)
    if (finding.kind === "detach") {
      const from = detached.get(finding.target)
      if (from === undefined) detached.set(finding.target, [finding.from])
      else from.push(finding.from)
    }
  view.claims.forEach((claim, at) => {
    if (!("statement" in claim.madeBy)) return
    const base = authOf(claim.madeBy.statement)
    if (detached.size > 0 && detached.get(claimArg(claim.id))?.includes(base) === true) return
    rest(claimAt[at]!, base, statementAt.get(claim.madeBy.statement) ?? -1)
  })

  // The attacks on each argument itself, with their attackers' numbers beside them. Each finding names
  // at most two arguments more: `weighs` has room for every one (0: not asked yet, 1: counts, 2: weighs nothing).
  const weighs = new Uint8Array(keys.length + 2 * findings.length)
  const direct: Array<Array<AttackFinding> | undefined> = []
  const directFrom: Array<Array<number> | undefined> = []
  for (const finding of findings) {
    if (finding.kind === "dependency") {
      const on = add(finding.on)
      rest(add(finding.target), finding.on, on)
    } else if (finding.kind === "attack") {
      // An attacker attacks many arguments: whether it weighs enough is asked once per attacker.
      let from = index.get(finding.attacker)
      if (from === undefined) {
        if (support.get(finding.attacker)?.substantive === false) continue
        from = add(finding.attacker)
        weighs[from] = 1
      } else {
        if (weighs[from] === 0) weighs[from] = support.get(finding.attacker)?.substantive === false ? 2 : 1
        if (weighs[from] === 2) continue
      }
      const target = add(finding.target)
      const list = direct[target]
      if (list === undefined) {
        direct[target] = [finding]
        directFrom[target] = [from]
      } else {
        list.push(finding)
        directFrom[target]!.push(from)
      }
    } else if (finding.kind === "support") {
      add(finding.supporter)
      add(finding.target)
    } else add(finding.target)
  }

  for (let at = 0; at < restsOnAt.length; at++) {
    const bases = restsOnAt[at]
    if (bases !== undefined)
      for (let b = 0; b < bases.length; b++)
        if (bases[b]! < 0) bases[b] = index.get(restsOnKeys[at]![b]!) ?? -1
  }

  // What a claim rests on carries no further dependencies, so one pass gives the inherited attacks.
  const size = keys.length
  const attacksOn: Array<ReadonlyArray<AttackFinding> | undefined> = direct.slice()
  attacksOn.length = size
  let attackCount = 0
  for (let at = 0; at < size; at++) attackCount += directFrom[at]?.length ?? 0
  for (let at = 0; at < restsOnAt.length; at++) {
    const bases = restsOnAt[at]
    if (bases === undefined) continue
    let inherited: Array<AttackFinding> | undefined
    for (const base of bases) {
      const attacks = base < 0 ? undefined : direct[base]
      if (attacks === undefined) continue
      inherited ??= [...(direct[at] ?? [])]
      for (const attack of attacks) inherited.push(attack)
      attackCount += attacks.length
    }
    if (inherited !== undefined) attacksOn[at] = inherited
  }
  const sources = new Int32Array(attackCount)
  const targets = new Int32Array(attackCount)
  let k = 0
  for (let at = 0; at < size; at++) {
    for (const from of directFrom[at] ?? none) {
      sources[k] = from
      targets[k++] = at
    }
    for (const base of restsOnAt[at] ?? none)
      for (const from of (base < 0 ? undefined : directFrom[base]) ?? none) {
        sources[k] = from
        targets[k++] = at
      }
  }
  const framework = makeFramework(size, sources, targets)
  const labels = groundedLabelling(framework)
  const credulous = credulousPreferred(framework, labels)
  return {
    keys,
    index,
    framework,
    labels,
    attacksOn: new ListsByArgument(keys, index, attacksOn),
    restsOn: new ListsByArgument(keys, index, restsOnKeys),
    direct: new ListsByArgument(keys, index, direct),
    labelOf: (key) => {
      const i = index.get(key)
      // An evaluator goes on numbering arguments in this index: those it adds have no label here.
      if (i === undefined || i >= labels.length) return undefined
      const label = labels[i]
      return label === Label.In ? "IN" : label === Label.Out ? "OUT" : "UNDEC"
    },
    couldStillStand: (key) => {
      const i = index.get(key)
      if (i === undefined || i >= size) return undefined
      const outcome = credulous.accepted(i)
      return outcome.decided ? outcome.value : undefined
    }
  }
}

const none: ReadonlyArray<never> = []

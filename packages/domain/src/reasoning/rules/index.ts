import type { Rule } from "../rule.ts"
import { acceptance } from "./acceptance.ts"
import { authorityAndMajority } from "./authority-and-majority.ts"
import { channelControl } from "./channel-control.ts"
import { corroborationAndReliability } from "./corroboration-and-reliability.ts"
import { dateConsistency } from "./date-consistency.ts"
import { denial } from "./denial.ts"
import { disowning } from "./disowning.ts"
import { scope } from "./scope.ts"
import { sequence } from "./sequence.ts"
import { silenceAndActivity } from "./silence-and-activity.ts"

/**
 * The rules of DOMAIN.md, in its order, each in its own module. A package that adds rules passes
 * `[...builtInRules, itsRule]` wherever rules are asked for.
 */
export const builtInRules: ReadonlyArray<Rule> = [
  dateConsistency,
  channelControl,
  disowning,
  scope,
  authorityAndMajority,
  denial,
  silenceAndActivity,
  corroborationAndReliability,
  acceptance,
  sequence
]

const checked = new WeakSet<ReadonlyArray<Rule>>()

/** The rules an evaluation applies: `rules`, or the built-in ones. Two rules of one name are refused. */
export const rulesToApply = (rules: ReadonlyArray<Rule> | undefined): ReadonlyArray<Rule> => {
  if (rules === undefined) return builtInRules
  if (!checked.has(rules)) {
    const names = new Set<string>()
    for (const rule of rules) {
      if (names.has(rule.name))
        throw new Error(`Two rules are named "${rule.name}": each rule needs a name of its own`)
      names.add(rule.name)
    }
    checked.add(rules)
  }
  return rules
}

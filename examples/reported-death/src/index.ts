/**
 * A kind of claim and a rule added to the reasoning from outside the domain package: the worked
 * example of docs/extending.md. Pass `kinds` and `rules` wherever the domain, the case-file reader and
 * the store ask for them.
 */
import { builtInKinds, builtInRules } from "@allegiance/domain"
import { posthumousAttribution } from "./posthumous-attribution.ts"
import { reportedDeath } from "./reported-death.ts"

export { posthumousAttribution } from "./posthumous-attribution.ts"
export { type ReportedDeath, reportedDeath } from "./reported-death.ts"

/** The kinds of claim a case may hold: the built-in ones and a reported death. */
export const kinds = [...builtInKinds, reportedDeath]

/** The rules to evaluate with: the built-in ones and posthumous attribution. */
export const rules = [...builtInRules, posthumousAttribution]

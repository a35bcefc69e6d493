import type { CaseView } from "./case-view.ts"
import type { Finding, RuleName } from "./finding.ts"

/**
 * A rule of the reasoning: a small, general unit that reads a case as of a date and says what it
 * finds. It names no actor, channel or date of its own; the argumentation decides what stands.
 */
export interface Rule {
  readonly name: RuleName
  /** One line for listings and explanations. */
  readonly title: string
  readonly apply: (view: CaseView) => ReadonlyArray<Finding>
}

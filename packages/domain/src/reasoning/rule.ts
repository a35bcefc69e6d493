import type { Additions, CaseView } from "./case-view.ts"
import type { Finding } from "./finding.ts"

/**
 * A rule of the reasoning: a small, general unit that reads a case as of a date and says what it
 * finds. It names no actor, channel or date of its own; the argumentation decides what stands.
 *
 * What a rule finds falls into groups that it works out one at a time (one channel's statements, one
 * claim and what it rests on): everything it finds is what each of its groups finds. When a few items
 * are added to a case, only the groups they touch can find anything different, so the reasoning works
 * those out again and keeps the rest.
 */
export interface Rule {
  /**
   * The rule's own name, in lower-case words joined by dashes ("channel-control"): what its findings and
   * the explanations built from them cite. No two rules of one evaluation share a name.
   */
  readonly name: string
  /** One line for listings and explanations. */
  readonly title: string
  /** Everything the rule finds in a view: the findings of each of its groups. */
  readonly apply: (view: CaseView) => ReadonlyArray<Finding>
  /** The rule's groups in a view, each once. */
  readonly groups: (view: CaseView) => Iterable<string>
  /** What the rule finds in one group. */
  readonly findingsFor: (view: CaseView, group: string) => ReadonlyArray<Finding>
  /**
   * The groups whose findings may differ in `view` from those in the view it extends, which lacked
   * `additions`. Naming a group that has not changed costs time, never correctness; leaving out one
   * that has is a fault. It is also asked with items both views hold whose names changed (an item named
   * alike came in before them): the groups that read them, whose findings may word those names.
   */
  readonly touched: (view: CaseView, additions: Additions) => Iterable<string>
}

/** A rule from its groups: `apply` gathers the findings of every group. */
export const groupedRule = (rule: Omit<Rule, "apply">): Rule => ({
  ...rule,
  apply: (view) => {
    const findings: Array<Finding> = []
    for (const group of rule.groups(view))
      for (const finding of rule.findingsFor(view, group)) findings.push(finding)
    return findings
  }
})

/** The ids of items, for `groups` and `touched`. */
export const idsOf = function* (items: Iterable<{ readonly id: string }>): Iterable<string> {
  for (const item of items) yield item.id
}

export { selfAndAncestors } from "./actor-tree.ts"

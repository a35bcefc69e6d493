import type { CaseView } from "./case-view.ts"
import { type ArgumentKey, authOf, claimArg, type Finding, worded } from "./finding.ts"

/**
 * An argument of a rule's own that stands for "what `claim` says still holds here" (a compromise not yet
 * ended by a recovery, a disowning not yet superseded by a later declaration). It rests on the claim and on
 * the statement making it, as the claim does, so it falls when they fall; the rule then adds the attacks
 * on it (a recovery notice, a later declaration) and its attack on what it disputes. This is how a rule
 * says "X defeats Y unless Z stands" in an argumentation that has only attacks: Z attacks the argument
 * through which X attacks Y.
 */
export const standingOn = (
  view: CaseView,
  rule: string,
  key: ArgumentKey,
  claim: {
    readonly id: string
    readonly madeBy: { readonly statement: string } | { readonly source: string }
  },
  sentence: () => string
): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = [
    worded({ kind: "dependency", rule, target: key, on: claimArg(claim.id), sentence })
  ]
  if ("statement" in claim.madeBy && view.statementById.get(claim.madeBy.statement) !== undefined)
    findings.push(
      worded({ kind: "dependency", rule, target: key, on: authOf(claim.madeBy.statement), sentence })
    )
  return findings
}

import type { CaseEvaluation, CaseFile, Finding, Status, Verdict } from "@allegiance/domain"
import { caseIndex } from "./case-index.ts"
import type { SourceLookup } from "./citations.ts"
import type { Clause } from "./clauses.ts"
import type { VerdictIndex } from "./verdicts.ts"

/**
 * The reasoning's attacks, read back to the items they are about. Arguments are named `kind:id` (see
 * the domain's `Finding`): `auth:S` and `rep:S` for a statement's authorship and its speaking for the
 * whole issuer, `claim:C`, `obs:O`, `continues:A` for an actor going on (also that verdict's id), and a
 * rule's own arguments (`overreach:C`) that no item stands for.
 */
export type AttackFinding = Extract<Finding, { readonly kind: "attack" }>

/** The item an argument stands for (a going-on keeps its whole name: that is its verdict's id). */
export const itemOfArgument = (key: string): string =>
  key.startsWith("continues:") ? key : key.slice(key.indexOf(":") + 1)

const statementArguments = (id: string) => [`auth:${id}`, `rep:${id}`]

/** The attacks of an evaluation by the argument they target, and what stands behind each verdict. */
export interface AttackIndex {
  /** Attacks on the arguments a verdict stands for; with `bases`, also on what those rest on. */
  readonly on: (verdict: Verdict, bases?: boolean) => ReadonlyArray<AttackFinding>
  /** How an attacker fares: its item's verdict, or established for a rule's own argument. */
  readonly attackerStatus: (attack: AttackFinding) => Status | undefined
}

export const attackIndex = (
  caseFile: CaseFile,
  evaluation: CaseEvaluation,
  verdicts: VerdictIndex
): AttackIndex => {
  const byTarget = new Map<string, Array<AttackFinding>>()
  for (const finding of evaluation.findings)
    if (finding.kind === "attack") {
      const list = byTarget.get(finding.target)
      if (list === undefined) byTarget.set(finding.target, [finding])
      else list.push(finding)
    }
  const { statementOfClaim } = caseIndex(caseFile)
  const relationships = new Map(
    evaluation.relationships.map((relationship) => [relationship.id, relationship])
  )
  const claimArguments = (id: string, bases: boolean) => {
    const statement = statementOfClaim(id)
    return [`claim:${id}`, ...(bases && statement !== undefined ? statementArguments(statement) : [])]
  }
  const argumentsOf = (verdict: Verdict, bases: boolean): ReadonlyArray<string> => {
    switch (verdict.subject) {
      case "statement":
        return statementArguments(verdict.id)
      case "claim":
        return claimArguments(verdict.id, bases)
      case "observation":
        return [`obs:${verdict.id}`]
      case "relationship":
        return (relationships.get(verdict.id)?.claims ?? []).flatMap((claim) => claimArguments(claim, bases))
      case "hypothesis":
        return []
      default:
        return [verdict.id]
    }
  }
  return {
    on: (verdict, bases = false) => {
      const seen = new Set<AttackFinding>()
      for (const key of argumentsOf(verdict, bases))
        for (const attack of byTarget.get(key) ?? []) seen.add(attack)
      return [...seen]
    },
    attackerStatus: (attack) => {
      const kind = attack.attacker.slice(0, attack.attacker.indexOf(":"))
      if (kind === "auth" || kind === "rep" || kind === "claim" || kind === "obs" || kind === "continues")
        return verdicts.get(itemOfArgument(attack.attacker))?.status
      // A rule's own argument (an overreach) stands for no item and nothing attacks it.
      return "established"
    }
  }
}

/** One reason behind a verdict, in the domain's words, with the sources behind the items it names. */
export interface CitedReason {
  readonly sentence: string
  /** The sentence as it reads after a lead-in and a colon ("What defeats it: after its last..."). */
  readonly clause: string
  readonly items: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
}

export const citedReason = (
  attack: AttackFinding,
  sources: SourceLookup,
  clause: Clause = (sentence) => sentence
): CitedReason => ({
  sentence: attack.sentence,
  clause: clause(attack.sentence),
  items: attack.items,
  sources: sources.behind(attack.items)
})

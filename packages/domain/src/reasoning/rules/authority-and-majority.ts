import { activityEvidence } from "../activity.ts"
import { isWithin, itemName, push } from "../case-view.ts"
import { notSurelyBefore } from "../dates.ts"
import { claimArg, type Finding, worded, repOf } from "../finding.ts"
import type { Claim } from "../../model/claim.ts"
import type { Rule } from "../rule.ts"
import { disownedStatements } from "./disowning.ts"

/**
 * Decisions taken in an actor's name. Who controls a channel (disowning, sole official channel) is a
 * matter of authorship, which rules 2 and 3 weigh; whether a part may commit the whole is this rule's.
 */
const decisionKinds: ReadonlySet<Claim["kind"]> = new Set([
  "pledge",
  "acceptance",
  "break",
  "dissolution",
  "merger"
])

/**
 * Rule 5, authority and majority. A statement issued in the name of a whole actor by a part of it (a
 * council, a leadership, some commanders) speaks for the whole only while nobody who also speaks for the
 * actor denies it: a denial leaves it contested. The denial loses when the deniers fall silent (rule 7)
 * or majority evidence is against them; the statement loses when independent evidence shows the actor
 * going on as before. Decisions the statement takes in the whole actor's name (a pledge, a dissolution, a merger) stand or
 * fall with it.
 */
export const authorityAndMajority: Rule = {
  name: "authority-and-majority",
  title: "A part speaking for the whole is contested when others who speak for the whole deny it",
  apply: (view) => {
    const findings: Array<Finding> = []
    const activity = activityEvidence(view)
    const deniersOf = new Map<string, Array<Claim>>()
    const addDenier = (statement: string, claim: Claim) => {
      const list = deniersOf.get(statement)
      if (list === undefined) deniersOf.set(statement, [claim])
      else list.push(claim)
    }
    for (const claim of view.claimsOfKind("denial")) {
      const target = view.statementById.get(claim.target) ?? targetStatementOfClaim(claim.target)
      if (target !== undefined) addDenier(target.id, claim)
    }
    for (const claim of view.claimsOfKind("disowning")) {
      for (const statement of disownedStatements(view, claim)) addDenier(statement.id, claim)
    }
    const partialAbout = new Map<string, Array<Claim>>()
    for (const claim of view.claimsOfKind("partial-involvement"))
      if (claim.about !== undefined) push(partialAbout, claim.about, claim)
    const backingOf = new Map<string, Array<Claim>>()
    for (const claim of view.claimsOfKind("majority-backing")) push(backingOf, claim.backs, claim)
    for (const statement of view.statements) {
      const actor = statement.issuer.actor
      const signedByPart = statement.issuer.signedBy !== undefined && statement.issuer.signedBy !== actor
      const partial = partialAbout.get(statement.id) ?? []
      if (!signedByPart && partial.length === 0) continue
      const rep = repOf(statement.id)
      const part =
        statement.issuer.signedBy !== undefined
          ? itemName(view, statement.issuer.signedBy)
          : "part of the actor"
      for (const claim of view.claimsByStatement.get(statement.id) ?? [])
        if (claim.scope === actor && decisionKinds.has(claim.kind))
          findings.push(
            worded({
              kind: "dependency",
              rule: "authority-and-majority",
              target: claimArg(claim.id),
              on: rep,
              sentence: () =>
                `${claim.id} is made in the name of ${itemName(view, actor)} as a whole by ${part}, so it stands only if ${itemName(view, statement.id)} speaks for the whole.`
            })
          )
      for (const claim of partial)
        findings.push(
          worded({
            kind: "note",
            rule: "authority-and-majority",
            target: rep,
            items: [claim.id],
            sentence: () =>
              `${claim.id} says only ${claim.kind === "partial-involvement" ? claim.part : "part of the actor"} stood behind ${itemName(view, statement.id)}.`
          })
        )
      const deniers = (deniersOf.get(statement.id) ?? []).filter((denier) => speaksForActor(denier, actor))
      for (const denier of deniers) {
        findings.push(
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: claimArg(denier.id),
            target: rep,
            items: [denier.id],
            sentence: () =>
              `Others who speak for ${itemName(view, actor)} deny that ${itemName(view, statement.id)} is the group's (${denier.id}).`,
            settle: () =>
              `Whether the deniers go on speaking for ${itemName(view, actor)}, or fall silent, and evidence of where the majority stands, would settle it.`
          })
        )
        findings.push(
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: rep,
            target: claimArg(denier.id),
            items: [statement.id],
            sentence: () =>
              `${itemName(view, statement.id)}, issued by ${part}, contests the denial ${denier.id}: one part of the group speaks against another.`,
            settle: () =>
              `Whether the deniers go on speaking for ${itemName(view, actor)}, or fall silent, and evidence of where the majority stands, would settle it.`
          })
        )
        for (const backing of backingOf.get(statement.id) ?? [])
          if (backing.kind === "majority-backing")
            findings.push(
              worded({
                kind: "attack",
                rule: "authority-and-majority",
                attacker: claimArg(backing.id),
                target: claimArg(denier.id),
                items: [backing.id],
                sentence: () =>
                  `The majority of ${itemName(view, backing.actor)} stands behind ${itemName(view, statement.id)} (${backing.id}), against the deniers.`
              })
            )
      }
      if (deniers.length === 0) continue
      for (const evidence of activity.get(actor) ?? []) {
        const independent = evidence.channel !== statement.channel && evidence.id !== statement.id
        if (!independent || !notSurelyBefore(evidence.date, statement.observed)) continue
        findings.push(
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: evidence.argument,
            target: rep,
            items: [evidence.id],
            sentence: () =>
              `Independent evidence shows ${itemName(view, actor)} going on as before around or after ${itemName(view, statement.id)}: ${evidence.description} (${evidence.id}, ${evidence.date.text}).`
          })
        )
      }
    }
    return findings

    function targetStatementOfClaim(id: string) {
      const claim = view.claimById.get(id)
      return claim !== undefined && "statement" in claim.madeBy
        ? view.statementById.get(claim.madeBy.statement)
        : undefined
    }
    function speaksForActor(claim: Claim, actor: string) {
      if (!("statement" in claim.madeBy)) return false
      const maker = view.statementById.get(claim.madeBy.statement)
      return (
        maker !== undefined &&
        (isWithin(view, maker.issuer.actor, actor) || isWithin(view, actor, maker.issuer.actor))
      )
    }
  }
}

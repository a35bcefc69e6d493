import type { Claim, ClaimOf } from "../../model/claim.ts"
import type { Statement } from "../../model/statement.ts"
import { speaksAsPartOf, speaksWithin, voicesOf } from "../actor-tree.ts"
import { type CaseView, claimDate, itemName, upperFirst } from "../case-view.ts"
import { surelyBefore } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, type Rule } from "../rule.ts"

type Confirmation = ClaimOf<"confirmation">

/** What a confirmation confirms: as it says, else the authorship of a statement and the content of a claim. */
export const confirmsOf = (view: CaseView, confirmation: Confirmation): "authorship" | "content" =>
  confirmation.confirms ??
  (view.statementById.get(confirmation.target) !== undefined ? "authorship" : "content")

/** The statement an item comes from: itself, or the statement making it. */
const statementOf = (view: CaseView, id: string): Statement | undefined => {
  const statement = view.statementById.get(id)
  if (statement !== undefined) return statement
  const claim = view.claimById.get(id)
  return claim !== undefined && "statement" in claim.madeBy
    ? view.statementById.get(claim.madeBy.statement)
    : undefined
}

/** The confirmations that bear on what `target` names: of it, of the statement making it, or of a claim that statement makes. */
const confirmationsAround = (view: CaseView, target: string): ReadonlyArray<Confirmation> => {
  const found = new Set<Confirmation>()
  const of = (id: string) => {
    for (const claim of view.claimsAbout.get(id)) if (claim.kind === "confirmation") found.add(claim)
  }
  of(target)
  const statement = statementOf(view, target)
  if (statement !== undefined) {
    of(statement.id)
    for (const made of view.claimsByStatement.get(statement.id)) of(made.id)
  }
  return [...found]
}

/** The claims a confirmation of content upholds: the claim it names, or every claim of the statement it names. */
const upheldBy = (view: CaseView, confirmation: Confirmation): ReadonlyArray<Claim> => {
  const claim = view.claimById.get(confirmation.target)
  if (claim !== undefined) return [claim]
  return view.claimsByStatement.get(confirmation.target)
}

/**
 * Rule 6, denial. An actor's denial of a statement attributed to it attacks that statement (or, for a
 * denied claim, the claim). A later confirmation by the same actor meets the denial whichever of the two
 * names the statement and whichever names what it says: a confirmation of authorship (that the statement
 * was the actor's) defeats the denial; a confirmation of content (that what it says holds, such as an
 * audio pledge in the leader's voice) defeats a denial of that content, and upholds what it confirms
 * even if the statement's authorship stays denied: the claim then stands on the statement or on the
 * confirmation, whichever stands.
 */
export const denial: Rule = groupedRule({
  name: "denial",
  title: "An actor's denial attacks what is attributed to it; its later confirmation defeats the denial",
  // A group per denial ("d:"): what it denies, and the confirmations that meet it; and per confirmation
  // of content ("c:"): the claims it upholds.
  groups: function* (view) {
    for (const claim of view.claimsOfKind("denial")) yield `d:${claim.id}`
    for (const claim of view.claimsOfKind("confirmation"))
      if (confirmsOf(view, claim) === "content") yield `c:${claim.id}`
  },
  touched: function* (view, additions) {
    const denialsAround = function* (id: string) {
      const statement = statementOf(view, id)
      const ids = new Set<string>([id])
      if (statement !== undefined) {
        ids.add(statement.id)
        for (const made of view.claimsByStatement.get(statement.id)) ids.add(made.id)
      }
      for (const named of ids)
        for (const claim of view.claimsAbout.get(named)) {
          if (claim.kind === "denial") yield `d:${claim.id}`
          else if (claim.kind === "confirmation" && confirmsOf(view, claim) === "content")
            yield `c:${claim.id}`
        }
    }
    for (const statement of additions.statements) yield* denialsAround(statement.id)
    for (const claim of additions.claims) {
      yield* denialsAround(claim.id)
      if (claim.kind === "denial") yield `d:${claim.id}`
      else if (claim.kind === "confirmation") {
        if (confirmsOf(view, claim) === "content") yield `c:${claim.id}`
        yield* denialsAround(claim.target)
      }
    }
  },
  findingsFor: (view, group) =>
    group.startsWith("d:") ? denialFindings(view, group.slice(2)) : upholdingFindings(view, group.slice(2))
})

const denialFindings = (view: CaseView, id: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const claim = view.claimById.get(id)
  if (claim?.kind !== "denial" || !("statement" in claim.madeBy)) return findings
  const maker = view.statementById.get(claim.madeBy.statement)
  if (maker === undefined) return findings
  const deniedStatement = view.statementById.get(claim.target)
  const deniedClaim = view.claimById.get(claim.target)
  const source = statementOf(view, claim.target)
  // Who the denied item is attributed to: those the statement says it is from, or the claim's scope.
  const attributed =
    source !== undefined ? voicesOf(source) : deniedClaim !== undefined ? [deniedClaim.scope] : []
  const denied = claimDate(claim, view.statementById)
  const at = denied?.start
  const attributedTo = attributed.find((actor) => speaksWithin(view, maker, actor, at))
  if (attributedTo === undefined) return findings
  const target = deniedStatement !== undefined ? authOf(deniedStatement.id) : claimArg(claim.target)
  findings.push(
    worded({
      kind: "attack",
      rule: "denial",
      attacker: claimArg(claim.id),
      target,
      items: [claim.id, maker.id],
      sentence: () =>
        `${itemName(view, attributedTo)} denies ${itemName(view, claim.target)} through ${itemName(view, maker.id)}.`,
      settle: () =>
        `A later confirmation by ${itemName(view, attributedTo)}, or evidence that the deniers no longer speak for it, would settle it.`
    })
  )
  if (denied === undefined) return findings
  for (const confirmation of confirmationsAround(view, claim.target)) {
    if (!("statement" in confirmation.madeBy)) continue
    const confirmer = view.statementById.get(confirmation.madeBy.statement)
    const confirmed = claimDate(confirmation, view.statementById)
    if (confirmer === undefined || confirmed === undefined) continue
    if (!speaksAsPartOf(view, confirmer, attributedTo, confirmed.start) || !surelyBefore(denied, confirmed))
      continue
    // A denial that the statement was the actor's is met only by a confirmation that it was; a denial of
    // what it says, by either.
    const confirms = confirmsOf(view, confirmation)
    if (deniedStatement !== undefined && confirms === "content") continue
    findings.push(
      worded({
        kind: "attack",
        rule: "denial",
        attacker: claimArg(confirmation.id),
        target: claimArg(claim.id),
        items: [confirmation.id],
        sentence: () =>
          `${itemName(view, attributedTo)} later confirmed ${confirms === "authorship" ? "that it issued" : "what"} ${itemName(view, confirmation.target)}${confirms === "content" ? " says" : ""} (${confirmed.text}), which defeats the earlier denial.`
      })
    )
  }
  return findings
}

const upholdingFindings = (view: CaseView, id: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const confirmation = view.claimById.get(id)
  if (confirmation?.kind !== "confirmation" || !("statement" in confirmation.madeBy)) return findings
  const confirmer = view.statementById.get(confirmation.madeBy.statement)
  const confirmed = claimDate(confirmation, view.statementById)
  if (confirmer === undefined || confirmed === undefined) return findings
  for (const upheld of upheldBy(view, confirmation)) {
    if (!("statement" in upheld.madeBy)) continue
    const source = view.statementById.get(upheld.madeBy.statement)
    if (source === undefined || source.id === confirmer.id || !surelyBefore(source.observed, confirmed))
      continue
    const actor = voicesOf(source).find((voice) => speaksAsPartOf(view, confirmer, voice, confirmed.start))
    if (actor === undefined) continue
    const claim = claimArg(upheld.id)
    const unfounded = `unfounded:${upheld.id}`
    findings.push(
      worded({
        kind: "detach",
        rule: "denial",
        target: claim,
        from: authOf(source.id),
        items: [confirmation.id, source.id],
        sentence: () =>
          `${itemName(view, actor)} later confirmed what ${itemName(view, upheld.id)} says (${confirmed.text}), so it stands on ${itemName(view, source.id)} or on that confirmation, whichever stands.`
      }),
      worded({
        kind: "attack",
        rule: "denial",
        attacker: unfounded,
        target: claim,
        items: [source.id, confirmation.id],
        sentence: () =>
          `Without ${itemName(view, source.id)} or the later confirmation, nothing would found ${itemName(view, upheld.id)}`
      }),
      worded({
        kind: "attack",
        rule: "denial",
        attacker: authOf(source.id),
        target: unfounded,
        items: [source.id],
        sentence: () => `${upperFirst(itemName(view, source.id))} founds ${itemName(view, upheld.id)}.`
      }),
      worded({
        kind: "attack",
        rule: "denial",
        attacker: claimArg(confirmation.id),
        target: unfounded,
        items: [confirmation.id],
        sentence: () => `The later confirmation founds ${itemName(view, upheld.id)}.`
      })
    )
  }
  return findings
}

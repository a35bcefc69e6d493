import type { Claim } from "../../model/claim.ts"
import type { Statement } from "../../model/statement.ts"
import { type ActivityEvidence, activityEvidence, addedEvidence, observationsCarriedBy } from "../activity.ts"
import { speaksWithin } from "../actor-tree.ts"
import { type CaseView, indexPerView, itemName, readsNoTree, upperFirst } from "../case-view.ts"
import { carriedFindings } from "../carried-findings.ts"
import { notSurelyBefore } from "../dates.ts"
import { claimArg, type Finding, repOf, worded } from "../finding.ts"
import { type EvidenceOrigin, evidenceOrigin, partyOf, sharesOrigin } from "../origins.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"
import { disownedStatements, disowningThatMayCover } from "./disowning.ts"

/**
 * Rule 5, authority and majority. A statement issued in the name of a whole actor by a part of it (a
 * council, a leadership, some commanders) speaks for the whole only while nobody who also speaks for the
 * actor denies it: a denial leaves it contested. The denial loses when the deniers fall silent (rule 7)
 * or majority evidence is against them; the statement loses when independent evidence shows the actor
 * going on as before. Independent evidence is of another origin than the statement and its deniers (not
 * their words, their channels, their sources or sources those depend on), and of the actor going on under
 * its own banner. Decisions the statement takes in the whole actor's name (a pledge, a dissolution, a merger) stand or
 * fall with it.
 */
export const authorityAndMajority: Rule = groupedRule({
  name: "authority-and-majority",
  title: "A part speaking for the whole is contested when others who speak for the whole deny it",
  // One group per statement: who it speaks for, who denies it, and the evidence for and against.
  groups: (view) => idsOf(view.statements),
  touched: function* (view, additions) {
    yield* idsOf(additions.statements)
    for (const claim of additions.claims) {
      if ("statement" in claim.madeBy) yield claim.madeBy.statement
      if (claim.kind === "partial-involvement" && claim.about !== undefined) yield claim.about
      else if (claim.kind === "majority-backing") yield claim.backs
      else if (claim.kind === "denial") {
        const denied = view.claimById.get(claim.target)
        yield denied !== undefined && "statement" in denied.madeBy ? denied.madeBy.statement : claim.target
      } else if (claim.kind === "disowning") yield* idsOf(disownedStatements(view, claim))
    }
    // New evidence of an actor at work weighs on whether each statement a part issued in its name speaks
    // for it. A day brings much evidence of the same few actors: each is looked at once.
    const actors = new Set<string>()
    for (const evidence of addedEvidence(view, additions)) actors.add(evidence.actor)
    // A statement that comes in carrying what was seen of an actor makes that evidence its words: it is
    // no longer independent of whoever the statement's words are.
    for (const statement of additions.statements)
      for (const observation of observationsCarriedBy(view).get(statement.id)) {
        actors.add(observation.actor)
        if (observation.under !== undefined) actors.add(observation.under)
      }
    for (const actor of actors) yield* byPartsOf(view, actor)
  },
  findingsFor: (view, id) => {
    const findings: Array<Finding> = []
    const statement = view.statementById.get(id)
    if (statement === undefined || !byPart(view, statement)) return findings
    const actor = statement.issuer.actor
    const about = view.claimsAbout.get(statement.id)
    const partial = about.filter((claim) => claim.kind === "partial-involvement")
    const rep = repOf(statement.id)
    const part =
      statement.issuer.signedBy !== undefined
        ? itemName(view, statement.issuer.signedBy)
        : "part of the actor"
    // Who controls a channel (disowning, sole official channel) is a matter of authorship, which rules 2
    // and 3 weigh; whether a part may commit the whole to a decision is this rule's (`ClaimKind.decision`).
    for (const claim of view.claimsByStatement.get(statement.id))
      if (claim.scope === actor && view.model.kindOf(claim).decision === true)
        findings.push(
          carried(
            view,
            `${statement.id}\u0000${claim.id}\u0000decision`,
            [
              claim.id,
              statement.id,
              actor,
              ...(statement.issuer.signedBy === undefined ? [] : [statement.issuer.signedBy])
            ],
            () =>
              worded({
                kind: "dependency",
                rule: "authority-and-majority",
                target: claimArg(claim.id),
                on: rep,
                sentence: () =>
                  `${upperFirst(itemName(view, claim.id))} is made in the name of ${itemName(view, actor)} as a whole by ${part}, so it stands only if ${itemName(view, statement.id)} speaks for the whole.`
              })
          )
        )
    for (const claim of partial)
      findings.push(
        carried(view, `${statement.id}\u0000${claim.id}\u0000partial`, [claim.id, statement.id], () =>
          worded({
            kind: "note",
            rule: "authority-and-majority",
            target: rep,
            items: [claim.id],
            sentence: () =>
              `${upperFirst(itemName(view, claim.id))} says only ${claim.kind === "partial-involvement" ? claim.part : "part of the actor"} stood behind ${itemName(view, statement.id)}.`
          })
        )
      )
    const deniers = deniersOf(view, statement).filter((denier) => speaksForActor(view, denier, actor))
    const backings = about.filter((claim) => claim.kind === "majority-backing")
    for (const denier of deniers) {
      findings.push(
        carried(view, `${statement.id}\u0000${denier.id}\u0000denies`, [statement.id], () =>
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: claimArg(denier.id),
            target: rep,
            items: [denier.id],
            sentence: () =>
              `Others who speak for ${itemName(view, actor)} deny that ${itemName(view, statement.id)} is the group's.`,
            settle: () =>
              `Whether the deniers go on speaking for ${itemName(view, actor)}, or fall silent, and evidence of where the majority stands, would settle it.`
          })
        )
      )
      findings.push(
        carried(view, `${statement.id}\u0000${denier.id}\u0000contests`, [statement.id, denier.id], () =>
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: rep,
            target: claimArg(denier.id),
            items: [statement.id],
            sentence: () =>
              `${itemName(view, statement.id)}, issued by ${part}, contests ${itemName(view, denier.id)}: one part of the group speaks against another.`,
            settle: () =>
              `Whether the deniers go on speaking for ${itemName(view, actor)}, or fall silent, and evidence of where the majority stands, would settle it.`
          })
        )
      )
      for (const backing of backings)
        if (backing.kind === "majority-backing")
          findings.push(
            carried(view, `${statement.id}\u0000${denier.id}\u0000${backing.id}`, [statement.id], () =>
              worded({
                kind: "attack",
                rule: "authority-and-majority",
                attacker: claimArg(backing.id),
                target: claimArg(denier.id),
                items: [backing.id],
                sentence: () =>
                  `The majority of ${itemName(view, backing.actor)} stands behind ${itemName(view, statement.id)}, against the deniers.`
              })
            )
          )
    }
    if (deniers.length === 0) return findings
    // Independent means of another origin than the statement and its deniers, not merely another channel.
    const party = partyOf(view, [statement.id, ...deniers.map((denier) => denier.id)])
    const evidenceList = activityEvidence(view).get(actor)
    const origins = originsOfEvidence(view, actor, evidenceList)
    for (let at = 0; at < evidenceList.length; at++) {
      const evidence = evidenceList[at]!
      if (!notSurelyBefore(evidence.date, statement.observed)) continue
      if (sharesOrigin(view, origins[at], party)) continue
      findings.push(
        carried(view, `${statement.id}\u0000${evidence.id}`, [statement.id], () =>
          worded({
            kind: "attack",
            rule: "authority-and-majority",
            attacker: evidence.argument,
            target: rep,
            items: [evidence.id],
            sentence: () =>
              `Independent evidence shows ${itemName(view, actor)} going on as before around or after ${itemName(view, statement.id)}: ${evidence.description} (${evidence.date.text}).`
          })
        )
      )
    }
    return findings
  }
})

/** Whether a part of its issuer stands behind `statement` alone: it signed it, or a claim says so. */
const byPart = (view: CaseView, statement: Statement): boolean =>
  (statement.issuer.signedBy !== undefined && statement.issuer.signedBy !== statement.issuer.actor) ||
  view.claimsAbout.get(statement.id).some((claim) => claim.kind === "partial-involvement")

/** The ids of the statements in `actor`'s name that a part of it stands behind: the only ones this rule weighs. */
const byPartsOf = function* (view: CaseView, actor: string): Iterable<string> {
  for (const statement of mayBeByPart(view).get(actor)) if (byPart(view, statement)) yield statement.id
}

/**
 * By the actor they are issued in the name of, the statements a part of it may stand behind: signed by
 * a part, or the subject of a claim that only part stood behind, whichever of the two came in later. It
 * holds every statement `byPart` says is a part's (some twice), and few others: an actor's statements
 * are many, those by a part few, and a day's evidence of the actor at work asks for them.
 */
const mayBeByPart = indexPerView<Statement>((view, items, add) => {
  for (const statement of items.statements)
    if (byPart(view, statement)) add(statement.issuer.actor, statement)
  for (const claim of items.claims)
    if (claim.kind === "partial-involvement" && claim.about !== undefined) {
      const statement = view.statementById.get(claim.about)
      if (statement !== undefined) add(statement.issuer.actor, statement)
    }
}, readsNoTree)

/**
 * The attacks between a statement in the name of the whole and its deniers, and of independent evidence
 * on it, by the statement and what attacks it or what it attacks (see `carriedFindings`).
 */
const carried = carriedFindings<string>()

// Where each piece of an actor's activity comes from, found once per view and actor rather than once per
// disputed statement in the actor's name.
const evidenceOrigins = new WeakMap<CaseView, Map<string, ReadonlyArray<EvidenceOrigin | undefined>>>()

const originsOfEvidence = (
  view: CaseView,
  actor: string,
  evidence: ReadonlyArray<ActivityEvidence>
): ReadonlyArray<EvidenceOrigin | undefined> => {
  let byActor = evidenceOrigins.get(view)
  if (byActor === undefined) {
    byActor = new Map()
    evidenceOrigins.set(view, byActor)
  }
  let origins = byActor.get(actor)
  if (origins === undefined) {
    origins = evidence.map((item) => evidenceOrigin(view, item.id))
    byActor.set(actor, origins)
  }
  return origins
}

/**
 * Who denies that `statement` is its issuer's: denials of it or of a claim it makes, and disowning
 * claims that cover it (once for each way they cover it).
 */
const deniersOf = (view: CaseView, statement: Statement): ReadonlyArray<Claim> => {
  const deniers: Array<Claim> = []
  for (const claim of view.claimsAbout.get(statement.id)) if (claim.kind === "denial") deniers.push(claim)
  for (const made of view.claimsByStatement.get(statement.id))
    for (const claim of view.claimsAbout.get(made.id)) if (claim.kind === "denial") deniers.push(claim)
  for (const claim of disowningThatMayCover(view, statement))
    for (const disowned of disownedStatements(view, claim)) if (disowned === statement) deniers.push(claim)
  return deniers
}

const speaksForActor = (view: CaseView, claim: Claim, actor: string) => {
  if (!("statement" in claim.madeBy)) return false
  const maker = view.statementById.get(claim.madeBy.statement)
  return maker !== undefined && speaksWithin(view, maker, actor, maker.observed.start)
}

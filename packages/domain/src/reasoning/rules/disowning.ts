import type { Claim, ClaimOf } from "../../model/claim.ts"
import type { Statement } from "../../model/statement.ts"
import type { CaseView } from "../case-view.ts"
import { actorsWithin, indexPerView, itemName } from "../case-view.ts"
import { notSurelyBefore } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, type Rule, selfAndAncestors } from "../rule.ts"

/**
 * The statements a disowning claim declares false: those on the named channel after the serial or from
 * the date it gives, and, when it disowns other channels, what the actor's other channels publish in
 * its name.
 */
export const disownedStatements = (view: CaseView, claim: ClaimOf<"disowning">): ReadonlyArray<Statement> => {
  let byClaim = disownedCache.get(view)
  if (byClaim === undefined) {
    byClaim = new Map()
    disownedCache.set(view, byClaim)
  }
  const cached = byClaim.get(claim.id)
  if (cached !== undefined) return cached
  const disowned = findDisowned(view, claim)
  byClaim.set(claim.id, disowned)
  return disowned
}

// Rules 3 and 5 both need what each disowning claim covers; a view never changes, so it is found once.
const disownedCache = new WeakMap<CaseView, Map<string, ReadonlyArray<Statement>>>()

const findDisowned = (view: CaseView, claim: ClaimOf<"disowning">): ReadonlyArray<Statement> => {
  if (!("statement" in claim.madeBy)) return []
  const maker = view.statementById.get(claim.madeBy.statement)
  if (maker === undefined) return []
  const disowned: Array<Statement> = []
  if (claim.channel !== undefined) {
    for (const statement of view.statementsByChannel.get(claim.channel)) {
      if (statement.id === maker.id) continue
      const afterSerial =
        claim.afterSerial === undefined ||
        (statement.serial?.number !== undefined && statement.serial.number > claim.afterSerial)
      const afterDate = claim.since === undefined || notSurelyBefore(statement.observed, claim.since)
      const bounded = claim.afterSerial !== undefined || claim.since !== undefined
      if (bounded && afterSerial && afterDate) disowned.push(statement)
    }
  }
  if (claim.otherChannels) {
    const within = actorsWithin(view, claim.scope)
    const inScope = new Set(within)
    for (const actor of within)
      for (const channel of view.channelsByActor.get(actor) ?? []) {
        if (channel.id === maker.channel) continue
        for (const statement of view.statementsByChannel.get(channel.id))
          if (inScope.has(statement.issuer.actor)) disowned.push(statement)
      }
  }
  return disowned
}

/**
 * Rule 3, disowning. A statement that disowns statements after a serial number, or from other channels,
 * attacks the authorship of each statement it disowns. Two channels that disown each other attack each
 * other's statements, and with nothing else to settle it both stay contested. Two claims that different
 * channels are each the actor's sole official one cannot both be right, so they attack each other too.
 */
export const disowning: Rule = groupedRule({
  name: "disowning",
  title: "A statement that disowns others attacks their authorship",
  // A group per disowning claim ("d:" and its id) and per actor declared to have a sole official channel ("s:").
  groups: function* (view) {
    for (const claim of view.claimsOfKind("disowning")) yield `d:${claim.id}`
    const scopes = new Set<string>()
    for (const claim of view.claimsOfKind("sole-official-channel")) scopes.add(claim.scope)
    for (const scope of scopes) yield `s:${scope}`
  },
  touched: function* (view, additions) {
    for (const claim of additions.claims)
      if (claim.kind === "disowning") yield `d:${claim.id}`
      else if (claim.kind === "sole-official-channel") yield `s:${claim.scope}`
    for (const statement of additions.statements)
      for (const claim of disowningThatMayCover(view, statement)) yield `d:${claim.id}`
  },
  findingsFor: (view, group) =>
    group.startsWith("d:")
      ? disowningFindings(view, group.slice(2))
      : soleChannelFindings(view, group.slice(2))
})

/** Disowning and sole-official-channel claims by the actor they are made for (their scope). */
const claimsByScope = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims)
    if (claim.kind === "disowning" || claim.kind === "sole-official-channel") add(claim.scope, claim)
})

/** The disowning claims that could cover `statement`: those naming its channel, and those disowning other channels in the name of an actor above its issuer. */
export const disowningThatMayCover = (
  view: CaseView,
  statement: Statement
): ReadonlyArray<ClaimOf<"disowning">> => {
  const found: Array<ClaimOf<"disowning">> = []
  if (statement.channel !== undefined)
    for (const claim of view.claimsByChannel.get(statement.channel))
      if (claim.kind === "disowning") found.push(claim)
  for (const actor of selfAndAncestors(view, statement.issuer.actor))
    for (const claim of claimsByScope(view).get(actor))
      if (claim.kind === "disowning" && claim.otherChannels && !found.includes(claim)) found.push(claim)
  return found
}

const disowningFindings = (view: CaseView, id: string): ReadonlyArray<Finding> => {
  const claim = view.claimById.get(id)
  if (claim?.kind !== "disowning" || !("statement" in claim.madeBy)) return []
  const maker = claim.madeBy.statement
  return disownedStatements(view, claim).map((statement) =>
    worded({
      kind: "attack",
      rule: "disowning",
      attacker: claimArg(claim.id),
      target: authOf(statement.id),
      items: [claim.id, maker],
      sentence: () =>
        `${itemName(view, maker)} disowns ${itemName(view, statement.id)} (${claim.id}): it declares it false and not the group's.`,
      settle: () =>
        "Evidence of which channel the actor's members and leaders follow (a recovery notice, a confirmation in a known voice, independent reporting) would settle which side speaks for it."
    })
  )
}

const soleChannelFindings = (view: CaseView, scope: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const soleClaims = claimsByScope(view)
    .get(scope)
    .filter((claim) => claim.kind === "sole-official-channel")
  for (const a of soleClaims)
    for (const b of soleClaims)
      if (a.id !== b.id && a.channel !== b.channel)
        findings.push(
          worded({
            kind: "attack",
            rule: "disowning",
            attacker: claimArg(a.id),
            target: claimArg(b.id),
            items: [a.id, b.id],
            sentence: () =>
              `${itemName(view, a.channel)} and ${itemName(view, b.channel)} are each declared the sole official channel of ${itemName(view, a.scope)} (${a.id}, ${b.id}); both cannot be.`,
            settle: () =>
              `Independent evidence of which channel ${itemName(view, a.scope)} uses would settle it.`
          })
        )
  return findings
}

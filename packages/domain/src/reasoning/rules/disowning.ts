import type { PrintedDate } from "../../calendar/printed-date.ts"
import type { Claim, ClaimOf } from "../../model/claim.ts"
import type { Statement } from "../../model/statement.ts"
import { actorsWithin, inOwnName, selfAndAncestors } from "../actor-tree.ts"
import type { CaseView } from "../case-view.ts"
import { claimDate, indexPerView, itemName, readsNoTree, upperFirst } from "../case-view.ts"
import { carriedFindings } from "../carried-findings.ts"
import { standingOn } from "../conditional.ts"
import { notSurelyBefore, surelyBefore, unordered } from "../dates.ts"
import { authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, type Rule } from "../rule.ts"

/** A declaration of an actor's channels: one sole official channel, or a set of official channels. */
export type Declaration = ClaimOf<"sole-official-channel"> | ClaimOf<"official-channels">

const isDeclaration = (claim: Claim): claim is Declaration =>
  claim.kind === "sole-official-channel" || claim.kind === "official-channels"

/** The channels a declaration names. */
export const declaredChannels = (claim: Declaration): ReadonlyArray<string> =>
  claim.kind === "sole-official-channel" ? [claim.channel] : claim.channels

/** A statement a disowning claim covers, and the later declarations of the actor's channels that, standing, would lift it. */
export interface Disowned {
  readonly statement: Statement
  /** Declarations made after the disowning and by the time of the statement: while one stands, the disowning no longer reaches it. */
  readonly unless: ReadonlyArray<Declaration>
}

/**
 * The statements a disowning claim declares false: those on the named channel after the serial or from
 * the date it gives, and, when it disowns other channels, what the actor's other channels publish in its
 * name. A disowning of other channels speaks of the time around it: the channels the disowning statement
 * itself declares official are not "other", and once the actor declares its channels again, later, what
 * it publishes from then on is out of the disowning's reach while that declaration stands.
 */
export const disownedBy = (view: CaseView, claim: ClaimOf<"disowning">): ReadonlyArray<Disowned> => {
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

/** The statements a disowning claim covers, whether or not a later declaration may lift it. */
export const disownedStatements = (view: CaseView, claim: ClaimOf<"disowning">): ReadonlyArray<Statement> =>
  disownedBy(view, claim).map((entry) => entry.statement)

// Rules 3 and 5 both need what each disowning claim covers; a view never changes, so it is found once.
const disownedCache = new WeakMap<CaseView, Map<string, ReadonlyArray<Disowned>>>()

const none: ReadonlyArray<Declaration> = []

const findDisowned = (view: CaseView, claim: ClaimOf<"disowning">): ReadonlyArray<Disowned> => {
  if (!("statement" in claim.madeBy)) return []
  const maker = view.statementById.get(claim.madeBy.statement)
  if (maker === undefined) return []
  const disowned: Array<Disowned> = []
  if (claim.channel !== undefined) {
    for (const statement of view.statementsByChannel.get(claim.channel)) {
      if (statement.id === maker.id || !inOwnName(view, statement)) continue
      const afterSerial =
        claim.afterSerial === undefined ||
        (statement.serial?.number !== undefined && statement.serial.number > claim.afterSerial)
      const afterDate = claim.since === undefined || notSurelyBefore(statement.observed, claim.since)
      const bounded = claim.afterSerial !== undefined || claim.since !== undefined
      if (bounded && afterSerial && afterDate) disowned.push({ statement, unless: none })
    }
  }
  if (claim.otherChannels) {
    // The channels the disowning statement speaks through or declares official are the actor's own.
    const official = new Set<string>(maker.channel === undefined ? [] : [maker.channel])
    for (const made of view.claimsByStatement.get(maker.id))
      if (isDeclaration(made)) for (const channel of declaredChannels(made)) official.add(channel)
    const later = laterDeclarations(view, claim, maker.observed)
    const within = actorsWithin(view, claim.scope)
    const inScope = new Set(within)
    for (const actor of within)
      for (const channel of view.channelsByActor.get(actor) ?? []) {
        if (official.has(channel.id)) continue
        for (const statement of view.statementsByChannel.get(channel.id)) {
          if (!inScope.has(statement.issuer.actor) || !inOwnName(view, statement)) continue
          if (!surelyBefore(maker.observed, statement.observed)) {
            disowned.push({ statement, unless: none })
            continue
          }
          // A later declaration of the actor's channels speaks for itself, and for what follows it.
          if (later.some((declaration) => madeIn(declaration, statement))) continue
          const unless = later.filter(
            (declaration) => !surelyBefore(statement.observed, dateOf(view, declaration))
          )
          disowned.push({ statement, unless })
        }
      }
  }
  return disowned
}

const madeIn = (claim: Claim, statement: Statement) =>
  "statement" in claim.madeBy && claim.madeBy.statement === statement.id

const dateOf = (view: CaseView, claim: Claim): PrintedDate => claimDate(claim, view.statementById)!

/** Declarations of the channels of the disowning's actor (or of an actor above or below it) made surely after it. */
const laterDeclarations = (
  view: CaseView,
  claim: ClaimOf<"disowning">,
  made: PrintedDate
): ReadonlyArray<Declaration> => {
  const found: Array<Declaration> = []
  for (const actor of relatedScopes(view, claim.scope))
    for (const other of claimsByScope(view).get(actor)) {
      if (!isDeclaration(other)) continue
      const date = claimDate(other, view.statementById)
      if (date !== undefined && surelyBefore(made, date)) found.push(other)
    }
  return found
}

/** The actor, those above it and those below it: the scopes whose declarations bear on its channels. */
const relatedScopes = (view: CaseView, scope: string): ReadonlyArray<string> => [
  ...new Set([...selfAndAncestors(view, scope), ...actorsWithin(view, scope)])
]

/**
 * Rule 3, disowning. A statement that disowns statements after a serial number, or from other channels,
 * attacks the authorship of each statement it disowns. Two channels that disown each other attack each
 * other's statements, and with nothing else to settle it both stay contested. A disowning of other
 * channels speaks of the time around it: a later declaration of the actor's channels, while it stands,
 * lifts it from what follows. Declarations of an actor's channels that cannot both be right (different
 * channels, made at a time neither of them surely precedes) attack each other; a later one supersedes an
 * earlier one without refuting it.
 */
export const disowning: Rule = groupedRule({
  name: "disowning",
  title: "A statement that disowns others attacks their authorship",
  // A group per disowning claim ("d:" and its id) and per actor whose channels are declared ("s:").
  groups: function* (view) {
    for (const claim of view.claimsOfKind("disowning")) yield `d:${claim.id}`
    const scopes = new Set<string>()
    for (const claim of view.claimsOfKind("sole-official-channel")) scopes.add(claim.scope)
    for (const claim of view.claimsOfKind("official-channels")) scopes.add(claim.scope)
    for (const scope of scopes) yield `s:${scope}`
  },
  touched: function* (view, additions) {
    for (const claim of additions.claims)
      if (claim.kind === "disowning") yield `d:${claim.id}`
      else if (isDeclaration(claim)) {
        yield `s:${claim.scope}`
        // A declaration changes what the disownings of its actor's tree reach.
        for (const actor of relatedScopes(view, claim.scope))
          for (const other of claimsByScope(view).get(actor))
            if (other.kind === "disowning") yield `d:${other.id}`
      }
    for (const statement of additions.statements)
      for (const claim of disowningThatMayCover(view, statement)) yield `d:${claim.id}`
  },
  findingsFor: (view, group) =>
    group.startsWith("d:")
      ? disowningFindings(view, group.slice(2))
      : declarationFindings(view, group.slice(2))
})

/** Disowning and declaration claims by the actor they are made for (their scope). */
const claimsByScope = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims)
    if (claim.kind === "disowning" || isDeclaration(claim)) add(claim.scope, claim)
}, readsNoTree)

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

/**
 * The attacks of disowning claims on the statements they disown, by attacker and statement: a claim
 * disowning a channel's statements is worked out again as each comes in (see `carriedFindings`).
 */
const disownings = carriedFindings<string>()

const disowningFindings = (view: CaseView, id: string): ReadonlyArray<Finding> => {
  const claim = view.claimById.get(id)
  if (claim?.kind !== "disowning" || !("statement" in claim.madeBy)) return []
  const maker = claim.madeBy.statement
  const findings: Array<Finding> = []
  const reaches = new Set<string>()
  for (const { statement, unless } of disownedBy(view, claim)) {
    let attacker = claimArg(claim.id)
    if (unless.length > 0) {
      attacker = `reach:${claim.id}@${unless.map((declaration) => declaration.id).join("+")}`
      if (!reaches.has(attacker)) {
        reaches.add(attacker)
        const reach = attacker
        const standing = standingOn(
          view,
          "disowning",
          reach,
          claim,
          () =>
            `${upperFirst(itemName(view, claim.id))} reaches past the later declarations only if they fall.`
        )
        for (const finding of standing)
          if (finding.kind === "dependency")
            findings.push(disownings(view, `${reach}\u0000${finding.on}`, [claim.id], () => finding))
        for (const declaration of unless)
          findings.push(
            disownings(view, `${reach}\u0000${declaration.id}`, [declaration.scope], () =>
              worded({
                kind: "attack",
                rule: "disowning",
                attacker: claimArg(declaration.id),
                target: reach,
                items: [declaration.id],
                sentence: () =>
                  `${itemName(view, declaration.scope)} declared its channels again later, which supersedes the earlier disowning.`
              })
            )
          )
      }
    }
    findings.push(
      disownings(view, `${attacker}\u0000${statement.id}`, [maker, statement.id], () =>
        worded({
          kind: "attack",
          rule: "disowning",
          attacker,
          target: authOf(statement.id),
          items: [claim.id, maker],
          sentence: () =>
            `${itemName(view, maker)} disowns ${itemName(view, statement.id)}: it declares it false and not the group's.`,
          settle: () => disowningSettles(view, claim.scope, statement, maker)
        })
      )
    )
  }
  return findings
}

/**
 * What would settle a disowning, naming the group, both channels and both statements, so that two
 * disputes between different sides read differently: "Word from a voice known to speak for the group
 * (a leader, a member, or independent reporting) on which of @old and @new is its own would settle
 * whether Statement 12 on @old or the @new notice speaks for it."
 */
const disowningSettles = (view: CaseView, group: string, disowned: Statement, maker: string): string => {
  const own = disowned.channel
  const other = view.statementById.get(maker)?.channel
  const which =
    own !== undefined && other !== undefined && own !== other
      ? ` on which of ${itemName(view, own)} and ${itemName(view, other)} is its own`
      : ""
  return `Word from a voice known to speak for ${itemName(view, group)} (a leader, a member, or independent reporting)${which} would settle whether ${itemName(view, disowned.id)} or ${itemName(view, maker)} speaks for it.`
}

/** The channels a declaration names, as one text: two declarations name the same channels when their texts are equal. */
const channelSetKey = (declaration: Declaration): string =>
  [...new Set(declaredChannels(declaration))].sort().join("\u0000")

const declarationFindings = (view: CaseView, scope: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const declarations = claimsByScope(view).get(scope).filter(isDeclaration)
  // Each declaration is compared with every other: what the comparison reads of each is worked out once.
  const channels = declarations.map(channelSetKey)
  const dates = declarations.map((declaration) => claimDate(declaration, view.statementById))
  for (let i = 0; i < declarations.length; i++)
    for (let j = 0; j < declarations.length; j++) {
      const a = declarations[i]!
      const b = declarations[j]!
      if (a.id === b.id || channels[i] === channels[j]) continue
      const aDate = dates[i]
      const bDate = dates[j]
      // One made surely after the other supersedes it: the actor changed its channels.
      if (aDate === undefined || bDate === undefined || !unordered(aDate, bDate)) continue
      findings.push(
        worded({
          kind: "attack",
          rule: "disowning",
          attacker: claimArg(a.id),
          target: claimArg(b.id),
          items: [a.id, b.id],
          sentence: () =>
            `${declaredChannels(a)
              .map((channel) => itemName(view, channel))
              .join(", ")} and ${declaredChannels(b)
              .map((channel) => itemName(view, channel))
              .join(
                ", "
              )} are each declared the official channels of ${itemName(view, a.scope)} at the same time; both cannot be.`,
          settle: () =>
            `Independent evidence of which channel ${itemName(view, a.scope)} uses would settle it.`
        })
      )
    }
  return findings
}

import type { IsoDay } from "../../calendar/printed-date.ts"
import type { ClaimOf } from "../../model/claim.ts"
import type { Statement } from "../../model/statement.ts"
import { inOwnName, isWithin, voicesOf } from "../actor-tree.ts"
import {
  type CaseView,
  claimDate,
  dateInSentence,
  itemName,
  lossPhrase,
  lossSaid,
  nameWithDate
} from "../case-view.ts"
import { carriedFindings } from "../carried-findings.ts"
import { standingOn } from "../conditional.ts"
import { sameDayUntimed, surelyBefore } from "../dates.ts"
import { type ArgumentKey, authOf, claimArg, type Finding, worded } from "../finding.ts"
import { groupedRule, idsOf, type Rule } from "../rule.ts"

/**
 * Whether `maker` speaks for `owner`, the actor a channel speaks for: in the owner's name or in the name of
 * an actor above it (its parent), in the name of one of the owner's bodies (its leadership, its media
 * office), or through a media office that speaks for the owner or an actor above it.
 */
export const speaksForOwner = (view: CaseView, maker: Statement, owner: string, at: IsoDay): boolean => {
  for (const voice of voicesOf(maker)) {
    if (isWithin(view, owner, voice, at)) return true
    if (view.actors.get(voice)?.kind === "body" && isWithin(view, voice, owner, at)) return true
  }
  const channel = maker.channel === undefined ? undefined : view.channels.get(maker.channel)
  return (
    channel?.kind === "media-office" &&
    channel.speaksFor !== undefined &&
    isWithin(view, owner, channel.speaksFor, at)
  )
}

/**
 * Rule 2, channel control. A claim that a channel was compromised from a time on, made through another
 * channel by a party that speaks for the actor the channel speaks for (that actor, one above it, one of its
 * bodies or its media office), puts in dispute who wrote that channel's statements from then on.
 * Statements surely before that time keep their attribution; one that cannot be ordered against it (the
 * same day, with no time of day to tell) stays in dispute rather than being taken as inside the compromise.
 * A recovery notice ends the dispute for what comes after it only while the notice itself stands; a
 * refuted compromise claim ends it altogether (the attacks count only while the claim stands).
 */
export const channelControl: Rule = groupedRule({
  name: "channel-control",
  title: "A channel said to be compromised loses the presumption that its statements are the actor's",
  // One group per compromise claim: the statements of its channel, and the recoveries reported for it.
  groups: (view) => idsOf(view.claimsOfKind("channel-compromised")),
  touched: function* (view, additions) {
    const channels = new Set<string>()
    for (const statement of additions.statements)
      if (statement.channel !== undefined) channels.add(statement.channel)
    for (const claim of additions.claims)
      if (claim.kind === "channel-compromised" || claim.kind === "channel-recovered")
        channels.add(claim.channel)
    for (const channel of channels)
      for (const claim of view.claimsByChannel.get(channel))
        if (claim.kind === "channel-compromised") yield claim.id
  },
  findingsFor: (view, id) => {
    const findings: Array<Finding> = []
    const claim = view.claimById.get(id)
    if (claim?.kind !== "channel-compromised" || !("statement" in claim.madeBy)) return findings
    const maker = view.statementById.get(claim.madeBy.statement)
    const channel = view.channels.get(claim.channel)
    if (maker === undefined || channel?.speaksFor === undefined || maker.channel === claim.channel)
      return findings
    const owner = channel.speaksFor
    const made = claimDate(claim, view.statementById)
    if (!speaksForOwner(view, maker, owner, made?.start ?? view.asOf)) return findings
    // Recoveries that come after the loss, in the order reported.
    const recoveries = view.claimsByChannel
      .get(claim.channel)
      .filter(
        (other): other is ClaimOf<"channel-recovered"> =>
          other.kind === "channel-recovered" && !surelyBefore(other.at, claim.since)
      )
    for (const statement of view.statementsByChannel.get(claim.channel)) {
      // A statement signed by others (hackers under their own banner) does not claim to be the owner's.
      if (!inOwnName(view, statement)) continue
      if (surelyBefore(statement.observed, claim.since)) {
        findings.push(
          carried(view, `${claim.id}\u0000${statement.id}\u0000before`, [statement.id], () =>
            worded({
              kind: "note",
              rule: "channel-control",
              target: authOf(statement.id),
              items: [claim.id],
              sentence: () =>
                `${itemName(view, statement.id)} appeared before ${channel.handle} was said to be lost (${claim.since.text}), so it keeps its attribution.`
            })
          )
        )
        continue
      }
      const before = recoveries.filter((recovery) => surelyBefore(recovery.at, statement.observed))
      let attacker: ArgumentKey = claimArg(claim.id)
      if (before.length > 0) {
        // The dispute ends only if a recovery notice that stands came before the statement.
        attacker = `lapse:${claim.id}@${before.map((recovery) => recovery.id).join("+")}`
        const lapse = attacker
        findings.push(
          ...standingOn(
            view,
            "channel-control",
            lapse,
            claim,
            () =>
              `The claim that ${channel.handle} was lost still holds after the recovery notices unless one of them stands.`
          )
        )
        for (const recovery of before)
          findings.push(
            worded({
              kind: "attack",
              rule: "channel-control",
              attacker: claimArg(recovery.id),
              target: lapse,
              items: [recovery.id],
              sentence: () =>
                `${channel.handle} was reported recovered (${recovery.at.text}) before ${itemName(view, statement.id)} appeared.`
            })
          )
      }
      const unorderedDay = !surelyBefore(claim.since, statement.observed)
      if (unorderedDay) {
        // Neither date comes surely first: whether the statement fell inside the compromise is open.
        const inside = `inside:${claim.id}>${statement.id}`
        findings.push(
          ...standingOn(
            view,
            "channel-control",
            inside,
            claim,
            () =>
              `${itemName(view, statement.id)} fell inside the compromise only if the claim that ${channel.handle} was lost holds.`
          )
        )
        for (const recovery of before)
          findings.push(
            worded({
              kind: "attack",
              rule: "channel-control",
              attacker: claimArg(recovery.id),
              target: inside,
              items: [recovery.id],
              sentence: () =>
                `${channel.handle} was reported recovered (${recovery.at.text}) before ${itemName(view, statement.id)} appeared.`
            })
          )
        const sameDay = sameDayUntimed(statement.observed, claim.since)
        const why = () =>
          sameDay
            ? `${itemName(view, statement.id)} appeared the same day ${channel.handle} was said to be lost (${claim.since.text}), and no time of day tells which came first`
            : `${nameWithDate(view, statement.id, statement.observed)} cannot be placed before or after the day ${channel.handle} was said to be lost (${claim.since.text})`
        findings.push(
          worded({
            kind: "attack",
            rule: "channel-control",
            attacker: authOf(statement.id),
            target: inside,
            items: [statement.id],
            sentence: () => `${why()}: it may have come before the loss.`
          }),
          worded({
            kind: "attack",
            rule: "channel-control",
            attacker: inside,
            target: authOf(statement.id),
            items: [claim.id, maker.id],
            sentence: () =>
              `${lossSaid(itemName(view, maker.id), channel.handle, claim.since)}; ${why()}, so whether it is the owner's stays in dispute.`,
            settle: () =>
              `The time ${itemName(view, statement.id)} was posted and the time ${channel.handle} was lost, or word from ${itemName(view, owner)} on that day's posts, would settle it.`
          })
        )
        continue
      }
      findings.push(
        carried(view, `${attacker}\u0000${statement.id}`, [maker.id, owner, statement.id], () =>
          worded({
            kind: "attack",
            rule: "channel-control",
            attacker,
            target: authOf(statement.id),
            items: [claim.id, maker.id],
            sentence: () =>
              `${lossSaid(`${itemName(view, maker.id)}, speaking for ${itemName(view, owner)} through another channel${made === undefined ? "" : ` (${dateInSentence(made.text)})`},`, channel.handle, claim.since)}; ${itemName(view, statement.id)} appeared after that, so who wrote it is in dispute.`,
            settle: () =>
              `A recovery notice for ${channel.handle}, or independent evidence of who controlled it ${lossPhrase(claim.since)}, would settle who wrote it.`
          })
        )
      )
    }
    return findings
  }
})

/**
 * The notes and attacks on each statement of a channel said to be lost, by the claim and statement: the
 * claim's group is worked out again as each statement on the channel comes in (see `carriedFindings`).
 */
const carried = carriedFindings<string>()

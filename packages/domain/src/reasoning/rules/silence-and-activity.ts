import { activityEvidence, endingClaims } from "../activity.ts"
import { claimDate, itemName, push } from "../case-view.ts"
import { notSurelyBefore, surelyBefore } from "../dates.ts"
import { claimArg, continuesOf, type Finding, worded, obsArg } from "../finding.ts"
import type { ClaimOf } from "../../model/claim.ts"
import type { Rule } from "../rule.ts"

/**
 * Rule 7, silence and activity. The absence of releases an actor used to make supports "inactive or
 * ceased" and defeats denials the actor made before falling silent. New dated evidence of activity under
 * the actor's banner supports "continues to exist" and attacks claims that it dissolved or merged away;
 * a dissolution that is dated after all the evidence of activity attacks "continues to exist" instead.
 */
export const silenceAndActivity: Rule = {
  name: "silence-and-activity",
  title: "Silence supports an end; new dated activity supports going on",
  apply: (view) => {
    const findings: Array<Finding> = []
    const activity = activityEvidence(view)
    const ends = endingClaims(view)
    for (const [actor, evidence] of activity) {
      const continues = continuesOf(actor)
      for (const item of evidence)
        findings.push(
          worded({
            kind: "support",
            rule: "silence-and-activity",
            supporter: item.argument,
            target: continues,
            items: [item.id],
            sentence: () =>
              `${itemName(view, actor)} was seen at work: ${item.description} (${item.id}, ${item.date.text}).`
          })
        )
      for (const claim of ends.get(actor) ?? []) {
        const ended = claimDate(claim, view.statementById)
        if (ended === undefined) continue
        const newer = evidence.filter((item) => notSurelyBefore(item.date, ended))
        for (const item of newer)
          findings.push(
            worded({
              kind: "attack",
              rule: "silence-and-activity",
              attacker: item.argument,
              target: claimArg(claim.id),
              items: [item.id],
              sentence: () =>
                `Evidence of ${itemName(view, actor)} at work dated ${item.date.text}, not before the claimed end (${ended.text}), attacks ${claim.id}: ${item.description} (${item.id}).`
            })
          )
        if (newer.length === 0)
          findings.push(
            worded({
              kind: "attack",
              rule: "silence-and-activity",
              attacker: claimArg(claim.id),
              target: continues,
              items: [claim.id],
              sentence: () =>
                `${claim.id} dates the end of ${itemName(view, actor)} (${ended.text}) after every sign of it at work, so the earlier activity does not show it going on.`
            })
          )
      }
    }
    // Denials by the actor each absence concerns, or by any part of it, found through the actor tree.
    const deniersWithin = new Map<string, Array<ClaimOf<"denial">>>()
    for (const claim of view.claimsOfKind("denial")) {
      if (!("statement" in claim.madeBy)) continue
      let actor: string | undefined = view.statementById.get(claim.madeBy.statement)?.issuer.actor
      for (let depth = 0; actor !== undefined && depth <= view.actors.size; depth++) {
        push(deniersWithin, actor, claim)
        actor = view.actors.get(actor)?.parent
      }
    }
    for (const observation of view.observations) {
      if (observation.kind !== "absence") continue
      const continues = continuesOf(observation.actor)
      findings.push(
        worded({
          kind: "note",
          rule: "silence-and-activity",
          target: obsArg(observation.id),
          items: [observation.id],
          sentence: () =>
            `No release came from ${itemName(view, observation.actor)} where one was expected (${observation.expected ?? "a regular release"}) in ${observation.date.text} (${observation.id}): this supports that it is inactive or has ceased.`
        })
      )
      const lastActivity = (activity.get(observation.actor) ?? []).every((item) =>
        surelyBefore(item.date, observation.date)
      )
      if (lastActivity)
        findings.push(
          worded({
            kind: "attack",
            rule: "silence-and-activity",
            attacker: obsArg(observation.id),
            target: continues,
            items: [observation.id],
            sentence: () =>
              `After its last sign of activity, ${itemName(view, observation.actor)} fell silent (${observation.id}, ${observation.date.text}).`
          })
        )
      for (const claim of deniersWithin.get(observation.actor) ?? []) {
        const denied = claimDate(claim, view.statementById)
        if (denied === undefined) continue
        if (!(observation.date.end > denied.end && observation.date.start >= denied.start)) continue
        findings.push(
          worded({
            kind: "attack",
            rule: "silence-and-activity",
            attacker: obsArg(observation.id),
            target: claimArg(claim.id),
            items: [observation.id, claim.id],
            sentence: () =>
              `Those who denied it then fell silent: ${observation.description.replace(/\.$/, "")} (${observation.id}, ${observation.date.text}), so the denial ${claim.id} does not hold.`
          })
        )
      }
    }
    return findings
  }
}

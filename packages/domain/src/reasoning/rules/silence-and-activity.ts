import type { PrintedDate } from "../../calendar/printed-date.ts"
import type { Claim } from "../../model/claim.ts"
import {
  type ActivityEvidence,
  activityEvidence,
  additionsWithout,
  addedEvidence,
  endedBy,
  endingClaims,
  itemIds
} from "../activity.ts"
import {
  type Additions,
  type CaseView,
  claimDate,
  dateInSentence,
  indexPerView,
  itemName,
  nameSaysDate,
  observationById,
  observationsByActor,
  phraseAndDate,
  phraseInSentence,
  upperFirst
} from "../case-view.ts"
import { carriedFindings } from "../carried-findings.ts"
import { instantOf, notSurelyBefore } from "../dates.ts"
import { type ArgumentKey, claimArg, continuesOf, type Finding, obsArg, worded } from "../finding.ts"
import { groupedRule, type Rule, selfAndAncestors } from "../rule.ts"
import { disownedStatements, disowningThatMayCover } from "./disowning.ts"

/**
 * Rule 7, silence and activity. The absence of releases an actor used to make supports "inactive or
 * ceased" and defeats denials the actor made before falling silent. New dated evidence of activity under
 * the actor's banner supports "continues to exist" and attacks claims that it ended (dissolved, merged
 * away, or whatever else a kind of claim says ends an actor); an end that is dated after all the
 * evidence of activity attacks "continues to exist" instead.
 */
export const silenceAndActivity: Rule = groupedRule({
  name: "silence-and-activity",
  title: "Silence supports an end; new dated activity supports going on",
  // A group per actor seen at work ("a:"), its activity against the claims that it ended, and per
  // absence ("o:"), the silence against the actor's activity and its denials.
  // Silences come first: where an actor fell silent, that is what an explanation leads with.
  groups: function* (view) {
    for (const observation of view.observations)
      if (observation.kind === "absence") yield `o:${observation.id}`
    for (const [actor] of activityEvidence(view).entries()) yield `a:${actor}`
  },
  touched: function* (view, additions) {
    const absencesOf = function* (actor: string) {
      for (const observation of observationsByActor(view).get(actor))
        if (observation.kind === "absence") yield `o:${observation.id}`
    }
    for (const evidence of addedEvidence(view, additions)) {
      yield `a:${evidence.actor}`
      yield* absencesOf(evidence.actor)
    }
    for (const observation of additions.observations)
      if (observation.kind === "absence") yield `o:${observation.id}`
    // The actors ended by claims of a statement, whose activity groups a denial or disowning of it changes.
    const endedIn = function* (statement: string) {
      for (const made of view.claimsByStatement.get(statement)) {
        const ended = endedBy(view, made)
        if (ended !== undefined) yield `a:${ended}`
      }
    }
    for (const claim of additions.claims) {
      const ended = endedBy(view, claim)
      if (ended !== undefined) yield `a:${ended}`
      else if (claim.kind === "denial" && "statement" in claim.madeBy) {
        const maker = view.statementById.get(claim.madeBy.statement)
        if (maker !== undefined)
          for (const actor of selfAndAncestors(view, maker.issuer.actor)) yield* absencesOf(actor)
        const denied = view.claimById.get(claim.target)
        yield* endedIn(
          denied !== undefined && "statement" in denied.madeBy ? denied.madeBy.statement : claim.target
        )
      } else if (claim.kind === "disowning")
        for (const statement of disownedStatements(view, claim)) yield* endedIn(statement.id)
    }
  },
  findingsFor: (view, group) =>
    group.startsWith("a:") ? activityFindings(view, group.slice(2)) : absenceFindings(view, group.slice(2))
})

/**
 * The support one piece of an actor's activity gives its going on. Its words read only the item, its
 * name and the actor's, so the finding made in a view before is taken where they read the same
 * (`carriedFindings`).
 */
const supportOf = (view: CaseView, actor: string, item: ActivityEvidence, continues: ArgumentKey): Finding =>
  supports(view, item, [item.id], () =>
    worded({
      kind: "support",
      rule: "silence-and-activity",
      supporter: item.argument,
      target: continues,
      items: [item.id],
      sentence: () => {
        // A statement is named (and its name may say its date already); other evidence is described.
        const named = view.statementById.get(item.id) === undefined ? undefined : itemName(view, item.id)
        const described =
          named === undefined
            ? phraseAndDate(phraseInSentence(view, item.description.trim().replace(/\.$/, "")), item.date)
            : undefined
        const what = described?.phrase ?? `${named}, ${item.description}`
        const date =
          described !== undefined
            ? described.date === undefined
              ? ""
              : ` (${described.date})`
            : named !== undefined && nameSaysDate(named, item.date)
              ? ""
              : ` (${dateInSentence(item.date.text)})`
        // What ends in brackets takes the date inside them.
        return `${itemName(view, actor)} was seen at work: ${date !== "" && what.endsWith(")") ? `${what.slice(0, -1)}; ${date.slice(2)}` : `${what}${date}`}.`
      }
    })
  )

/**
 * The support findings, by the piece of activity they rest on: gathered afresh on a day an actor moved
 * in the tree, a piece is then another object, and its support is made again.
 */
const supports = carriedFindings<ActivityEvidence>({ keptFromWhole: true })

/**
 * The other findings of activity and silence, by what they are made of: the evidence or silence, the
 * claim it attacks, the actor (see `carriedFindings`).
 */
const attacks = carriedFindings<string>()

const activityFindings = (view: CaseView, actor: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const evidence = activityEvidence(view).get(actor)
  if (evidence.length === 0) return findings
  const continues = continuesOf(actor)
  // A statement that ends the actor (a dissolution, a merger away) is not, as a release, a sign of it going on.
  const ending = new Set<string>()
  for (const claim of endingClaims(view).get(actor))
    if ("statement" in claim.madeBy) ending.add(claim.madeBy.statement)
  for (const item of evidence)
    if (item.id !== item.statement || !ending.has(item.statement))
      findings.push(supportOf(view, actor, item, continues))
  const releases = new Set<string>()
  for (const item of evidence) if (item.id === item.statement) releases.add(item.id)
  for (const claim of endingClaims(view).get(actor)) {
    const ended = claimDate(claim, view.statementById)
    if (ended === undefined) continue
    // A statement does not refute itself, and its deniers' own words are weighed by rules 5 and 6.
    const apart = answersTo(view, claim)
    // A claim of a release already among the evidence adds nothing against the end: it stands only if
    // the release does.
    const newer = evidence.filter(
      (item) =>
        notSurelyBefore(item.date, ended) &&
        (item.statement === undefined ||
          (!apart.has(item.statement) && (item.id === item.statement || !releases.has(item.statement))))
    )
    for (const item of newer)
      findings.push(
        attacks(view, `${actor}\u0000${claim.id}\u0000${item.id}`, [claim.id], () =>
          worded({
            kind: "attack",
            rule: "silence-and-activity",
            attacker: item.argument,
            target: claimArg(claim.id),
            items: [item.id],
            sentence: () =>
              `Evidence of ${itemName(view, actor)} at work dated ${item.date.text}, not before the claimed end (${ended.text}), attacks ${itemName(view, claim.id)}: ${item.description}.`
          })
        )
      )
    // A statement that ends the actor and says it goes on (under its own name, within another) says both.
    const maker = "statement" in claim.madeBy ? claim.madeBy.statement : undefined
    const saysItGoesOn =
      maker !== undefined && evidence.some((item) => item.statement === maker && item.id !== item.statement)
    if (newer.length === 0 && !saysItGoesOn)
      findings.push(
        attacks(view, `${actor}\u0000${claim.id}`, [claim.id], () =>
          worded({
            kind: "attack",
            rule: "silence-and-activity",
            attacker: claimArg(claim.id),
            target: continues,
            items: [claim.id],
            sentence: () =>
              `${upperFirst(itemName(view, claim.id))} dates the end of ${itemName(view, actor)} (${dateInSentence(ended.text)}) after every sign of it at work, so the earlier activity does not show it going on.`
          })
        )
      )
  }
  return findings
}

const absenceFindings = (view: CaseView, id: string): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const observation = observationById(view).get(id)
  if (observation?.kind !== "absence") return findings
  const continues = continuesOf(observation.actor)
  findings.push(
    attacks(view, `${observation.id}\u0000silence`, [observation.actor], () =>
      worded({
        kind: "note",
        rule: "silence-and-activity",
        target: obsArg(observation.id),
        items: [observation.id],
        sentence: () => {
          const expected = phraseAndDate(
            phraseInSentence(view, observation.expected?.trim().replace(/\.$/, "") ?? "a regular release"),
            observation.date
          )
          return `No release came from ${itemName(view, observation.actor)} where one was expected (${expected.phrase}${expected.date === undefined ? "" : `; ${expected.date}`}): this supports that it is inactive or has ceased.`
        }
      })
    )
  )
  const lastActivity = allSurelyBefore(latestActivity(view, observation.actor), observation.date)
  if (lastActivity)
    findings.push(
      attacks(view, `${observation.id}\u0000fell-silent`, [observation.actor], () =>
        worded({
          kind: "attack",
          rule: "silence-and-activity",
          attacker: obsArg(observation.id),
          target: continues,
          items: [observation.id],
          sentence: () =>
            `After its last sign of activity, ${itemName(view, observation.actor)} fell silent (${observation.date.text}).`
        })
      )
    )
  for (const claim of denialsWithin(view).get(observation.actor)) {
    const denied = claimDate(claim, view.statementById)
    if (denied === undefined) continue
    if (!(observation.date.end > denied.end && observation.date.start >= denied.start)) continue
    findings.push(
      attacks(view, `${observation.id}\u0000${claim.id}`, [claim.id], () =>
        worded({
          kind: "attack",
          rule: "silence-and-activity",
          attacker: obsArg(observation.id),
          target: claimArg(claim.id),
          items: [observation.id, claim.id],
          sentence: () => {
            const silence = phraseAndDate(
              phraseInSentence(view, observation.description.trim().replace(/\.$/, "")),
              observation.date
            )
            return `Those who denied it then fell silent: ${silence.phrase}${silence.date === undefined ? "" : ` (${silence.date})`}, so ${itemName(view, claim.id)} does not hold.`
          }
        })
      )
    )
  }
  return findings
}

/**
 * How late an actor's activity reaches, as `surelyBefore` orders dates: the latest last day of its
 * evidence, of the evidence without an instant, and the latest instant (a day with a time and a zone).
 * Every piece of it is surely before a date exactly when these are: asking it of each silence reads
 * three values instead of the actor's whole activity.
 */
interface LatestActivity {
  readonly end: string
  readonly endWithoutInstant: string
  readonly instant: number
}

const latestActivities = new WeakMap<CaseView, Map<string, LatestActivity>>()

const latestActivity = (view: CaseView, actor: string): LatestActivity => {
  let byActor = latestActivities.get(view)
  if (byActor === undefined) {
    byActor = new Map()
    latestActivities.set(view, byActor)
  }
  let latest = byActor.get(actor)
  if (latest === undefined) {
    let end = ""
    let endWithoutInstant = ""
    let instant = Number.NEGATIVE_INFINITY
    for (const item of activityEvidence(view).get(actor)) {
      if (item.date.end > end) end = item.date.end
      const at = item.date.time === undefined ? undefined : instantOf(item.date)
      if (at === undefined) {
        if (item.date.end > endWithoutInstant) endWithoutInstant = item.date.end
      } else if (at > instant) instant = at
    }
    latest = { end, endWithoutInstant, instant }
    byActor.set(actor, latest)
  }
  return latest
}

/**
 * Whether every piece of the activity is surely before `date` (`surelyBefore`): by instants where both
 * have one, else by days. With no activity at all, it is.
 */
const allSurelyBefore = (latest: LatestActivity, date: PrintedDate): boolean => {
  const at = date.time === undefined ? undefined : instantOf(date)
  if (at === undefined) return latest.end === "" || latest.end < date.start
  return (latest.endWithoutInstant === "" || latest.endWithoutInstant < date.start) && latest.instant < at
}

/**
 * The statements whose activity does not bear on an ending claim: the statement making it (a statement
 * saying an actor joined another and goes on under its own name does not refute itself) and those that
 * deny or disown it, whose dispute is for rules 5 and 6.
 */
const answersTo = (view: CaseView, claim: Claim): ReadonlySet<string> => {
  const apart = new Set<string>()
  if (!("statement" in claim.madeBy)) return apart
  const statement = claim.madeBy.statement
  apart.add(statement)
  const denialsOf = (id: string) => {
    for (const other of view.claimsAbout.get(id))
      if (other.kind === "denial" && "statement" in other.madeBy) apart.add(other.madeBy.statement)
  }
  denialsOf(statement)
  for (const made of view.claimsByStatement.get(statement)) denialsOf(made.id)
  const maker = view.statementById.get(statement)
  if (maker !== undefined)
    for (const disowning of disowningThatMayCover(view, maker))
      if ("statement" in disowning.madeBy && disownedStatements(view, disowning).includes(maker))
        apart.add(disowning.madeBy.statement)
  return apart
}

/** The denials among `items`, each under the actor whose statement makes it and every actor above it. */
const gatherDenials = (view: CaseView, items: Additions, add: (actor: string, claim: Claim) => void) => {
  for (const claim of items.claims) {
    if (claim.kind !== "denial" || !("statement" in claim.madeBy)) continue
    const maker = view.statementById.get(claim.madeBy.statement)
    if (maker !== undefined) for (const actor of selfAndAncestors(view, maker.issuer.actor)) add(actor, claim)
  }
}

// Denials by each actor and by any part of it, found through the actor tree. On a day an actor moved,
// only the denials made in the name of it or of one below it are listed again: every other maker's line
// up the tree is the same on both days.
const denialsWithin = indexPerView<Claim>(gatherDenials, {
  rebuild: (view, earlier) => {
    const { treeMoved, additions } = view.extends!
    const before = view.extends!.view.deref()!
    const moved = treeMoved!
    const ids = itemIds(moved)
    const listedUnder = new Set<string>()
    gatherDenials(before, moved, (actor) => listedUnder.add(actor))
    const rank = view.extends!.rank
    return earlier
      .without(listedUnder, (claim) => ids.has(claim.id))
      .with((add) => {
        gatherDenials(view, moved, add)
        gatherDenials(view, additionsWithout(additions, ids), add)
      }, rank)
  }
})

import type { IsoDay, PrintedDate } from "../calendar/printed-date.ts"
import { utcDayOf } from "../calendar/time-of-day.ts"
import type { CaseFile } from "../model/case-file.ts"
import type { Claim } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import type { Statement } from "../model/statement.ts"
import type { Additions, LeftOut } from "./case-view.ts"
import { instantOf } from "./dates.ts"

/** When a claim was made: its own date if it has one, else the date of the statement that makes it. */
export const claimDate = (
  claim: Claim,
  statementById: { readonly get: (id: string) => Statement | undefined }
): PrintedDate | undefined =>
  claim.reported ??
  ("statement" in claim.madeBy ? statementById.get(claim.madeBy.statement)?.observed : undefined)

/** When an observation could first be made: for an absence, only once the expected window had passed. */
export const observationKnown = (observation: Observation): PrintedDate =>
  observation.known ?? observation.date

const precisionWords: Record<PrintedDate["precision"], string> = {
  day: "to the day",
  month: "only to the month",
  year: "only to the year",
  approximate: "only approximately"
}

/**
 * Whether a dated item counts as known on `asOf`. An item dated to an interval counts only once the
 * whole interval has passed: an item that may or may not have existed yet is left out, and the
 * explanation says so, so that a verdict never rests on something that might not have been known.
 */
export const knownBy = (
  date: PrintedDate,
  asOf: IsoDay
): { readonly known: boolean; readonly reason?: string } => {
  // A time with a zone says which day it was in UTC, the reckoning of the as-of day.
  if (date.time !== undefined) {
    const instant = instantOf(date)
    if (instant !== undefined) {
      const day = utcDayOf(instant)
      return day <= asOf
        ? { known: true }
        : { known: false, reason: `dated ${date.text}, which is ${day} in UTC, after ${asOf}` }
    }
  }
  if (date.end <= asOf) return { known: true }
  if (date.start > asOf) return { known: false, reason: `dated ${date.text}, after ${asOf}` }
  return {
    known: false,
    reason: `dated ${precisionWords[date.precision]} ("${date.text}", between ${date.start} and ${date.end}), so it may not yet have been known on ${asOf}`
  }
}

/** The day from which `date` counts as known (`knownBy`): its day in UTC when it has a time with a zone, else its end. */
export const dayKnown = (date: PrintedDate): IsoDay => {
  const instant = date.time === undefined ? undefined : instantOf(date)
  return instant === undefined ? date.end : (utcDayOf(instant) as IsoDay)
}

/**
 * An item left out as not yet known, its reason worded when first read: a day in the middle of a large
 * case leaves out a hundred thousand items, and each step of the as-of day leaves them out anew.
 */
class NotYetKnown implements LeftOut {
  readonly id: string
  /** The date it was not surely known by, or undefined for a claim whose statement was not yet known. */
  readonly #date: PrintedDate | undefined
  readonly #maker: string | undefined
  readonly #asOf: IsoDay

  constructor(id: string, date: PrintedDate | undefined, maker: string | undefined, asOf: IsoDay) {
    this.id = id
    this.#date = date
    this.#maker = maker
    this.#asOf = asOf
  }

  get reason(): string {
    return this.#date === undefined
      ? `made by ${this.#maker}, not yet known on ${this.#asOf}`
      : knownBy(this.#date, this.#asOf).reason!
  }

  toJSON(): LeftOut {
    return { id: this.id, reason: this.reason }
  }
}

/**
 * When a claim counts as known, once its statement (if any) was found: from `day` (null: always), its
 * statement (`maker`) from `made`, and `date` is the date it is read by. A claim not yet known is looked
 * at again on every later day; what it and its statement say does not change within one case file.
 */
interface ClaimKnown {
  readonly day: IsoDay | null
  readonly maker: string | undefined
  readonly made: IsoDay | undefined
  readonly date: PrintedDate | undefined
}

const claimsKnown = new WeakMap<CaseFile, WeakMap<Claim, ClaimKnown>>()

const claimKnownIn = (caseFile: CaseFile): WeakMap<Claim, ClaimKnown> => {
  let known = claimsKnown.get(caseFile)
  if (known === undefined) {
    known = new WeakMap()
    claimsKnown.set(caseFile, known)
  }
  return known
}

/** When `claim`, made by `maker` (undefined for a claim a source reports), counts as known. */
const claimKnown = (claim: Claim, maker: Statement | undefined): ClaimKnown => {
  const date = claimDate(claim, { get: () => maker })
  const made = maker === undefined ? undefined : dayKnown(maker.observed)
  const own = date === undefined ? undefined : dayKnown(date)
  const day = own === undefined ? (made ?? null) : made !== undefined && made > own ? made : own
  return { day, maker: maker?.id, made, date }
}

/** Keeps what was known by `asOf`, recording why the rest is left out. */
export const knownItems = (
  caseFile: CaseFile,
  asOf: IsoDay,
  items: Additions,
  earlierStatement: (id: string) => Statement | undefined
): KnownItems => {
  const leftOut: Array<LeftOut> = []
  const keep = (id: string, date: PrintedDate | undefined) => {
    if (date === undefined || dayKnown(date) <= asOf) return true
    leftOut.push(new NotYetKnown(id, date, undefined, asOf))
    return false
  }
  const later: { statements: Array<Statement>; claims: Array<Claim>; observations: Array<Observation> } = {
    statements: [],
    claims: [],
    observations: []
  }
  const kept = new Map<string, Statement>()
  const statements: Array<Statement> = []
  for (const statement of items.statements)
    if (keep(statement.id, statement.observed)) {
      statements.push(statement)
      kept.set(statement.id, statement)
    } else later.statements.push(statement)
  const statementOf = { get: (id: string) => kept.get(id) ?? earlierStatement(id) }
  const knownClaims = claimKnownIn(caseFile)
  // The statements not yet known are among these items when they are a view's not yet known (a later
  // day's) or the whole case's: found there, a claim they make is known once they are.
  let laterById: Map<string, Statement> | undefined
  const claims = items.claims.filter((claim) => {
    let when = knownClaims.get(claim)
    if (when === undefined) {
      const id = "statement" in claim.madeBy ? claim.madeBy.statement : undefined
      let maker = id === undefined ? undefined : statementOf.get(id)
      if (id !== undefined && maker === undefined) {
        laterById ??= new Map(later.statements.map((statement) => [statement.id, statement]))
        maker = laterById.get(id)
        // Neither known nor among these items (a statement appended earlier, not yet known): not known,
        // and when it will be cannot be told from here.
        if (maker === undefined) {
          leftOut.push(new NotYetKnown(claim.id, undefined, id, asOf))
          later.claims.push(claim)
          return false
        }
      }
      when = claimKnown(claim, maker)
      knownClaims.set(claim, when)
    }
    if (when.day === null || when.day <= asOf) return true
    leftOut.push(
      when.made !== undefined && when.made > asOf
        ? new NotYetKnown(claim.id, undefined, when.maker, asOf)
        : new NotYetKnown(claim.id, when.date, undefined, asOf)
    )
    later.claims.push(claim)
    return false
  })
  const observations = items.observations.filter((observation) => {
    const known = keep(observation.id, observationKnown(observation))
    if (!known) later.observations.push(observation)
    return known
  })
  return {
    statements,
    claims,
    observations,
    leftOut: leftOutListed(leftOut),
    statementById: kept,
    notYetKnown: later
  }
}

/** What a view knows of some items on its day: those known, by kind, and those left out. */
export interface KnownItems extends Additions {
  readonly leftOut: LeftOutItems
  readonly statementById: ReadonlyMap<string, Statement>
  readonly notYetKnown: Additions
}

/**
 * The items a view leaves out as not yet known: how many at once, the list when first read. A day in the
 * middle of a large case leaves out a hundred thousand items, each step of the as-of day leaves them out
 * anew, and most steps only count them.
 */
export interface LeftOutItems {
  readonly count: number
  readonly list: () => ReadonlyArray<LeftOut>
}

/** Items left out, listed already. */
export const leftOutListed = (list: ReadonlyArray<LeftOut>): LeftOutItems => ({
  count: list.length,
  list: () => list
})

/** Those of `first`, then those of `then`, listed when first read. */
export const leftOutJoined = (first: LeftOutItems, then: LeftOutItems): LeftOutItems => {
  if (then.count === 0) return first
  if (first.count === 0) return then
  let joined: ReadonlyArray<LeftOut> | undefined
  return {
    count: first.count + then.count,
    list: () => {
      joined ??= first.list().concat(then.list())
      return joined
    }
  }
}

/** Background links that start after the day: not yet known either. */
export const relationshipsNotYetKnown = (caseFile: CaseFile, asOf: IsoDay): ReadonlyArray<LeftOut> => {
  const leftOut: Array<LeftOut> = []
  for (const relationship of caseFile.relationships)
    if (relationship.since !== undefined) {
      const known = knownBy(relationship.since, asOf)
      if (!known.known)
        leftOut.push({ id: relationship.id, reason: `starts ${known.reason!.replace(/^dated /, "")}` })
    }
  return leftOut
}

/** A statement, claim or observation: what a view knows or leaves out. */
export type Item = Statement | Claim | Observation

/**
 * The items a view leaves out as not yet known, in the order of the days they become known, so that
 * moving the day on finds the items known by then without asking of each left out item when it is known.
 * Views moved on one after another share one schedule, each from its own place in it.
 */
interface Schedule {
  readonly days: ReadonlyArray<IsoDay>
  readonly items: ReadonlyArray<Item>
  /** Where each item stood in its kind's list when the schedule was made: the lists' order. */
  readonly places: ReadonlyArray<number>
  /** The lists it was made from, and where in it each of their items stands, by kind and place. */
  readonly made: Additions
  readonly at: {
    readonly statements: Int32Array
    readonly claims: Int32Array
    readonly observations: Int32Array
  }
  /** When each claim of those lists counts as known, in their order. */
  readonly claimsKnown: ReadonlyArray<ClaimKnown>
}

/** The schedule of each view's items not yet known, by that view's list of them, and where it starts. */
const schedules = new WeakMap<Additions, Scheduled>()

interface Scheduled {
  readonly schedule: Schedule
  /** Where the items still not yet known start in it: those before are known by then. */
  readonly from: number
}

/**
 * The schedule of `later`, or undefined where a claim's day cannot be told (its statement is neither
 * known nor among the items left out: such a claim is looked at again on every day).
 */
export const scheduleOf = (caseFile: CaseFile, later: Additions): Scheduled | undefined => {
  const made = schedules.get(later)
  if (made !== undefined) return made
  const known = claimKnownIn(caseFile)
  const claimsKnown: Array<ClaimKnown> = []
  // Put in order by day: a few thousand days, each with the items known from it in the lists' order.
  const byDay = new Map<IsoDay, Array<{ readonly item: Item; readonly place: number; readonly kind: Kind }>>()
  const add = (day: IsoDay, item: Item, place: number, kind: Kind) => {
    const items = byDay.get(day)
    if (items === undefined) byDay.set(day, [{ item, place, kind }])
    else items.push({ item, place, kind })
  }
  later.statements.forEach((statement, place) => {
    add(dayKnown(statement.observed), statement, place, "statements")
  })
  for (let place = 0; place < later.claims.length; place++) {
    const claim = later.claims[place]!
    const when = known.get(claim)
    if (when === undefined || when.day === null) return undefined
    claimsKnown.push(when)
    add(when.day, claim, place, "claims")
  }
  later.observations.forEach((observation, place) => {
    add(dayKnown(observationKnown(observation)), observation, place, "observations")
  })
  const at = {
    statements: new Int32Array(later.statements.length),
    claims: new Int32Array(later.claims.length),
    observations: new Int32Array(later.observations.length)
  }
  const schedule = {
    days: [] as Array<IsoDay>,
    items: [] as Array<Item>,
    places: [] as Array<number>,
    made: later,
    at,
    claimsKnown
  }
  for (const day of [...byDay.keys()].sort())
    for (const { item, place, kind } of byDay.get(day)!) {
      at[kind][place] = schedule.items.length
      schedule.days.push(day)
      schedule.items.push(item)
      schedule.places.push(place)
    }
  const entry = { schedule, from: 0 }
  schedules.set(later, entry)
  return entry
}

type Kind = keyof Additions

export const isStatement = (item: Item): item is Statement => "issuer" in item
export const isClaim = (item: Item): item is Claim => "madeBy" in item

/**
 * What `knownItems` finds of `later` (a view's items not yet known on `known`, an earlier day) as of
 * `asOf`, from their schedule: the items coming in are found among the few known by then, and those
 * still left out are the rest of the schedule, listed only when read. Undefined where `later` has no
 * schedule.
 */
export const knownOnLaterDay = (
  caseFile: CaseFile,
  later: Additions,
  asOf: IsoDay
): KnownItems | undefined => {
  const made = scheduleOf(caseFile, later)
  if (made === undefined) return undefined
  const { schedule, from } = made
  let to = from
  while (to < schedule.days.length && schedule.days[to]! <= asOf) to++
  const coming: Array<{ readonly item: Item; readonly place: number }> = []
  for (let at = from; at < to; at++) coming.push({ item: schedule.items[at]!, place: schedule.places[at]! })
  // In the order of the lists they come from, as a look at each item would find them.
  coming.sort((a, b) => a.place - b.place)
  const statements: Array<Statement> = []
  const claims: Array<Claim> = []
  const observations: Array<Observation> = []
  for (const { item } of coming)
    if (isStatement(item)) statements.push(item)
    else if (isClaim(item)) claims.push(item)
    else observations.push(item)
  const notYetKnown = stillNotKnown(schedule, to)
  schedules.set(notYetKnown, { schedule, from: to })
  return {
    statements,
    claims,
    observations,
    leftOut: leftOutOnDay(schedule, to, asOf),
    statementById: new Map(statements.map((statement) => [statement.id, statement])),
    notYetKnown
  }
}

/** The items of a schedule's lists that stand in it from `from` on, each list in its order, listed when read. */
const stillNotKnown = (schedule: Schedule, from: number): Additions => {
  const { made, at } = schedule
  const standing = <V>(list: ReadonlyArray<V>, places: Int32Array): ReadonlyArray<V> =>
    list.filter((_, place) => places[place]! >= from)
  let statements: ReadonlyArray<Statement> | undefined
  let claims: ReadonlyArray<Claim> | undefined
  let observations: ReadonlyArray<Observation> | undefined
  return {
    get statements() {
      statements ??= standing(made.statements, at.statements)
      return statements
    },
    get claims() {
      claims ??= standing(made.claims, at.claims)
      return claims
    },
    get observations() {
      observations ??= standing(made.observations, at.observations)
      return observations
    }
  }
}

/** The items of a schedule left out as of `asOf`, those from `from` on, each kind in its list's order. */
const leftOutOnDay = (schedule: Schedule, from: number, asOf: IsoDay): LeftOutItems => {
  let listed: Array<LeftOut> | undefined
  return {
    count: schedule.items.length - from,
    list: () => {
      if (listed !== undefined) return listed
      const { made, at, claimsKnown } = schedule
      listed = []
      made.statements.forEach((statement, place) => {
        if (at.statements[place]! >= from)
          listed!.push(new NotYetKnown(statement.id, statement.observed, undefined, asOf))
      })
      made.claims.forEach((claim, place) => {
        if (at.claims[place]! < from) return
        const when = claimsKnown[place]!
        listed!.push(
          when.made !== undefined && when.made > asOf
            ? new NotYetKnown(claim.id, undefined, when.maker, asOf)
            : new NotYetKnown(claim.id, when.date, undefined, asOf)
        )
      })
      made.observations.forEach((observation, place) => {
        if (at.observations[place]! >= from)
          listed!.push(new NotYetKnown(observation.id, observationKnown(observation), undefined, asOf))
      })
      return listed
    }
  }
}

import { formatDayNumber, gregorianMonthName, isoDayToDayNumber } from "../calendar/day-number.ts"
import type { IsoDay, PrintedDate } from "../calendar/printed-date.ts"
import type { ClaimKind } from "../claims/claim-kind.ts"
import type { Actor } from "../model/actor.ts"
import type { CaseFile } from "../model/case-file.ts"
import { type CaseModel, modelOf } from "../model/case-model.ts"
import type { Channel } from "../model/channel.ts"
import type { Claim, ClaimOf } from "../model/claim.ts"
import type { Observation } from "../model/observation.ts"
import type { Source } from "../model/source.ts"
import type { Statement } from "../model/statement.ts"
import {
  claimDate,
  dayKnown,
  type Item,
  isClaim,
  isStatement,
  knownBy,
  knownItems,
  knownOnLaterDay,
  type LeftOutItems,
  leftOutJoined,
  leftOutListed,
  observationKnown,
  relationshipsNotYetKnown,
  scheduleOf
} from "./known-items.ts"
import { JoinedList } from "./joined-list.ts"
import { CarriedMemory, ListIndex, Lookup } from "./list-index.ts"
import { shapeKey } from "./proposition.ts"
import { actorsBelowMoved, actorsMoved, itemsOfActors, prepareTreeMoves } from "./tree-moves.ts"

export { claimDate, knownBy, observationKnown } from "./known-items.ts"

/** An item left out of an evaluation because it was not (or not surely) known by the as-of date. */
export interface LeftOut {
  readonly id: string
  readonly reason: string
}

/** Statements, claims and observations a view adds to the view it extends, all known by its date. */
export interface Additions {
  readonly statements: ReadonlyArray<Statement>
  readonly claims: ReadonlyArray<Claim>
  readonly observations: ReadonlyArray<Observation>
}

/**
 * A case as it stood on one date, indexed for the rules: only the items known by then, and lookups
 * by channel, actor, statement and what claims point at, so that no rule has to scan the whole case
 * per item. A view of the same case with a few items more is made by extending this one (`extendView`),
 * which shares every index the new items leave alone.
 */
export interface CaseView {
  readonly caseFile: CaseFile
  readonly asOf: IsoDay
  /** The kinds of claim the case holds: what generic code asks how to read a claim. */
  readonly model: CaseModel
  readonly actors: ReadonlyMap<string, Actor>
  readonly channels: ReadonlyMap<string, Channel>
  readonly sources: ReadonlyMap<string, Source>
  readonly statements: ReadonlyArray<Statement>
  readonly claims: ReadonlyArray<Claim>
  readonly observations: ReadonlyArray<Observation>
  readonly statementById: Lookup<Statement>
  readonly claimById: Lookup<Claim>
  readonly claimsByStatement: ListIndex<Claim>
  readonly statementsByChannel: ListIndex<Statement>
  readonly channelsByActor: ReadonlyMap<string, ReadonlyArray<Channel>>
  /** Claims of one kind: rules look claims up by kind instead of scanning the case per item. */
  readonly claimsOfKind: <K extends Claim["kind"]>(kind: K) => ReadonlyArray<ClaimOf<K>>
  readonly claimsByKind: ListIndex<Claim>
  /**
   * Claims by each statement, claim or observation they name (`ClaimKind.refers`): denials and
   * confirmations by target, partial involvement by the decision, majority backing by what it backs.
   */
  readonly claimsAbout: ListIndex<Claim>
  /** Claims by each channel they name: compromised, recovered, last statement, sole official, disowning. */
  readonly claimsByChannel: ListIndex<Claim>
  readonly leftOut: ReadonlyArray<LeftOut>
  /** How many items it leaves out (`leftOut`): counted without listing them. */
  readonly leftOutCount: number
  /** The statements, claims and observations left out as not yet known: what a later day may bring in. */
  readonly notYetKnown: Additions
  /**
   * The view this one extends and what it adds, so that what is worked out once per view can be carried
   * over. Held weakly: a chain of views must not keep every earlier case in memory.
   */
  readonly extends?: {
    readonly view: WeakRef<CaseView>
    readonly additions: Additions
    /**
     * Where each item stands in the case, when the additions may stand anywhere in it (a later day's
     * view), not only after the view's items: lists worked out per view put them in their places.
     */
    readonly rank?: (value: unknown) => number | undefined
    /**
     * Items of the earlier view whose names change in this one: an item known since came in before them
     * among items named alike, so each now counts one more before it ("(second of that name)"), and a
     * claim made by such a statement names it. Whatever names them must be worded again.
     */
    readonly renamed?: Additions
    /**
     * Set where an actor's place in the tree differs from the earlier view's: what is worked out once per
     * view and may read the tree is worked out afresh rather than carried over (`PerViewOptions`), and
     * these are the items of both views in which a moved actor, or one below it, takes part
     * (`itemsOfActors`). Whatever reads them must be worked out again, as it reads them in either view.
     */
    readonly treeMoved?: Additions
  }
}

/** Appends `value` to the list kept under `key`, starting the list if there is none. */
export const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/** Where each item goes in the view's indices. */
const indexStatement = (statement: Statement, into: StatementIndices) => {
  if (statement.channel !== undefined) into.byChannel(statement.channel, statement)
}

const indexClaim = (claim: Claim, roles: IndexedRoles, into: ClaimIndices) => {
  if ("statement" in claim.madeBy) into.byStatement(claim.madeBy.statement, claim)
  into.byKind(claim.kind, claim)
  const fields = claim as unknown as Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  for (const role of roles.about) {
    const id = fields[role]
    if (typeof id === "string") into.about(id, claim)
    else if (id !== undefined) for (const one of id) into.about(one, claim)
  }
  for (const role of roles.channels) {
    const id = fields[role]
    if (typeof id === "string") into.byChannel(id, claim)
    else if (id !== undefined) for (const one of id) into.byChannel(one, claim)
  }
}

/** The fields of one kind of claim that the view indexes it by: what it is about, and the channels it names. */
interface IndexedRoles {
  readonly about: ReadonlyArray<string>
  readonly channels: ReadonlyArray<string>
}

const evidenceSections: ReadonlySet<string> = new Set(["statements", "claims", "observations"])

const rolesOf = (kind: ClaimKind): IndexedRoles => {
  const about: Array<string> = []
  const channels: Array<string> = []
  for (const [role, sections] of Object.entries(kind.refers)) {
    if (sections.some((section) => evidenceSections.has(section))) about.push(role)
    if (sections.includes("channels")) channels.push(role)
  }
  return { about, channels }
}

// Worked out once per model: looked up for every claim of every view.
const indexedRoles = new WeakMap<CaseModel, Map<string, IndexedRoles>>()

const indexedRolesOf = (model: CaseModel): Map<string, IndexedRoles> => {
  let roles = indexedRoles.get(model)
  if (roles === undefined) {
    roles = new Map(model.kinds.map((kind) => [kind.kind, rolesOf(kind)]))
    indexedRoles.set(model, roles)
  }
  return roles
}

type Add<V> = (key: string, value: V) => void
interface StatementIndices {
  readonly byChannel: Add<Statement>
}
interface ClaimIndices {
  readonly byStatement: Add<Claim>
  readonly byKind: Add<Claim>
  readonly about: Add<Claim>
  readonly byChannel: Add<Claim>
}

/** Gathers lists by key, for an index's first build or for what an extension adds to it. */
const gather = <V>() => {
  const lists = new Map<string, Array<V>>()
  return { lists, add: (key: string, value: V) => push(lists, key, value) }
}

const gatherAll = () => ({
  statements: { byChannel: gather<Statement>() },
  claims: {
    byStatement: gather<Claim>(),
    byKind: gather<Claim>(),
    about: gather<Claim>(),
    byChannel: gather<Claim>()
  }
})

const fillAll = (gathered: ReturnType<typeof gatherAll>, items: Additions, model: CaseModel) => {
  const s = gathered.statements
  for (const statement of items.statements) indexStatement(statement, { byChannel: s.byChannel.add })
  const c = gathered.claims
  const into: ClaimIndices = {
    byStatement: c.byStatement.add,
    byKind: c.byKind.add,
    about: c.about.add,
    byChannel: c.byChannel.add
  }
  const roles = indexedRolesOf(model)
  // A kind the model does not hold has no roles: `kindOf` says so, naming the claim.
  for (const claim of items.claims)
    indexClaim(claim, roles.get(claim.kind) ?? rolesOf(model.kindOf(claim)), into)
}

const kindsOf =
  (byKind: ListIndex<Claim>) =>
  <K extends Claim["kind"]>(kind: K) =>
    byKind.get(kind) as unknown as ReadonlyArray<ClaimOf<K>>

/**
 * The case as known on `asOf`, indexed for the rules. `kinds` are the kinds of claim it holds: the
 * built-in ones unless given.
 */
export const viewCase = (
  caseFile: CaseFile,
  asOf: IsoDay,
  kinds?: ReadonlyArray<ClaimKind> | undefined
): CaseView => {
  const model = modelOf(kinds)
  const { statements, claims, observations, leftOut, statementById, notYetKnown } = knownItems(
    caseFile,
    asOf,
    caseFile,
    () => undefined
  )
  const gathered = gatherAll()
  fillAll(gathered, { statements, claims, observations }, model)
  const relationshipsLeftOut = relationshipsNotYetKnown(caseFile, asOf)
  const channelsByActor = new Map<string, Array<Channel>>()
  for (const channel of caseFile.channels)
    if (channel.speaksFor !== undefined) push(channelsByActor, channel.speaksFor, channel)
  const { statements: s, claims: c } = gathered
  const byKind = ListIndex.of(c.byKind.lists)
  return {
    caseFile,
    asOf,
    model,
    actors: new Map(caseFile.actors.map((actor) => [actor.id as string, actor])),
    channels: new Map(caseFile.channels.map((channel) => [channel.id as string, channel])),
    sources: new Map(caseFile.sources.map((source) => [source.id as string, source])),
    statements,
    claims,
    observations,
    statementById: Lookup.over(statementById),
    claimById: Lookup.of(claims.map((claim) => [claim.id as string, claim])),
    claimsByStatement: ListIndex.of(c.byStatement.lists),
    statementsByChannel: ListIndex.of(s.byChannel.lists),
    channelsByActor,
    claimsOfKind: kindsOf(byKind),
    claimsByKind: byKind,
    claimsAbout: ListIndex.of(c.about.lists),
    claimsByChannel: ListIndex.of(c.byChannel.lists),
    leftOut:
      relationshipsLeftOut.length === 0 ? leftOut.list() : [...leftOut.list(), ...relationshipsLeftOut],
    leftOutCount: leftOut.count + relationshipsLeftOut.length,
    notYetKnown
  }
}

/**
 * The view of `caseFile`, which holds what `view` was made from and the statements, claims and
 * observations in `added` besides (the actors, channels, sources and questions unchanged). Only the
 * lists the new items join are copied. Returns the new view and the added items known by its date.
 */
export const extendView = (view: CaseView, caseFile: CaseFile, added: Additions): CaseView => {
  const known = knownItems(caseFile, view.asOf, added, (id) => view.statementById.get(id))
  const later = known.notYetKnown
  // Where every added item is known, the items left out are the view's own, and so is their schedule.
  const notYetKnown: Additions =
    later.statements.length + later.claims.length + later.observations.length === 0
      ? view.notYetKnown
      : {
          statements: joinedAfter(view.notYetKnown.statements, later.statements),
          claims: joinedAfter(view.notYetKnown.claims, later.claims),
          observations: joinedAfter(view.notYetKnown.observations, later.observations)
        }
  return withItems(
    view,
    caseFile,
    view.asOf,
    known,
    leftOutJoined(listsOf(view).leftOut, known.leftOut),
    notYetKnown
  )
}

const joinedAfter = <V>(list: ReadonlyArray<V>, more: ReadonlyArray<V>) =>
  more.length === 0 ? list : list.concat(more)

/**
 * `view` with the items of `known` added, as of `asOf`: after its own items, or given `rank`, in their
 * places in the case's order.
 */
const withItems = (
  view: CaseView,
  caseFile: CaseFile,
  asOf: IsoDay,
  known: Additions,
  leftOut: LeftOutItems,
  notYetKnown: Additions,
  rank?: (value: unknown) => number | undefined
): CaseView => {
  const gathered = gatherAll()
  fillAll(gathered, known, view.model)
  const extend = <V>(index: ListIndex<V>, more: { readonly lists: ReadonlyMap<string, ReadonlyArray<V>> }) =>
    more.lists.size === 0
      ? index
      : index.with((add) => {
          for (const [key, values] of more.lists) for (const value of values) add(key, value)
        }, rank)
  const { statements: s, claims: c } = gathered
  const byKind = extend(view.claimsByKind, c.byKind)
  const additions: Additions = {
    statements: known.statements,
    claims: known.claims,
    observations: known.observations
  }
  const lists = listsOf(view)
  return viewWithLists(
    {
      caseFile,
      asOf,
      model: view.model,
      actors: view.actors,
      channels: view.channels,
      sources: view.sources,
      statementById: view.statementById.with(known.statements.map((statement) => [statement.id, statement])),
      claimById: view.claimById.with(known.claims.map((claim) => [claim.id, claim])),
      claimsByStatement: extend(view.claimsByStatement, c.byStatement),
      statementsByChannel: extend(view.statementsByChannel, s.byChannel),
      channelsByActor: view.channelsByActor,
      claimsOfKind: kindsOf(byKind),
      claimsByKind: byKind,
      claimsAbout: extend(view.claimsAbout, c.about),
      claimsByChannel: extend(view.claimsByChannel, c.byChannel),
      notYetKnown,
      extends: { view: new WeakRef(view), additions, ...(rank === undefined ? {} : { rank }) }
    },
    {
      statements: lists.statements.with(known.statements, rank),
      claims: lists.claims.with(known.claims, rank),
      observations: lists.observations.with(known.observations, rank),
      leftOut
    }
  )
}

/**
 * A view's statements, claims and observations, each joined to the view's it extends when first read,
 * and the items it leaves out, listed when first read.
 */
interface ViewLists {
  readonly statements: JoinedList<Statement>
  readonly claims: JoinedList<Claim>
  readonly observations: JoinedList<Observation>
  readonly leftOut: LeftOutItems
}

const viewLists = new WeakMap<CaseView, ViewLists>()

const listsOf = (view: CaseView): ViewLists =>
  viewLists.get(view) ?? {
    statements: JoinedList.of(view.statements),
    claims: JoinedList.of(view.claims),
    observations: JoinedList.of(view.observations),
    leftOut: leftOutListed(view.leftOut)
  }

/**
 * The view with `fields` whose lists are `lists`, read when first asked for. Each field is named, not
 * spread from another view, as spreading one would read its lists.
 */
const viewWithLists = (
  fields: Omit<CaseView, keyof ViewLists | "leftOutCount">,
  lists: ViewLists,
  extended = fields.extends
): CaseView => {
  const view: CaseView = {
    caseFile: fields.caseFile,
    asOf: fields.asOf,
    model: fields.model,
    actors: fields.actors,
    channels: fields.channels,
    sources: fields.sources,
    get statements() {
      return lists.statements.list()
    },
    get claims() {
      return lists.claims.list()
    },
    get observations() {
      return lists.observations.list()
    },
    statementById: fields.statementById,
    claimById: fields.claimById,
    claimsByStatement: fields.claimsByStatement,
    statementsByChannel: fields.statementsByChannel,
    channelsByActor: fields.channelsByActor,
    claimsOfKind: fields.claimsOfKind,
    claimsByKind: fields.claimsByKind,
    claimsAbout: fields.claimsAbout,
    claimsByChannel: fields.claimsByChannel,
    get leftOut() {
      return lists.leftOut.list()
    },
    leftOutCount: lists.leftOut.count,
    notYetKnown: fields.notYetKnown,
    ...(extended === undefined ? {} : { extends: extended })
  }
  viewLists.set(view, lists)
  return view
}

/** `view` extending what it extends as `extended` says: its lists are left to be read when asked for. */
const withExtends = (view: CaseView, extended: NonNullable<CaseView["extends"]>): CaseView =>
  viewWithLists(view, listsOf(view), extended)

/**
 * Where each item stands in the case: observations, then statements, then claims, each in the case's
 * order (the order in which evidence of activity is gathered).
 */
const caseRanks = new WeakMap<CaseFile, ReadonlyMap<string, number>>()
/** One rank function per case, so that lists known to be in its order stay known from move to move. */
const rankFunctions = new WeakMap<CaseFile, (value: unknown) => number | undefined>()

const rankOf = (caseFile: CaseFile): ((value: unknown) => number | undefined) => {
  let made = rankFunctions.get(caseFile)
  if (made === undefined) {
    made = rankFunction(caseFile)
    rankFunctions.set(caseFile, made)
  }
  return made
}

const ranksOf = (caseFile: CaseFile): ReadonlyMap<string, number> => {
  let made = caseRanks.get(caseFile)
  if (made === undefined) {
    const building = new Map<string, number>()
    for (const observation of caseFile.observations) building.set(observation.id, building.size)
    for (const statement of caseFile.statements) building.set(statement.id, building.size)
    for (const claim of caseFile.claims) building.set(claim.id, building.size)
    made = building
    caseRanks.set(caseFile, made)
  }
  return made
}

/** Where an item stands in the case, by id (see `ranksOf`); an id not in the case comes last. */
export const itemRank = (caseFile: CaseFile): ((id: string) => number) => {
  const ranks = ranksOf(caseFile)
  return (id) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER
}

const rankFunction = (caseFile: CaseFile): ((value: unknown) => number | undefined) => {
  // Made when first asked: a day on which nothing comes in places nothing.
  let found: ReadonlyMap<string, number> | undefined
  return (value) => {
    if (typeof value !== "object" || value === null) return undefined
    const id = (value as { id?: unknown }).id
    if (typeof id !== "string") return undefined
    found ??= ranksOf(caseFile)
    return found.get(id)
  }
}

/**
 * Works out ahead what the first move of a view's as-of day to another day needs and a whole evaluation
 * does not: where each item stands in the case, the items not yet known in the order of the days they
 * become known (together about a third of a second at 100k statements), and the items each actor takes
 * part in, for a day on which the tree differs.
 */
export const prepareDayMoves = (view: CaseView): void => {
  ranksOf(view.caseFile)
  scheduleOf(view.caseFile, view.notYetKnown)
  prepareTreeMoves(view)
}

/**
 * The view of the same case as of another day, made from this one: as of a later day, this view with the
 * items known since, each in its place in the case's order, so that the rules read what they would read
 * in a view made afresh; as of an earlier day on which every item of this view was known already, the
 * same items. An item that comes in before another named alike changes that one's name ("(second of
 * that name)"): the view says which items were renamed so (`extends.renamed`). Where an actor's place in
 * the tree differs on the other day, the view says which items the moved actors take part in
 * (`extends.treeMoved`), and what it works out of the tree is worked out afresh. Undefined where the
 * other day changes more than that: an item leaving the view, a background link that starts in between,
 * an item coming in with a label of its own, or a rename `renamedBy` cannot follow.
 */
export const viewOnAnotherDay = (view: CaseView, asOf: IsoDay): CaseView | undefined => {
  const caseFile = view.caseFile
  if (asOf === view.asOf) return undefined
  for (const relationship of caseFile.relationships)
    if (
      relationship.since !== undefined &&
      knownBy(relationship.since, view.asOf).known !== knownBy(relationship.since, asOf).known
    )
      return undefined
  if (asOf < view.asOf && !allKnownOn(view, asOf)) return undefined
  const known =
    knownOnLaterDay(caseFile, view.notYetKnown, asOf) ??
    knownItems(caseFile, asOf, view.notYetKnown, (id) => view.statementById.get(id))
  const entering = [...known.statements, ...known.claims, ...known.observations]
  if (entering.some((item) => item.label !== undefined)) return undefined
  const rank = rankOf(caseFile)
  const extended = withItems(
    view,
    caseFile,
    asOf,
    known,
    leftOutJoined(known.leftOut, leftOutListed(relationshipsNotYetKnown(caseFile, asOf))),
    known.notYetKnown,
    rank
  )
  const moved = actorsMoved(view, view.asOf, asOf)
  // What reads the tree is worked out afresh for such a day's view (see `PerViewOptions`).
  const later =
    moved.length === 0
      ? extended
      : withExtends(extended, {
          ...extended.extends!,
          treeMoved: itemsOfActors(view, actorsBelowMoved(view, moved, [view.asOf, asOf]))
        })
  const renamed = renamedBy(later, entering)
  if (renamed === undefined) return undefined
  if (renamed.statements.length + renamed.claims.length + renamed.observations.length === 0) return later
  return withExtends(later, { ...later.extends!, renamed })
}

/**
 * The items of `view` that stay in it when `leaving` leave (an earlier day's view) and whose names change
 * because one of those stood before them among items named alike ("(third of that name)" becomes
 * "(second of that name)"); undefined where that cannot be told item by item (see `renamedBy`).
 */
export const renamedByLeaving = (view: CaseView, leaving: Additions): Additions | undefined =>
  renamedBy(view, [...leaving.statements, ...leaving.claims, ...leaving.observations])

/**
 * The items of `view` that were known before `entering` came in and whose names change because one of
 * those came in before them among items named alike; undefined where that cannot be told item by item:
 * a statement marked unconfirmed (its name is in what weighs its support, kept from view to view), or a
 * name that an item's own label also gives.
 */
const renamedBy = (view: CaseView, entering: ReadonlyArray<Item>): Additions | undefined => {
  const coming = new Set<Item>(entering)
  const statements = new Set<Statement>()
  const claims = new Set<Claim>()
  const observations = new Set<Observation>()
  for (const item of entering) {
    const base = baseName(view, item)
    if (
      labelledItems(view)
        .get(base)
        .some((labelled) => labelled !== item)
    )
      return undefined
    const alike = namedAlike(view, groupOf(view, item)).get(base) ?? []
    for (let at = alike.indexOf(item) + 1; at < alike.length; at++) {
      const after = alike[at]!
      if (coming.has(after)) continue
      if (isStatement(after)) statements.add(after)
      else if (isClaim(after)) claims.add(after)
      else observations.add(after)
    }
  }
  for (const statement of statements) {
    if (statement.unconfirmed !== undefined) return undefined
    // A claim is named after the statement that makes it ("the pledge claim in ...").
    for (const claim of view.claimsByStatement.get(statement.id)) if (!coming.has(claim)) claims.add(claim)
  }
  return { statements: [...statements], claims: [...claims], observations: [...observations] }
}
/** Whether every statement, claim and observation of `view` was known on `asOf` too. */
const allKnownOn = (view: CaseView, asOf: IsoDay): boolean => {
  const last = lastKnownDay(view)
  return last === undefined || last <= asOf
}

export interface PerViewOptions<T = unknown> {
  /**
   * Whether what is worked out never asks where an actor stands in the tree as of the view's day (it
   * reads items by their fields, say): it is then carried over to a view on whose day an actor stands
   * elsewhere, like any other. Else such a view works it out afresh.
   */
  readonly readsNoTree?: boolean
  /**
   * How such a view works it out afresh given what the view it extends worked out (instead of `build`):
   * to keep what reads the same, say, so that what was worked out from it stands.
   */
  readonly rebuild?: (view: CaseView, earlier: T) => T
}

/** For what reads items by their fields alone (see `PerViewOptions`). */
export const readsNoTree: { readonly readsNoTree: true } = { readsNoTree: true }

/**
 * Something worked out once per view (a view never changes). For a view that extends another whose
 * result is still held, `extend` carries that result over with what the view adds, instead of working
 * it out from the whole case again.
 */
export const perView = <T>(
  build: (view: CaseView) => T,
  extend: (earlier: T, view: CaseView, additions: Additions) => T,
  options: PerViewOptions<NoInfer<T>> = {}
): ((view: CaseView) => T) => {
  const memo = new WeakMap<CaseView, T>()
  const carried = options.readsNoTree === true
  const { rebuild } = options
  const get = (view: CaseView): T => {
    let value = memo.get(view)
    if (value === undefined) {
      const from = view.extends?.view.deref()
      const earlier = from === undefined ? undefined : memo.get(from)
      if (earlier === undefined) value = build(view)
      else if (carried || view.extends!.treeMoved === undefined)
        value = extend(earlier, view, view.extends!.additions)
      else value = rebuild === undefined ? build(view) : rebuild(view, earlier)
      memo.set(view, value)
    }
    return value
  }
  carriers.push((view, from) => {
    if (memo.has(from) && !memo.has(view)) get(view)
  })
  builders.push(get)
  return get
}

const carriers: Array<(view: CaseView, from: CaseView) => void> = []
const builders: Array<(view: CaseView) => unknown> = []

/** The latest day on which one of `items` became known (undefined for none). */
const latestKnown = (view: CaseView, items: Additions): IsoDay | undefined => {
  let latest: IsoDay | undefined
  const take = (date: PrintedDate | undefined) => {
    if (date === undefined) return
    const day = dayKnown(date)
    if (latest === undefined || day > latest) latest = day
  }
  for (const statement of items.statements) take(statement.observed)
  for (const claim of items.claims) take(claimDate(claim, view.statementById))
  for (const observation of items.observations) take(observationKnown(observation))
  return latest
}

/**
 * The day the last of a view's items became known: on any day from it on, all of them were. Moving the
 * as-of day back asks it, and a view that adds items takes the later of its own and theirs.
 */
const lastKnownDay = (view: CaseView): IsoDay | undefined => lastKnownDays(view).day
const lastKnownDays = perView(
  (view) => ({ day: latestKnown(view, view) }),
  (earlier, view, additions) => {
    const added = latestKnown(view, additions)
    return {
      day: added === undefined || (earlier.day !== undefined && earlier.day >= added) ? earlier.day : added
    }
  },
  readsNoTree
)

/**
 * Works out for `view` everything worked out once per view, whether or not its evaluation asked for it.
 * An evaluator's updates extend what its first view worked out; what that view never worked out (an
 * index only an update reads, to find what the added items touch) would be worked out from the whole
 * case by the first update instead, making it the slowest by far.
 */
export const workOutEverything = (view: CaseView): void => {
  for (const build of builders) build(view)
}

/**
 * Carries over to `view` everything worked out for the view it extends, while that one is at hand: what
 * is not carried over now would have to be worked out from the whole case if asked for later.
 */
export const carryOver = (view: CaseView): void => {
  const from = view.extends?.view.deref()
  if (from !== undefined) for (const carry of carriers) carry(view, from)
}

/**
 * An index worked out once per view, when first asked for: `fill` lists what `items` (the whole view at
 * first, then what an extended view adds) bring under their keys, reading anything else from `view`.
 */
export const indexPerView = <V>(
  fill: (view: CaseView, items: Additions, add: (key: string, value: V) => void) => void,
  options?: PerViewOptions<ListIndex<V>>
): ((view: CaseView) => ListIndex<V>) =>
  perView(
    (view) => {
      const { lists, add } = gather<V>()
      fill(view, view, add)
      return ListIndex.of(lists)
    },
    (earlier, view, additions) => earlier.with((add) => fill(view, additions, add), view.extends?.rank),
    options
  )

/** Statements by the actor they were issued in the name of. */
export const statementsByActor = indexPerView<Statement>((_view, items, add) => {
  for (const statement of items.statements) add(statement.issuer.actor, statement)
}, readsNoTree)

/** Observations by the actor they concern. */
export const observationsByActor = indexPerView<Observation>((_view, items, add) => {
  for (const observation of items.observations) add(observation.actor, observation)
}, readsNoTree)

/** Observations by id. */
export const observationById = perView(
  (view) => Lookup.of(view.observations.map((observation) => [observation.id as string, observation])),
  (earlier, _view, additions) =>
    earlier.with(additions.observations.map((observation) => [observation.id as string, observation])),
  readsNoTree
)

/** Claims by each item they say they rest on. */
export const claimsRestingOn = indexPerView<Claim>((_view, items, add) => {
  for (const claim of items.claims) for (const id of claim.restsOn) add(id, claim)
}, readsNoTree)

/** Claims by the kind of assertion they make, whoever it is about (see `shapeKey`). */
export const claimsByShape = indexPerView<Claim>((view, items, add) => {
  for (const claim of items.claims) add(shapeKey(view.model, claim), claim)
}, readsNoTree)

/**
 * The name a writer would use for an item in a sentence, never its id (ids go where a reader looks them
 * up: the explanation's steps list the items they rest on). An item's own `label` first; else a
 * statement's serial ("Statement 449"), its short title as a common noun where it is not a proper name
 * ("the @group_media notice", for "Notice that @old has been lost"), or its date ("the 8 January 2015
 * statement"); a
 * claim by its kind and who made it ("the dissolution claim in Statement 449", "the cooperation claim
 * about the group by a local commander"); an observation by what it is, whose and when ("the release
 * the group missed at Eid al-Adha 1435"). No two items share a name: one named like an item before it in
 * the case says which of that name it is ("(second of that name)").
 */
export const itemName = (view: CaseView, id: string): string => {
  const names = namesAsked(view)
  const known = names.get(id)
  if (known !== undefined) return known
  const name = nameOf(view, id)
  names.set(id, name)
  return name
}

/**
 * The names asked for in a view, by id: an item is named once per view however often it is asked, and a
 * name stands in the views that extend it unless its item came in or was renamed there.
 */
const namesAsked = perView(
  () => CarriedMemory.empty<string>(),
  (earlier, view) => earlier.carried(new Set(changedItems(view).map((item) => item.id))),
  readsNoTree
)

/** The items a view brings in or renames, beside the view it extends: their names may read otherwise. */
const changedItems = (view: CaseView): ReadonlyArray<Item> => {
  const { additions, renamed } = view.extends!
  const items: Array<Item> = [...additions.statements, ...additions.claims, ...additions.observations]
  if (renamed !== undefined) items.push(...renamed.statements, ...renamed.claims, ...renamed.observations)
  return items
}

const nameOf = (view: CaseView, id: string): string => {
  const item = view.statementById.get(id) ?? view.claimById.get(id) ?? observationById(view).get(id)
  if (item !== undefined) return distinct(view, item, groupOf(view, item))
  const actor = view.actors.get(id)
  if (actor !== undefined) return actor.name.primary
  const channel = view.channels.get(id)
  if (channel !== undefined) return channel.handle
  const source = view.sources.get(id)
  if (source !== undefined) return shortSource(source.description)
  return id
}

/** The group of items an item may be named alike with (see `distinct`). */
const groupOf = (view: CaseView, item: Item): string =>
  isStatement(item)
    ? `s:${handleOf(view, item)}`
    : isClaim(item)
      ? makerKey(view, item)
      : `o:${actorNameOf(view, item.actor)}`

/** The name an item is given before it is told apart from those named alike. */
const baseName = (view: CaseView, item: Item): string =>
  isStatement(item)
    ? statementName(view, item)
    : isClaim(item)
      ? claimName(view, item)
      : observationName(view, item)

/**
 * The item's name, told apart from the items before it named alike ("(second of that name)"). Items
 * named alike can only be found among those that share what the name is made of: a statement's
 * channel (its name says it), a claim's statement or source, an observation's actor; or a label, which
 * may say anything. Each such group is named when one of its items is first asked for, not the whole
 * case: a brief names a few thousand items of hundreds of thousands. The groups hold the view's items in
 * the case's order, and a view extended by appended items adds them at the end, so an item keeps its
 * name as items are added after it.
 */
const distinct = (view: CaseView, item: Item, group: string): string => {
  const base = baseName(view, item)
  const inGroup = namedAlike(view, group).get(base) ?? []
  const elsewhere = labelledItems(view)
    .get(base)
    .filter((labelled) => !inGroup.includes(labelled))
  // The group is in the case's order already; only a label from elsewhere needs placing among it.
  const alike =
    elsewhere.length === 0
      ? inGroup
      : [...inGroup, ...elsewhere].sort((a, b) => caseOrder(view, a) - caseOrder(view, b))
  if (alike.length <= 1) return base
  const count = alike.indexOf(item) + 1
  return count <= 1 ? base : `${base} (${ordinalWords(count)} of that name)`
}

/**
 * For each group of items that may be named alike, the group's items by the name each is first given;
 * a group stands in the views that extend it unless one of its items came in or was renamed there.
 */
const groupsNamedAlike = perView(
  () => CarriedMemory.empty<Map<string, Array<Item>>>(),
  (earlier, view) => earlier.carried(new Set(changedItems(view).map((item) => groupOf(view, item)))),
  readsNoTree
)

const namedAlike = (view: CaseView, group: string): Map<string, Array<Item>> => {
  const groups = groupsNamedAlike(view)
  let byName = groups.get(group)
  if (byName === undefined) {
    byName = new Map()
    const key = group.slice(2)
    const members: ReadonlyArray<Item> = group.startsWith("s:")
      ? statementsByHandle(view).get(key)
      : group.startsWith("o:")
        ? observationsByActorName(view).get(key)
        : claimsByMaker(view).get(group)
    for (const member of members) {
      const base = baseName(view, member)
      const list = byName.get(base)
      if (list === undefined) byName.set(base, [member])
      else list.push(member)
    }
    groups.set(group, byName)
  }
  return byName
}

// The groups go by what the names say, not by ids: two channels with one handle, two sources with one
// short name or two actors with one name would otherwise name their items alike unseen.

const handleOf = (view: CaseView, statement: Statement): string =>
  statement.channel === undefined ? "" : (view.channels.get(statement.channel)?.handle ?? statement.channel)

const actorNameOf = (view: CaseView, actor: string): string => view.actors.get(actor)?.name.primary ?? actor

/** Each source's short name, by its id. */
const sourceNames = perView(
  (view) =>
    new Map(
      [...view.sources.values()].map((source) => [source.id as string, shortSource(source.description)])
    ),
  (earlier) => earlier,
  readsNoTree
)

/** The group of a claim: the statement that makes it ("m:id"), or the short name of the source that reports it ("r:name"). */
const makerKey = (view: CaseView, claim: Claim): string =>
  "statement" in claim.madeBy
    ? `m:${claim.madeBy.statement}`
    : `r:${sourceNames(view).get(claim.madeBy.source) ?? claim.madeBy.source}`

/** Statements by their channel's handle, those without a channel under "". */
const statementsByHandle = indexPerView<Statement>((view, items, add) => {
  for (const statement of items.statements) add(handleOf(view, statement), statement)
}, readsNoTree)

/** Observations by the name of the actor they concern. */
const observationsByActorName = indexPerView<Observation>((view, items, add) => {
  for (const observation of items.observations) add(actorNameOf(view, observation.actor), observation)
}, readsNoTree)

/** Claims by their group (see `makerKey`). */
const claimsByMaker = indexPerView<Claim>((view, items, add) => {
  for (const claim of items.claims) add(makerKey(view, claim), claim)
}, readsNoTree)

/** The items that carry a label of their own, by it: a label may read like any other name. */
const labelledItems = indexPerView<Item>((_view, items, add) => {
  for (const statement of items.statements) if (statement.label !== undefined) add(statement.label, statement)
  for (const claim of items.claims) if (claim.label !== undefined) add(claim.label, claim)
  for (const observation of items.observations)
    if (observation.label !== undefined) add(observation.label, observation)
}, readsNoTree)

/** Where an item stands in the case: statements first, then claims, then observations, each in order. */
const caseOrder = (view: CaseView, item: Item): number =>
  isStatement(item)
    ? view.statements.indexOf(item)
    : isClaim(item)
      ? view.statements.length + view.claims.indexOf(item)
      : view.statements.length + view.claims.length + view.observations.indexOf(item)

const ordinals = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth"
]
const ordinalWords = (count: number): string => {
  const word = ordinals[count - 1]
  if (word !== undefined) return word
  const teen = count % 100 >= 11 && count % 100 <= 13
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][count % 10] ?? "th")
  return `${count}${suffix}`
}

const claimName = (view: CaseView, claim: Claim): string => {
  if (claim.label !== undefined) return claim.label
  const kind = `the ${claim.kind.replace(/-/g, " ")} claim`
  if ("statement" in claim.madeBy) {
    // The statement's own name is told apart from others already, so its claims need only their kind.
    const maker = view.statementById.get(claim.madeBy.statement)
    return maker === undefined ? kind : `${kind} in ${itemName(view, maker.id)}`
  }
  // A source reports many things: what the claim is about tells two of its claims of one kind apart.
  const about = view.actors.get(claim.scope)?.name.primary
  const reporter = sourceNames(view).get(claim.madeBy.source)
  return `${kind}${about === undefined ? "" : ` about ${about}`}${reporter === undefined ? "" : ` by ${reporter}`}`
}

/**
 * An observation by what was seen, whose, and when: the event its date names where it names one ("at
 * Eid al-Adha 1435"), else the period ("in December 2014").
 */
const observationName = (view: CaseView, observation: Observation): string => {
  if (observation.label !== undefined) return observation.label
  const actor = view.actors.get(observation.actor)?.name.primary
  const what =
    observation.kind === "absence"
      ? actor === undefined
        ? "the release missed"
        : `the release ${actor} missed`
      : observation.kind === "release"
        ? `the release${actor === undefined ? "" : ` by ${actor}`} seen`
        : `the activity${actor === undefined ? "" : ` of ${actor}`} seen`
  return `${what} ${eventPhrase(observation.date) ?? periodPhrase(observation.date)}`
}

/**
 * A date printed as an event ("Eid al-Adha 1435", "17 Rabi al-Awal 1436"), as a sentence puts it ("at
 * Eid al-Adha 1435", "on 17 Rabi al-Awal 1436"), or undefined when it is a plain Gregorian date or
 * period, which the period's own words say better.
 */
const eventPhrase = (date: PrintedDate): string | undefined => {
  const text = date.text.trim()
  const named = text.split(/[\s,;()]+/).some((word) => /^[A-Z][a-z]/.test(word) && !gregorianMonths.has(word))
  if (!named || openingWords.has(/^[A-Za-z]+/.exec(text)?.[0]?.toLowerCase() ?? "")) return undefined
  return /^\d/.test(text) ? `on ${text}` : `at ${text}`
}

const gregorianMonths: ReadonlySet<string> = new Set(
  Array.from({ length: 12 }, (_, month) => gregorianMonthName(month + 1))
)

/** A date as a writer puts it before "statement": "8 January 2015", "August 2014", "2014", "mid-2014". */
const periodWords = (date: PrintedDate): string => {
  const [start, end] = [date.start, date.end]
  if (start === end) return formatDayNumber(isoDayToDayNumber(start))
  const month = (day: string) => gregorianMonthName(Number(day.slice(5, 7)))
  if (start.slice(0, 7) === end.slice(0, 7)) return `${month(start)} ${start.slice(0, 4)}`
  if (start.slice(0, 4) === end.slice(0, 4)) return `${month(start)} to ${month(end)} ${start.slice(0, 4)}`
  // Across a new year but within twelve months, the months say it ("December 2014 to January 2015").
  if (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) === 1 && end.slice(5, 7) < start.slice(5, 7))
    return `${month(start)} ${start.slice(0, 4)} to ${month(end)} ${end.slice(0, 4)}`
  return `${start.slice(0, 4)} to ${end.slice(0, 4)}`
}

/** A period with the preposition a sentence needs: "on 8 January 2015", "in August 2014", "from 2014 to 2015". */
const periodPhrase = (date: PrintedDate): string => {
  const words = periodWords(date)
  return date.start === date.end ? `on ${words}` : words.includes(" to ") ? `from ${words}` : `in ${words}`
}

/**
 * Whether an item's name already says `date` (a name derived from the date: "the 5 January 2015
 * statement"), so that a sentence does not say it again beside the name. A name that says less than the
 * date ("the January 2015 statement", dated "between 5 and 8 January 2015") does not.
 */
export const nameSaysDate = (name: string, date: PrintedDate): boolean =>
  name.includes(date.text) || (date.start === date.end && name.includes(periodWords(date)))

/**
 * An item's name with the date a sentence gives it, in brackets, unless the name already says that
 * date: "Statement 449 (8 January 2015)", but "the 5 January 2015 statement", never "the 5 January 2015
 * statement (5 January 2015)".
 */
export const nameWithDate = (view: CaseView, id: string, date: PrintedDate): string => {
  const name = itemName(view, id)
  return nameSaysDate(name, date) ? name : `${name} (${date.text})`
}

/**
 * A date as printed, in the middle of a sentence: a printed date that opens with a common word ("By the
 * end of August 2014", "Late June 2014") loses its capital, so that it does not read as a new sentence;
 * one that opens with a name (a month, a feast, a Hijri month) keeps it.
 */
export const dateInSentence = (text: string): string => {
  const first = /^[A-Za-z]+/.exec(text)?.[0]
  return first !== undefined && openingWords.has(first.toLowerCase()) ? lowerFirst(text) : text
}

/**
 * A phrase and the date a sentence gives it, without naming the date's event twice. A date printed as
 * an event ("Eid al-Adha 1435") after a phrase that ends with that event ("photos for Eid al-Adha")
 * completes the phrase ("photos for Eid al-Adha 1435"); after a phrase that names the event elsewhere
 * ("no Eid al-Adha message..."), the date is given as read ("October 2014"); else as printed, in the
 * sentence's case. `date` is undefined when the phrase says it already.
 */
export const phraseAndDate = (
  phrase: string,
  date: PrintedDate
): { readonly phrase: string; readonly date: string | undefined } => {
  const printed = date.text.trim()
  const event = eventPhrase(date) === undefined ? "" : printed.replace(/^[\d\s]+|[\s\d]+(?:\s*AH)?$/g, "")
  if (event === "" || !phrase.includes(event)) return { phrase, date: dateInSentence(printed) }
  const words = printed.split(/\s+/)
  for (let count = words.length - 1; count >= 1; count--) {
    const opening = words.slice(0, count).join(" ")
    if (phrase.endsWith(` ${opening}`) || phrase === opening)
      return { phrase: `${phrase.slice(0, phrase.length - opening.length)}${printed}`, date: undefined }
  }
  return { phrase, date: periodWords(date) }
}

const openingWords: ReadonlySet<string> = new Set([
  "by",
  "after",
  "before",
  "since",
  "until",
  "till",
  "from",
  "between",
  "around",
  "about",
  "circa",
  "late",
  "early",
  "mid",
  "end",
  "start",
  "beginning",
  "the",
  "in",
  "on",
  "at",
  "during",
  "some",
  "spring",
  "summer",
  "autumn",
  "fall",
  "winter",
  "sometime",
  "probably",
  "possibly",
  "either"
])

/**
 * When a channel was lost, as a sentence puts it: a printed phrase that says how it relates to the date
 * as printed ("before the two tweets of January 5"), else "on"/"in" the date ("on 5 January 2015").
 */
export const lossPhrase = (since: PrintedDate): string => {
  const first = /^[A-Za-z]+/.exec(since.text.trim())?.[0]?.toLowerCase()
  if (first !== undefined && openingWords.has(first)) return dateInSentence(since.text.trim())
  return `${since.precision === "day" ? "on" : "in"} ${since.text.trim()}`
}

/**
 * Who says a channel was lost, and when: "the notice... says @old was lost before...". A name that
 * already says the channel was lost ("the notice that @old has been lost") is not followed by the same
 * words again: it dates the loss instead.
 */
export const lossSaid = (speaker: string, handle: string, since: PrintedDate): string =>
  speaker.includes(handle) && /\blost\b/.test(speaker)
    ? `${speaker} puts the loss ${lossPhrase(since)}`
    : `${speaker} says ${handle} was lost ${lossPhrase(since)}`

/** A title short enough to name a statement by in a sentence. */
const SHORT_TITLE_WORDS = 6

const statementName = (view: CaseView, statement: Statement): string => {
  if (statement.label !== undefined) return statement.label
  const channel = statement.channel === undefined ? undefined : view.channels.get(statement.channel)?.handle
  const on = channel === undefined ? "" : ` on ${channel}`
  if (statement.serial !== undefined) return `${statement.serial.text}${on}`
  const title = statement.title?.trim()
  if (title !== undefined && title !== "" && title.split(/\s+/).length <= SHORT_TITLE_WORDS) {
    const described = titleAsDescription(view, title)
    if (described === undefined) return `${title}${on}`
    // A described title takes its channel before the noun ("the @group_media notice that..."): after
    // it, "...has been lost on @other" would read as part of the title. After an article or a number
    // ("the two tweets..."), the channel comes last.
    // A channel named in words ("the group's official account") reads only after the noun.
    // What a "that" clause says after the noun ("notice that @old has been lost") the explanation says in
    // its own sentences: the noun and its channel name it, as a writer would ("the @group_media notice").
    if (described.opensWithNoun && channel !== undefined && !/\s/.test(channel))
      return `the ${channel} ${/^(\S+) that /.exec(described.text)?.[1] ?? described.text}`
    return `${described.opensWithNoun ? "the " : ""}${described.text}${on}`
  }
  return `the ${periodWords(statement.observed)} statement${on}`
}

/**
 * A title as a common noun a sentence can carry, lower-cased ("Notice that @x has been lost" → "notice
 * that @x has been lost", "Two tweets..." → "the two tweets..."), or undefined when the title must be
 * kept as printed: it opens with a proper name (an acronym, a word with capitals inside it, a name or
 * handle of the case) or a quotation.
 */
const titleAsDescription = (
  view: CaseView,
  title: string
): { readonly text: string; readonly opensWithNoun: boolean } | undefined => {
  const first = title.split(/\s+/)[0]!
  if (!/^[A-Z][a-z'’-]*$/.test(first)) return undefined
  if (properNamesOf(view).has(first)) return undefined
  const word = first.toLowerCase()
  if (articles.has(word)) return { text: lowerFirst(title), opensWithNoun: false }
  if (numberWords.has(word)) return { text: `the ${lowerFirst(title)}`, opensWithNoun: false }
  return { text: lowerFirst(title), opensWithNoun: true }
}

/**
 * A phrase from the case set inside a sentence ("An Eid al-Adha message..." → "an Eid al-Adha
 * message..."): its first word loses its capital unless it is a proper name as printed (an acronym, a
 * word with capitals inside it, a name or handle of the case, a statement's serial).
 */
export const phraseInSentence = (view: CaseView, text: string): string => {
  const first = text.split(/\s+/)[0]!
  return /^[A-Z][a-z'’-]*$/.test(first) && !properNamesOf(view).has(first) && !serialWordsOf(view).has(first)
    ? lowerFirst(text)
    : text
}

const articles: ReadonlySet<string> = new Set(["the", "a", "an"])
const numberWords: ReadonlySet<string> = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "first",
  "second",
  "third",
  "last"
])

/** The words that open a name in the case (actors' names and aliases, channels' handles). */
const properNamesOf = perView(
  (view) => {
    const words = new Set<string>()
    const add = (name: string | undefined) => {
      const first = name?.trim().split(/\s+/)[0]
      if (first !== undefined && first !== "") words.add(first)
    }
    for (const actor of view.actors.values()) {
      add(actor.name.primary)
      for (const alias of actor.name.aliases ?? []) add(alias)
    }
    for (const channel of view.channels.values()) add(channel.handle)
    return words
  },
  (earlier) => earlier,
  readsNoTree
)

/**
 * Whether `view` extends a view in which phrases open as they do in it: no statement came in with a
 * serial that opens with a new word, which a sentence would keep capitalised. A sentence worded there
 * from items' fields and names reads the same here, but for the names of items renamed coming in
 * (`renamedIds`).
 */
export const phrasesOpenAlike = (view: CaseView): boolean => {
  const earlier = view.extends?.view.deref()
  return earlier !== undefined && serialWordsOf(view) === serialWordsOf(earlier)
}

/** The ids of the items renamed coming into a view (`extends.renamed`), once per view. */
const renamedIdsByView = new WeakMap<CaseView, ReadonlySet<string>>()

export const renamedIds = (view: CaseView): ReadonlySet<string> => {
  let ids = renamedIdsByView.get(view)
  if (ids === undefined) {
    const renamed = view.extends?.renamed
    const found = new Set<string>()
    if (renamed !== undefined)
      for (const item of [...renamed.statements, ...renamed.claims, ...renamed.observations])
        found.add(item.id)
    ids = found
    renamedIdsByView.set(view, ids)
  }
  return ids
}

/** The words that open statements' serials, printed as names ("Statement 449", "Bayan No. 5"). */
const serialWordsOf = perView(
  (view) => serialWords(view.statements, new Set<string>()),
  (earlier, _view, additions) => serialWords(additions.statements, earlier),
  readsNoTree
)

const serialWords = (
  statements: ReadonlyArray<Statement>,
  known: ReadonlySet<string>
): ReadonlySet<string> => {
  let words: Set<string> | undefined
  for (const statement of statements) {
    const first = statement.serial?.text.trim().split(/\s+/)[0]
    if (first === undefined || first === "" || known.has(first) || words?.has(first)) continue
    words ??= new Set(known)
    words.add(first)
  }
  return words ?? known
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

/** A source by the first clause of its description ("a Jabhat al-Nusra member from Aleppo"), to name it by in a sentence. */
export const sourceName = (view: CaseView, id: string): string => {
  const source = view.sources.get(id)
  return source === undefined ? itemName(view, id) : shortSource(source.description)
}

/**
 * A source's description cut to the name a writer would give it: its first clause ("a Jabhat al-Nusra
 * member from Aleppo"), and of a long one, the words before its first qualifying phrase ("the author's
 * own observation of the groups' releases over 2014" → "the author's own observation").
 */
export const shortSource = (description: string): string => {
  const clause = description
    .split(/[,;:(]/)[0]!
    .replace(/\.$/, "")
    .trim()
    .replace(/^(The|A|An) /, (article) => article.toLowerCase())
  const words = clause.split(/\s+/)
  if (words.length <= LONG_SOURCE_WORDS) return clause
  const cut = words.findIndex((word, index) => index >= 2 && qualifyingWords.has(word.toLowerCase()))
  return cut < 0 ? clause : words.slice(0, cut).join(" ")
}

/** A source's first clause longer than this is cut at its first qualifying phrase. */
const LONG_SOURCE_WORDS = 6

const qualifyingWords: ReadonlySet<string> = new Set([
  "of",
  "over",
  "in",
  "on",
  "at",
  "from",
  "for",
  "with",
  "about",
  "during",
  "between",
  "since",
  "who",
  "which",
  "that"
])

/** A name or phrase starting a sentence: its first letter upper-case ("the dissolution claim..." → "The..."). */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

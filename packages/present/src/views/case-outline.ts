/**
 * What the lists and pickers of a case show, apart from its verdicts: every item a list or a picker
 * names (its id, section and label), the timeline of statements and observations in date order with
 * what each row shows, the counts of every section, and the small sections a form checks against.
 *
 * It is worked out once per revision of the case, from the case or from its stored items as a case
 * file writes them (`outlineOfStored`), and is plain data throughout (arrays and strings, indexes into
 * them instead of objects repeated), so that it crosses a worker thread or an HTTP response as it is,
 * and a terminal UI can hold a 100,000-statement case's lists in a few tens of megabytes without
 * holding the case. The verdicts of a day come apart (`TimelineVerdicts`), aligned with its timeline.
 */
import type { ItemSection } from "@allegiance/domain"
import { itemNames } from "./labels.ts"
import { type DateLike, type DateShown, dateShown } from "./timeline.ts"

/** The sections whose items an outline names, and the letter `names.sections` gives each. */
export const sectionLetters = {
  actors: "a",
  channels: "c",
  sources: "s",
  statements: "S",
  claims: "C",
  observations: "O"
} as const
export type NamedSection = keyof typeof sectionLetters

export interface OutlineNames {
  readonly ids: ReadonlyArray<string>
  /** One letter per item, its section (`sectionLetters`). */
  readonly sections: string
  readonly labels: ReadonlyArray<string>
  /** The kind of each claim and observation, as its place in `kindNames`; -1 for the rest. */
  readonly kinds: ReadonlyArray<number>
  readonly kindNames: ReadonlyArray<string>
}

/** The timeline, place by place (in date order), in columns. */
export interface OutlineTimeline {
  /** The item at each place, as its index in `names`. */
  readonly items: ReadonlyArray<number>
  /** The distinct dates the timeline shows; places name them by index. */
  readonly dates: ReadonlyArray<DateShown>
  /** When each place's item appeared (a statement) or happened (an observation): what the order is by. */
  readonly date: ReadonlyArray<number>
  /** The dates printed on the item at place p: `printed` from `printedFrom[p]` up to `printedFrom[p + 1]`. */
  readonly printedFrom: ReadonlyArray<number>
  readonly printed: ReadonlyArray<number>
  /** The channel of each place (an index in `names`), or -1. */
  readonly channel: ReadonlyArray<number>
  /** The actor each place is in the name of (a statement) or about (an observation), an index in `names`. */
  readonly actor: ReadonlyArray<number>
  /** The issuer as printed on a statement; "" for an observation. */
  readonly issuer: ReadonlyArray<string>
}

/** The case's own section, actors, channels and sources, as a case file writes them. */
export interface OutlineParts {
  readonly case: unknown
  readonly actors: ReadonlyArray<unknown>
  readonly channels: ReadonlyArray<unknown>
  readonly sources: ReadonlyArray<unknown>
}

export interface CaseOutline {
  readonly case: { readonly id: string; readonly title: string }
  readonly counts: Readonly<Record<ItemSection, number>>
  readonly names: OutlineNames
  readonly timeline: OutlineTimeline
  readonly parts: OutlineParts
}

/** What an outline reads of a statement: the same fields in the model and as a case file writes them, dates read. */
export interface OutlineStatement {
  readonly id: string
  readonly serial?: { readonly text: string } | undefined
  readonly title?: string | undefined
  readonly issuer: { readonly actor: string; readonly nameAsPrinted: string }
  readonly channel?: string | undefined
  readonly observed: DateLike
  readonly printedDates: ReadonlyArray<DateLike>
}
export interface OutlineClaim {
  readonly id: string
  readonly kind: string
  readonly summary?: string | undefined
  readonly madeBy: { readonly statement: string } | { readonly source: string }
}
export interface OutlineObservation {
  readonly id: string
  readonly kind: string
  readonly description: string
  readonly actor: string
  readonly channel?: string | undefined
  readonly date: DateLike
}

/** What an outline is built from: a case (whose items have all these fields), or stored items read lightly. */
export interface OutlineInput {
  readonly case: { readonly id: string; readonly title: string }
  readonly actors: ReadonlyArray<{ readonly id: string; readonly name: { readonly primary: string } }>
  readonly channels: ReadonlyArray<{ readonly id: string; readonly handle: string }>
  readonly sources: ReadonlyArray<{ readonly id: string; readonly description: string }>
  readonly statements: ReadonlyArray<OutlineStatement>
  readonly claims: ReadonlyArray<OutlineClaim>
  readonly observations: ReadonlyArray<OutlineObservation>
  readonly relationships: number
  readonly questions: number
}

/** Where a dated item goes on the timeline: by its first day, then its last, then its id. */
export const timelineOrder = (
  a: { readonly start: string; readonly end: string; readonly id: string },
  b: { readonly start: string; readonly end: string; readonly id: string }
): number =>
  a.start < b.start
    ? -1
    : a.start > b.start
      ? 1
      : a.end < b.end
        ? -1
        : a.end > b.end
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0

/** The key of a date in the outline's table of dates: equal dates share one entry. */
export const dateKey = (date: DateLike) =>
  `${date.text}\u0000${date.calendar}\u0000${date.start}\u0000${date.end}\u0000${date.precision}`

/** The names of an outline, as they are built: items added at the end, each kind named once. */
export const namesBuilder = (from?: OutlineNames) => {
  const ids = [...(from?.ids ?? [])]
  const letters: Array<string> = [from?.sections ?? ""]
  const labels = [...(from?.labels ?? [])]
  const kinds = [...(from?.kinds ?? [])]
  const kindNames = [...(from?.kindNames ?? [])]
  const kindAt = new Map(kindNames.map((kind, at) => [kind, at]))
  const kindOf = (kind: string | undefined) => {
    if (kind === undefined) return -1
    let at = kindAt.get(kind)
    if (at === undefined) {
      at = kindNames.length
      kindNames.push(kind)
      kindAt.set(kind, at)
    }
    return at
  }
  return {
    length: () => ids.length,
    /** Adds an item; its place. */
    add: (id: string, letter: string, label: string, kind?: string) => {
      ids.push(id)
      letters.push(letter)
      labels.push(label)
      kinds.push(kindOf(kind))
      return ids.length - 1
    },
    relabel: (at: number, label: string, kind?: string) => {
      labels[at] = label
      kinds[at] = kindOf(kind)
    },
    names: (): OutlineNames => ({ ids, sections: letters.join(""), labels, kinds, kindNames })
  }
}

export const caseOutline = (input: OutlineInput, parts: OutlineParts): CaseOutline => {
  const names = namesBuilder()
  // Only what rows and claims name is looked up: actors and channels by place, statements and sources by label.
  const index = new Map<string, number>()
  /** An id a row names that the case lacks (a damaged case) is named by itself. */
  const named = (id: string) => index.get(id) ?? names.add(id, "?", id)
  const labelOf = new Map<string, string>()
  const of = (id: string) => labelOf.get(id) ?? id
  for (const actor of input.actors) {
    const at = names.add(actor.id, "a", itemNames.actor(actor))
    if (!index.has(actor.id)) index.set(actor.id, at)
  }
  for (const channel of input.channels) {
    const at = names.add(channel.id, "c", itemNames.channel(channel))
    if (!index.has(channel.id)) index.set(channel.id, at)
  }
  for (const source of input.sources) {
    const label = itemNames.source(source)
    if (!labelOf.has(source.id)) labelOf.set(source.id, label)
    names.add(source.id, "s", label)
  }
  const firstStatement = names.length()
  for (const statement of input.statements) {
    const label = itemNames.statement(statement)
    if (!labelOf.has(statement.id)) labelOf.set(statement.id, label)
    names.add(statement.id, "S", label)
  }
  for (const claim of input.claims) names.add(claim.id, "C", itemNames.claim(claim, of), claim.kind)
  const firstObservation = names.length()
  for (const observation of input.observations)
    names.add(observation.id, "O", itemNames.observation(observation), observation.kind)

  type Row = { readonly item: number; readonly id: string; readonly start: string; readonly end: string }
  const rows: Array<Row> = []
  input.statements.forEach((statement, at) => {
    rows.push({ item: firstStatement + at, id: statement.id, ...span(statement.observed) })
  })
  input.observations.forEach((observation, at) => {
    rows.push({ item: firstObservation + at, id: observation.id, ...span(observation.date) })
  })
  rows.sort(timelineOrder)
  const timeline = timelineColumns()
  const dates = dateTable()
  for (const row of rows) {
    const item = row.item
    if (item < firstObservation) {
      const statement = input.statements[item - firstStatement]!
      pushRow(timeline, dates, {
        item,
        date: statement.observed,
        printed: statement.printedDates,
        channel: statement.channel === undefined ? -1 : named(statement.channel),
        actor: named(statement.issuer.actor),
        issuer: statement.issuer.nameAsPrinted
      })
    } else {
      const observation = input.observations[item - firstObservation]!
      pushRow(timeline, dates, {
        item,
        date: observation.date,
        printed: [],
        channel: observation.channel === undefined ? -1 : named(observation.channel),
        actor: named(observation.actor),
        issuer: ""
      })
    }
  }
  timeline.printedFrom.push(timeline.printed.length)
  return {
    case: { id: input.case.id, title: input.case.title },
    counts: {
      actors: input.actors.length,
      channels: input.channels.length,
      sources: input.sources.length,
      statements: input.statements.length,
      claims: input.claims.length,
      observations: input.observations.length,
      relationships: input.relationships,
      questions: input.questions
    },
    names: names.names(),
    timeline: { ...timeline, dates: dates.list },
    parts
  }
}

const span = (date: DateLike) => ({ start: date.start as string, end: date.end as string })

type Columns = {
  -readonly [K in Exclude<keyof OutlineTimeline, "dates">]: Array<OutlineTimeline[K][number]>
}

const timelineColumns = (): Columns => ({
  items: [],
  date: [],
  printedFrom: [],
  printed: [],
  channel: [],
  actor: [],
  issuer: []
})

/** The outline's dates, each once. */
export const dateTable = (from: ReadonlyArray<DateShown> = []) => {
  const list = [...from]
  const at = new Map(list.map((date, index) => [dateKey(date), index]))
  // Dates read from the same text are most often the same object: found by it, without a key.
  const byObject = new Map<DateLike, number>()
  return {
    list,
    indexOf: (date: DateLike) => {
      let found = byObject.get(date)
      if (found !== undefined) return found
      const key = dateKey(date)
      found = at.get(key)
      if (found === undefined) {
        found = list.length
        list.push(dateShown(date))
        at.set(key, found)
      }
      byObject.set(date, found)
      return found
    }
  }
}

const pushRow = (
  columns: Columns,
  dates: ReturnType<typeof dateTable>,
  row: {
    readonly item: number
    readonly date: DateLike
    readonly printed: ReadonlyArray<DateLike>
    readonly channel: number
    readonly actor: number
    readonly issuer: string
  }
) => {
  columns.items.push(row.item)
  columns.date.push(dates.indexOf(row.date))
  columns.printedFrom.push(columns.printed.length)
  for (const printed of row.printed) columns.printed.push(dates.indexOf(printed))
  columns.channel.push(row.channel)
  columns.actor.push(row.actor)
  columns.issuer.push(row.issuer)
}

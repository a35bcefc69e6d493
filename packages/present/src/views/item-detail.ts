import type { CaseFile, ExplanationStep, Verdict, VerdictChange } from "@allegiance/domain"
import { checkDualDate, type DualDateFinding } from "@allegiance/domain/calendar/index"
import { Result } from "effect"
import type { CaseLabels, ItemKind } from "./labels.ts"
import { type SourceRow, sourceRows } from "./sources.ts"
import { type Badge, badgeOf } from "./status-badge.ts"
import { dateShown } from "./timeline.ts"
import type { VerdictIndex } from "./verdicts.ts"

/** An item another item names: something a reader can follow and come back from. */
export interface ItemLink {
  readonly id: string
  readonly label: string
  /** How it is named: "issuer", "channel", "made by", "target"... */
  readonly role: string
}

/** Everything a detail pane shows of one item. */
export interface ItemDetail {
  readonly id: string
  readonly kind: ItemKind | "continuation"
  readonly label: string
  /** Its fields in words, in the order a reader wants them. */
  readonly facts: ReadonlyArray<{ readonly name: string; readonly value: string }>
  readonly verdict?: {
    readonly about: string
    readonly status: Verdict["status"]
    readonly badge: Badge
    readonly confidence: string
    readonly confidenceReason: string
    readonly explanation: ReadonlyArray<ExplanationStep & { readonly links: ReadonlyArray<ItemLink> }>
    readonly wouldSettle: ReadonlyArray<string>
    readonly couldStillStand?: boolean
  }
  readonly sources: ReadonlyArray<SourceRow>
  readonly dateCheck?: Pick<DualDateFinding, "verdict" | "gapDays" | "explanation" | "matchedCalendar">
  readonly links: ReadonlyArray<ItemLink>
  /** When its verdict changed and why, when the caller worked it out. */
  readonly history?: ReadonlyArray<VerdictChange>
}

const dateFact = (name: string, date: { readonly text: string } & Parameters<typeof dateShown>[0]) => {
  const shown = dateShown(date)
  return { name, value: shown.text === shown.gregorian ? shown.text : `${shown.text} (${shown.gregorian})` }
}

/** The ids an item names, with the role each plays, for links. */
const namedIds = (item: object): ReadonlyArray<readonly [string, string]> => {
  const found: Array<readonly [string, string]> = []
  const skip = new Set([
    "id",
    "kind",
    "cites",
    "text",
    "description",
    "summary",
    "excerpt",
    "title",
    "handle"
  ])
  const walk = (value: unknown, role: string) => {
    if (typeof value === "string") found.push([value, role])
    else if (Array.isArray(value)) for (const entry of value) walk(entry, role)
    else if (typeof value === "object" && value !== null && !("start" in value && "end" in value))
      for (const [key, entry] of Object.entries(value)) if (!skip.has(key)) walk(entry, key)
  }
  for (const [key, value] of Object.entries(item)) if (!skip.has(key)) walk(value, key)
  return found
}

const roleWords: Record<string, string> = {
  actor: "actor",
  signedBy: "signed by",
  channel: "channel",
  statement: "made by",
  source: "reported by",
  scope: "about",
  attributedTo: "attributed to",
  restsOn: "rests on",
  target: "target",
  carriedBy: "carried by",
  speaksFor: "speaks for",
  parent: "part of",
  affiliation: "affiliated with",
  dependsOn: "depends on",
  from: "from",
  to: "to",
  sources: "source",
  evidence: "evidence"
}

/** The detail of the item with this id (statement, claim, observation, actor, channel, source, relationship...). */
export const itemDetail = (
  caseFile: CaseFile,
  verdicts: VerdictIndex,
  labels: CaseLabels,
  id: string,
  history?: ReadonlyArray<VerdictChange>
): ItemDetail | undefined => {
  const verdict = verdicts.get(id)
  const item = findItem(caseFile, id)
  if (item === undefined && verdict === undefined) return undefined
  const links: Array<ItemLink> = []
  const seen = new Set<string>()
  const link = (linked: string, role: string) => {
    if (linked === id || seen.has(linked) || labels.kindOf(linked) === undefined) return
    seen.add(linked)
    links.push({ id: linked, label: labels.of(linked), role: roleWords[role] ?? role })
  }
  if (item !== undefined) for (const [linked, role] of namedIds(item)) link(linked, role)
  const stepLinks = (step: ExplanationStep) =>
    step.items
      .filter((linked) => linked !== id && labels.kindOf(linked) !== undefined)
      .map((linked) => ({ id: linked, label: labels.of(linked), role: "named" }))
  const sources = sourceRows(caseFile)
  return {
    id,
    // Derived verdicts ("goes on", relationships worked out from claims) judge no item of the case.
    kind: labels.kindOf(id) ?? (id.startsWith("continues:") ? "continuation" : "relationship"),
    label: labels.kindOf(id) === undefined ? (verdict?.about ?? id) : labels.of(id),
    facts: item === undefined ? [] : factsOf(labels, item),
    ...(verdict === undefined
      ? {}
      : {
          verdict: {
            about: verdict.about,
            status: verdict.status,
            badge: badgeOf(verdict.status),
            confidence: verdict.confidence.words,
            confidenceReason: verdict.confidence.reason,
            explanation: verdict.explanation.map((step) => ({ ...step, links: stepLinks(step) })),
            wouldSettle: verdict.wouldSettle,
            ...(verdict.couldStillStand === undefined ? {} : { couldStillStand: verdict.couldStillStand })
          }
        }),
    sources: sources.filter(
      (source) => seen.has(source.id) || sourcesOfChannel(item).has(source.channel ?? "")
    ),
    ...dateCheckOf(item),
    links,
    ...(history === undefined ? {} : { history })
  }
}

type AnyItem = CaseFile[
  | "actors"
  | "channels"
  | "sources"
  | "statements"
  | "claims"
  | "observations"
  | "relationships"
  | "questions"][number]

const findItem = (caseFile: CaseFile, id: string): AnyItem | undefined => {
  for (const section of [
    caseFile.statements,
    caseFile.claims,
    caseFile.observations,
    caseFile.actors,
    caseFile.channels,
    caseFile.sources,
    caseFile.relationships,
    caseFile.questions
  ] as ReadonlyArray<ReadonlyArray<AnyItem>>) {
    const found = section.find((item) => item.id === id)
    if (found !== undefined) return found
  }
  return undefined
}

/** A statement's sources are those of its channel: what the channel says is graded by its record. */
const sourcesOfChannel = (item: AnyItem | undefined): ReadonlySet<string> =>
  new Set(item !== undefined && "issuer" in item && item.channel !== undefined ? [item.channel] : [])

const dateCheckOf = (item: AnyItem | undefined): Pick<ItemDetail, "dateCheck"> => {
  if (item === undefined || !("printedDates" in item)) return {}
  const hijri = item.printedDates.find((date) => date.calendar === "hijri")
  const gregorian = item.printedDates.find((date) => date.calendar === "gregorian")
  if (hijri === undefined || gregorian === undefined) return {}
  const checked = checkDualDate(hijri.text, gregorian.text)
  if (Result.isFailure(checked)) return {}
  const { verdict, gapDays, explanation, matchedCalendar } = checked.success
  return { dateCheck: { verdict, gapDays, explanation, matchedCalendar } }
}

const factsOf = (
  labels: CaseLabels,
  item: AnyItem
): ReadonlyArray<{ readonly name: string; readonly value: string }> => {
  const facts: Array<{ name: string; value: string }> = []
  const fact = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== "") facts.push({ name, value })
  }
  if ("issuer" in item) {
    fact("Title", item.title)
    fact("Serial", item.serial?.text)
    fact("Issued in the name of", `${labels.of(item.issuer.actor)} (printed "${item.issuer.nameAsPrinted}")`)
    if (item.issuer.signedBy !== undefined) fact("Signed by", labels.of(item.issuer.signedBy))
    fact("Channel", item.channel === undefined ? "not given" : labels.of(item.channel))
    facts.push(dateFact("Appeared", item.observed))
    for (const date of item.printedDates) facts.push(dateFact(`Printed (${date.calendar})`, date))
    fact("Language", item.language)
    fact("Excerpt", item.excerpt)
    for (const media of item.media) fact(`Media (${media.kind})`, media.description)
  } else if ("madeBy" in item) {
    fact("Kind", item.kind)
    fact("About", labels.of(item.scope))
    fact(
      "Made by",
      "statement" in item.madeBy
        ? labels.of(item.madeBy.statement)
        : `reported by ${labels.of(item.madeBy.source)}`
    )
    if (item.reported !== undefined) facts.push(dateFact("Reported", item.reported))
    if (item.occurred !== undefined) facts.push(dateFact("Occurred", item.occurred))
    fact("Summary", item.summary)
    if (item.credibility !== undefined) fact("Credibility", String(item.credibility))
  } else if ("kind" in item && "actor" in item && "source" in item && "date" in item) {
    fact("Kind", item.kind)
    fact("Actor", labels.of(item.actor))
    fact("Source", labels.of(item.source))
    facts.push(dateFact("Date", item.date))
    if (item.known !== undefined) facts.push(dateFact("Known", item.known))
    fact("What was seen", item.description)
    fact("Expected", item.expected)
  } else if ("name" in item) {
    fact("Kind", item.kind)
    fact("Also known as", [...item.name.aliases, ...item.name.transliterations].join(", "))
    fact("Arabic", item.name.arabic)
    if (item.parent !== undefined) fact("Part of", labels.of(item.parent))
    fact("Description", item.description)
  } else if ("handle" in item) {
    fact("Kind", item.kind)
    fact("Handle", item.handle)
    fact("Platform", item.platform)
    if (item.speaksFor !== undefined) fact("Speaks for", labels.of(item.speaksFor))
    fact("Description", item.description)
  } else if ("reliability" in item) {
    fact("Kind", item.kind)
    fact("Description", item.description)
    fact("Reliability", item.reliability)
    fact("Why that grade", item.reliabilityReason)
  } else if ("hypotheses" in item) {
    fact("Question", item.text)
    for (const hypothesis of item.hypotheses) fact("Hypothesis", hypothesis.text)
  } else if ("from" in item) {
    fact("Kind", item.kind)
    fact("From", labels.of(item.from))
    fact("To", labels.of(item.to))
    if (item.since !== undefined) facts.push(dateFact("Since", item.since))
    if (item.until !== undefined) facts.push(dateFact("Until", item.until))
    fact("Description", item.description)
  }
  return facts
}

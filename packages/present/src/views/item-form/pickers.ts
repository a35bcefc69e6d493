/** What a picker offers: the items of the case of the kind a field names, found by the words typed. */
import type { ItemSection } from "@allegiance/domain"
import type { CaseOutline } from "../case-outline.ts"
import type { FormContext } from "./form-context.ts"
import type { PickOf } from "./form-types.ts"

/** The sections of the case whose items a picker of each kind offers. */
export const pickSections: Record<PickOf, ReadonlyArray<ItemSection>> = {
  actor: ["actors"],
  channel: ["channels"],
  source: ["sources"],
  statement: ["statements"],
  evidence: ["statements", "claims", "observations"]
}
/** What a picker of each kind offers, in a problem's words. */
export const pickNouns: Record<PickOf, string> = {
  actor: "an actor",
  channel: "a channel",
  source: "a source",
  statement: "a statement",
  evidence: "a statement, claim or observation"
}

/** One item a picker offers. */
export interface PickOption {
  readonly id: string
  readonly label: string
  /** What else it goes by, or what it is: aliases, a handle's platform, a source's grade. */
  readonly detail: string
}

/** The items a picker offers whose names hold every typed word, at most `limit` of them. */
export const pickOptions = (
  context: FormContext,
  of: PickOf,
  typed: string,
  limit = 8
): ReadonlyArray<PickOption> => {
  const wanted = typed
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
  const found: Array<PickOption> = []
  /** Offers an item if its names hold the words; whether more are wanted. */
  const offer = (id: string, label: string, detail: string, names: ReadonlyArray<string>) => {
    if (found.length >= limit) return false
    const hay = [id, label, detail, ...names].join("\u0000").toLocaleLowerCase()
    if (wanted.every((word) => hay.includes(word))) found.push({ id, label, detail })
    return found.length < limit
  }
  const { names, outline } = context
  if (of === "actor")
    for (const actor of context.actors)
      offer(
        actor.id,
        actor.name.primary,
        [actor.kind, ...actor.name.aliases, actor.name.arabic ?? ""].filter((name) => name !== "").join(", "),
        actor.name.transliterations
      )
  if (of === "channel")
    for (const channel of context.channels)
      offer(
        channel.id,
        channel.handle,
        [
          channel.platform ?? channel.kind,
          channel.speaksFor === undefined ? "" : `for ${names.of(channel.speaksFor)}`
        ]
          .filter((part) => part !== "")
          .join(", "),
        []
      )
  if (of === "source")
    for (const source of context.sources)
      offer(source.id, names.of(source.id), `grade ${source.reliability}`, [])
  if (of === "statement" || of === "evidence") offerEvidence(outline, "S", offer)
  if (of === "evidence") {
    offerEvidence(outline, "C", offer)
    offerEvidence(outline, "O", offer)
  }
  return found
}

/** What a picker says beside a statement (when it appeared), a claim or an observation (its kind). */
const evidenceDetail = (
  outline: CaseOutline,
  at: number,
  letter: string,
  appeared: () => Map<number, string>
) => {
  if (letter === "S") return `statement, ${appeared().get(at) ?? ""}`
  const kind = outline.names.kindNames[outline.names.kinds[at]!] ?? ""
  return letter === "C" ? `${kind} claim` : `${kind} observation`
}

/** The day each statement of the outline appeared, as printed, by its place in `names`. */
const appearedOf = (outline: CaseOutline) => {
  const { items, date, dates } = outline.timeline
  const found = new Map<number, string>()
  for (let place = 0; place < items.length; place++) found.set(items[place]!, dates[date[place]!]!.text)
  return found
}

/** Offers the outline's items of one section (by its letter), in the case's order, until enough are found. */
const offerEvidence = (
  outline: CaseOutline,
  letter: string,
  offer: (id: string, label: string, detail: string, names: ReadonlyArray<string>) => boolean
) => {
  const { ids, sections, labels } = outline.names
  let appeared: Map<number, string> | undefined
  const days = () => {
    appeared ??= appearedOf(outline)
    return appeared
  }
  for (let at = sections.indexOf(letter); at >= 0; at = sections.indexOf(letter, at + 1))
    if (!offer(ids[at]!, labels[at]!, evidenceDetail(outline, at, letter, days), [])) return
}

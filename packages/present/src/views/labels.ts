import type { CaseFile } from "@allegiance/domain"
import { caseIndex } from "./case-index.ts"

/**
 * What a reader calls each item of a case, by id: an actor by its primary name, a channel by its
 * handle, a statement by its serial or title, a source by its description. Built once per case; every
 * view names items through it, so that a list, a detail and a brief call an item the same thing.
 */
export interface CaseLabels {
  readonly of: (id: string) => string
  /** What kind of item an id names, or undefined when the case holds no such item. */
  readonly kindOf: (id: string) => ItemKind | undefined
}

export type ItemKind =
  | "actor"
  | "channel"
  | "source"
  | "statement"
  | "claim"
  | "observation"
  | "relationship"
  | "question"
  | "hypothesis"

/**
 * A name cut to at most `max` characters for a list or a heading: at the last word that fits, with an
 * ellipsis, so that no word is cut in two (a single word longer than half the room is cut where it must).
 */
const short = (text: string, max = 72) => {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const atWord = cut.lastIndexOf(" ")
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`
}

/**
 * What a reader calls an item where there is room for all of it (a table cell): a statement's serial or
 * whole title, an observation's whole description, a claim's whole summary or whole kind-and-maker name;
 * `labels.of` for the rest, whose names are short already.
 */
export const uncutName = (caseFile: CaseFile, labels: CaseLabels, id: string): string => {
  const index = caseIndex(caseFile)
  const statement = index.statements.get(id)
  if (statement !== undefined && labels.kindOf(id) === "statement")
    return statement.serial?.text ?? statement.title ?? id
  const observation = index.observations.get(id)
  if (observation !== undefined && labels.kindOf(id) === "observation") return observation.description
  const claim = index.claims.get(id)
  if (claim !== undefined && labels.kindOf(id) === "claim")
    return itemNames.claim(claim, (maker) => uncutName(caseFile, labels, maker), Number.POSITIVE_INFINITY)
  if (labels.kindOf(id) === "source") {
    const source = caseFile.sources.find((candidate) => candidate.id === id)
    if (source !== undefined) return itemNames.source(source, Number.POSITIVE_INFINITY)
  }
  return labels.of(id)
}

/**
 * A source's label after "by": its first clause, its article in lower case ("A member of the group
 * in the north, interviewed by..." → "a member of the group in the north").
 */
const sourceInPhrase = (label: string): string =>
  label
    .split(/[,;:(]/)[0]!
    .trim()
    .replace(/^(The|A|An) /, (article) => article.toLowerCase())

/**
 * What a reader calls each kind of item. The items may be the model's own or as a case file writes them
 * (the fields named here are the same in both), so that a list built from stored bodies and one built
 * from a decoded case name every item alike.
 */
export const itemNames = {
  actor: (actor: { readonly name: { readonly primary: string } }) => actor.name.primary,
  channel: (channel: { readonly handle: string }) => channel.handle,
  source: (source: { readonly description: string }, max = 72) =>
    short(source.description.replace(/\.$/, ""), max),
  statement: (statement: {
    readonly id: string
    readonly serial?: { readonly text: string } | undefined
    readonly title?: string | undefined
  }) => statement.serial?.text ?? short(statement.title ?? statement.id),
  /** A claim without a summary is named by its kind and by who makes it: "Dissolution claim in Statement 12". */
  claim: (
    claim: {
      readonly kind: string
      readonly summary?: string | undefined
      readonly madeBy: { readonly statement: string } | { readonly source: string }
    },
    of: (id: string) => string,
    max = 72
  ) => {
    if (claim.summary !== undefined) return short(claim.summary, max)
    const kind = claim.kind.replace(/-/g, " ")
    const by =
      "statement" in claim.madeBy
        ? `in ${of(claim.madeBy.statement)}`
        : `by ${sourceInPhrase(of(claim.madeBy.source))}`
    return short(`${kind.charAt(0).toUpperCase()}${kind.slice(1)} claim ${by}`, max)
  },
  observation: (observation: { readonly description: string }) => short(observation.description)
}

/**
 * Items are indexed once (`caseIndex`, shared with the other views), but each is named only when first
 * asked for: a large case holds hundreds of thousands of items and a view names a few hundred of them.
 */
export const caseLabels = (caseFile: CaseFile): CaseLabels => {
  const index = caseIndex(caseFile)
  // The few kinds a case holds tens of, by id; statements, claims and observations come from the index.
  const others = new Map<string, { readonly kind: ItemKind; readonly name: () => string }>()
  const put = (id: string, kind: ItemKind, name: () => string) => {
    others.set(id, { kind, name })
  }
  for (const actor of caseFile.actors) put(actor.id, "actor", () => itemNames.actor(actor))
  for (const channel of caseFile.channels) put(channel.id, "channel", () => itemNames.channel(channel))
  for (const source of caseFile.sources) put(source.id, "source", () => itemNames.source(source))
  for (const relationship of caseFile.relationships)
    put(relationship.id, "relationship", () => `${relationship.kind.replace(/-/g, " ")} (${relationship.id})`)
  for (const question of caseFile.questions) {
    put(question.id, "question", () => short(question.text))
    for (const hypothesis of question.hypotheses)
      put(hypothesis.id, "hypothesis", () => short(hypothesis.text))
  }
  // An id the case gives two items is named, and kinded, as the last of them in the order actors,
  // channels, sources, statements, claims, observations, relationships, questions, hypotheses.
  const kindOf = (id: string): ItemKind | undefined => {
    const other = others.get(id)
    if (
      other !== undefined &&
      (other.kind === "relationship" || other.kind === "question" || other.kind === "hypothesis")
    )
      return other.kind
    if (index.observations.has(id)) return "observation"
    if (index.claims.has(id)) return "claim"
    if (index.statements.has(id)) return "statement"
    return other?.kind
  }
  const labels = new Map<string, string>()
  const name = (id: string): string | undefined => {
    switch (kindOf(id)) {
      case "statement":
        return itemNames.statement(index.statements.get(id)!)
      case "claim":
        return itemNames.claim(index.claims.get(id)!, of)
      case "observation":
        return itemNames.observation(index.observations.get(id)!)
      case undefined:
        return undefined
      default:
        return others.get(id)!.name()
    }
  }
  const of = (id: string): string => {
    let label = labels.get(id)
    if (label === undefined) {
      label = name(id) ?? id
      labels.set(id, label)
    }
    return label
  }
  return { of, kindOf }
}

/**
 * The labels of a case after items were added to it or replaced: those items' own, and the case's
 * before for the rest, without naming the whole case again.
 */
export const labelsWith = (
  base: CaseLabels,
  items: {
    readonly statements?: ReadonlyArray<Parameters<typeof itemNames.statement>[0]>
    readonly claims?: ReadonlyArray<Parameters<typeof itemNames.claim>[0] & { readonly id: string }>
    readonly observations?: ReadonlyArray<
      Parameters<typeof itemNames.observation>[0] & { readonly id: string }
    >
  }
): CaseLabels => {
  const labels = new Map<string, string>()
  const kinds = new Map<string, ItemKind>()
  for (const statement of items.statements ?? []) {
    labels.set(statement.id, itemNames.statement(statement))
    kinds.set(statement.id, "statement")
  }
  const of = (id: string) => labels.get(id) ?? base.of(id)
  for (const claim of items.claims ?? []) {
    labels.set(claim.id, itemNames.claim(claim, of))
    kinds.set(claim.id, "claim")
  }
  for (const observation of items.observations ?? []) {
    labels.set(observation.id, itemNames.observation(observation))
    kinds.set(observation.id, "observation")
  }
  return { of, kindOf: (id) => kinds.get(id) ?? base.kindOf(id) }
}

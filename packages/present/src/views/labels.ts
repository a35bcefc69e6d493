import type { CaseFile } from "@allegiance/domain"

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

const short = (text: string, max = 72) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

/**
 * Items are indexed once, but each is named only when first asked for: a large case holds hundreds of
 * thousands of items and a view names a few hundred of them.
 */
export const caseLabels = (caseFile: CaseFile): CaseLabels => {
  const items = new Map<string, () => string>()
  const kinds = new Map<string, ItemKind>()
  const labels = new Map<string, string>()
  const put = (id: string, kind: ItemKind, label: () => string) => {
    items.set(id, label)
    kinds.set(id, kind)
  }
  const of = (id: string): string => {
    let label = labels.get(id)
    if (label === undefined) {
      label = items.get(id)?.() ?? id
      labels.set(id, label)
    }
    return label
  }
  for (const actor of caseFile.actors) put(actor.id, "actor", () => actor.name.primary)
  for (const channel of caseFile.channels) put(channel.id, "channel", () => channel.handle)
  for (const source of caseFile.sources)
    put(source.id, "source", () => short(source.description.replace(/\.$/, "")))
  for (const statement of caseFile.statements)
    put(statement.id, "statement", () => statement.serial?.text ?? short(statement.title ?? statement.id))
  // A claim without a summary is named by its kind and by who makes it: "Dissolution claim in Statement 449".
  for (const claim of caseFile.claims)
    put(claim.id, "claim", () => {
      if (claim.summary !== undefined) return short(claim.summary)
      const kind = claim.kind.replace(/-/g, " ")
      const by =
        "statement" in claim.madeBy ? `in ${of(claim.madeBy.statement)}` : `by ${of(claim.madeBy.source)}`
      return short(`${kind.charAt(0).toUpperCase()}${kind.slice(1)} claim ${by}`)
    })
  for (const observation of caseFile.observations)
    put(observation.id, "observation", () => short(observation.description))
  for (const relationship of caseFile.relationships)
    put(relationship.id, "relationship", () => `${relationship.kind.replace(/-/g, " ")} (${relationship.id})`)
  for (const question of caseFile.questions) {
    put(question.id, "question", () => short(question.text))
    for (const hypothesis of question.hypotheses)
      put(hypothesis.id, "hypothesis", () => short(hypothesis.text))
  }
  return { of, kindOf: (id) => kinds.get(id) }
}

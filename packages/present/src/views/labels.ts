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

export const caseLabels = (caseFile: CaseFile): CaseLabels => {
  const labels = new Map<string, string>()
  const kinds = new Map<string, ItemKind>()
  const put = (id: string, kind: ItemKind, label: string) => {
    labels.set(id, label)
    kinds.set(id, kind)
  }
  for (const actor of caseFile.actors) put(actor.id, "actor", actor.name.primary)
  for (const channel of caseFile.channels) put(channel.id, "channel", channel.handle)
  for (const source of caseFile.sources)
    put(source.id, "source", short(source.description.replace(/\.$/, "")))
  for (const statement of caseFile.statements)
    put(statement.id, "statement", statement.serial?.text ?? short(statement.title ?? statement.id))
  // A claim without a summary is named by its kind and by who makes it: "Dissolution claim in Statement 449".
  for (const claim of caseFile.claims) {
    const kind = claim.kind.replace(/-/g, " ")
    const by =
      "statement" in claim.madeBy
        ? `in ${labels.get(claim.madeBy.statement) ?? claim.madeBy.statement}`
        : `by ${labels.get(claim.madeBy.source) ?? claim.madeBy.source}`
    put(
      claim.id,
      "claim",
      short(claim.summary ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1)} claim ${by}`)
    )
  }
  for (const observation of caseFile.observations)
    put(observation.id, "observation", short(observation.description))
  for (const relationship of caseFile.relationships)
    put(relationship.id, "relationship", `${relationship.kind.replace(/-/g, " ")} (${relationship.id})`)
  for (const question of caseFile.questions) {
    put(question.id, "question", short(question.text))
    for (const hypothesis of question.hypotheses) put(hypothesis.id, "hypothesis", short(hypothesis.text))
  }
  return {
    of: (id) => labels.get(id) ?? id,
    kindOf: (id) => kinds.get(id)
  }
}

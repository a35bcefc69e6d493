import type { CaseFile } from "@allegiance/domain"

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`

/** A readable summary of a case: what it is about, who is in it, and what was said when. */
export const caseSummary = (caseFile: CaseFile): string => {
  const info = caseFile.case
  const actorName = new Map(caseFile.actors.map((actor) => [actor.id as string, actor.name.primary]))
  const channelHandle = new Map(caseFile.channels.map((channel) => [channel.id as string, channel.handle]))
  const lines: Array<string> = [`${info.title} (${info.id})`]
  if (info.document !== undefined)
    lines.push(
      `From: ${info.document.title}${info.document.author === undefined ? "" : `, by ${info.document.author}`}${info.document.published === undefined ? "" : `, ${info.document.published.text}`}`
    )
  for (const other of info.documents ?? []) {
    const by = other.author ?? other.publisher
    lines.push(
      `${info.document === undefined && other === info.documents![0] ? "From" : "Also from"}: ${other.title}${by === undefined ? "" : `, by ${by}`}${other.published === undefined ? "" : `, ${other.published.text}`} (${other.id})`
    )
  }
  if (info.summary !== undefined) lines.push("", info.summary)
  lines.push(
    "",
    [
      count(caseFile.actors.length, "actor"),
      count(caseFile.channels.length, "channel"),
      count(caseFile.sources.length, "source"),
      count(caseFile.statements.length, "statement"),
      count(caseFile.claims.length, "claim"),
      count(caseFile.observations.length, "observation"),
      count(caseFile.relationships.length, "relationship"),
      count(caseFile.questions.length, "open question")
    ].join(", ")
  )
  lines.push("", "Actors:")
  const children = new Map<string | undefined, Array<CaseFile["actors"][number]>>()
  for (const actor of caseFile.actors) {
    const parent = actor.parent !== undefined && actorName.has(actor.parent) ? actor.parent : undefined
    children.set(parent, [...(children.get(parent) ?? []), actor])
  }
  const walk = (parent: string | undefined, depth: number) => {
    for (const actor of children.get(parent) ?? []) {
      const aliases = actor.name.aliases.length === 0 ? "" : ` (also ${actor.name.aliases.join(", ")})`
      lines.push(`${"  ".repeat(depth + 1)}- ${actor.name.primary}${aliases} [${actor.kind}]`)
      walk(actor.id, depth + 1)
    }
  }
  walk(undefined, 0)
  lines.push("", "Statements, by date:")
  for (const statement of [...caseFile.statements].sort((a, b) =>
    a.observed.start < b.observed.start ? -1 : 1
  )) {
    const channel =
      statement.channel === undefined ? "channel not given" : channelHandle.get(statement.channel)
    const label = statement.serial?.text ?? statement.title ?? statement.id
    const printed =
      statement.printedDates.length === 0
        ? ""
        : `; printed ${statement.printedDates.map((d) => `"${d.text}"`).join(" / ")}`
    lines.push(
      `  ${statement.observed.text.padEnd(28)} ${label} (${statement.id}), ${channel}, in the name of ${actorName.get(statement.issuer.actor)}${printed}`
    )
  }
  if (caseFile.questions.length > 0) {
    lines.push("", "Open questions:")
    for (const question of caseFile.questions) {
      lines.push(`  ${question.text} (${question.id})`)
      for (const hypothesis of question.hypotheses) lines.push(`    - ${hypothesis.text} (${hypothesis.id})`)
    }
  }
  return lines.join("\n")
}

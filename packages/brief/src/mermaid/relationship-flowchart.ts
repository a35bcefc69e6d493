import type { ActorRow, BriefRelationship } from "@allegiance/present"
import { mermaidText } from "./escape.ts"

/** How many links a flowchart draws at most: Mermaid refuses more than 500, and a reader far fewer. */
export const flowchartLinkLimit = 60

const arrowOf = (status: BriefRelationship["status"]): string => {
  switch (status) {
    case "established":
      return "-->"
    case "contested":
    case "unsupported":
      return "-.->"
    case "refuted":
      return "--x"
  }
}

/**
 * A Mermaid flowchart of the relationships between actors: established links as solid arrows, contested
 * and unsupported ones dotted (their label says which), refuted ones crossed out at the end. Actors that
 * have ceased say so. Node ids are made here (a1, a2...), never taken from the case.
 */
export const relationshipFlowchart = (
  relationships: ReadonlyArray<BriefRelationship>,
  actors: ReadonlyArray<ActorRow>
): { readonly text: string; readonly drawn: number } => {
  const ceased = new Set(
    actors.filter((actor) => actor.lifecycle.state === "ceased").map((actor) => actor.id)
  )
  const drawn = relationships.slice(0, flowchartLinkLimit)
  const nodes = new Map<string, string>()
  const lines = ["flowchart LR"]
  const node = (actor: { readonly id: string; readonly name: string }) => {
    let id = nodes.get(actor.id)
    if (id === undefined) {
      id = `a${nodes.size + 1}`
      nodes.set(actor.id, id)
      const name = ceased.has(actor.id) ? `${actor.name} (ceased)` : actor.name
      lines.push(`  ${id}["${mermaidText(name) || id}"]`)
    }
    return id
  }
  for (const row of drawn) {
    const from = node(row.from)
    const to = node(row.to)
    const label = row.status === "established" ? row.words : `${row.words} (${row.badge.word})`
    lines.push(`  ${from} ${arrowOf(row.status)}|"${mermaidText(label)}"| ${to}`)
  }
  return { text: lines.join("\n"), drawn: drawn.length }
}

import type { ActorRow } from "@allegiance/present"
import { badge, fit, type Line, line, targetLine } from "../lines.ts"

const lifeTone = (state: ActorRow["lifecycle"]["state"]) =>
  state === "active" ? "good" : state === "ceased" ? "bad" : "quiet"

/** The actor tree: each actor, indented under its parent, with its names, lifecycle and relationships. */
export const actorLines = (actors: ReadonlyArray<ActorRow>, width: number): ReadonlyArray<Line> => {
  const lines: Array<Line> = []
  for (const actor of actors) {
    const indent = "  ".repeat(actor.depth)
    lines.push(
      targetLine(actor.id, indent, { text: actor.name, bold: true }, ` (${actor.kind}) `, {
        text: actor.lifecycle.words,
        tone: lifeTone(actor.lifecycle.state)
      })
    )
    const names = [
      ...actor.aliases,
      ...actor.transliterations,
      ...(actor.arabic === undefined ? [] : [actor.arabic])
    ]
    if (names.length > 0)
      lines.push({
        ...line({ text: fit(`${indent}  aka ${names.join(", ")}`, width), dim: true }),
        target: actor.id
      })
    for (const link of actor.relationships)
      lines.push({
        ...line(
          `${indent}  `,
          badge(link.badge),
          ` ${fit(link.outgoing ? `${link.words} ${link.other.name}` : `${link.other.name} ${link.words} it`, width - indent.length - 5)}`
        ),
        target: link.id
      })
  }
  return lines
}

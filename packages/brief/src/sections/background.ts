import type { ActorRow } from "@allegiance/present"
import type { ListItem, RootContent } from "mdast"
import { code, inlineCode, list, listItem, type Phrasing, paragraph, strong } from "../markdown/nodes.ts"
import { counted, oneLine, withStop } from "../markdown/words.ts"
import { eventsTimeline } from "../mermaid/events-timeline.ts"
import { flowchartLinkLimit, relationshipFlowchart } from "../mermaid/relationship-flowchart.ts"
import { writtenDate } from "./dates.ts"
import type { BriefWriter } from "./writer.ts"

const actorWords = (actor: ActorRow): ReadonlyArray<Phrasing> => {
  const words: Array<Phrasing> = [strong(oneLine(actor.name))]
  if (actor.arabic !== undefined) words.push(` (${oneLine(actor.arabic)})`)
  words.push(`, a ${actor.kind}`)
  const also = [...actor.aliases, ...actor.transliterations].map(oneLine).filter((name) => name !== "")
  if (also.length > 0) words.push(`; also ${also.join(", ")}`)
  if (actor.lifecycle.state === "active") words.push("; active")
  if (actor.lifecycle.state === "ceased")
    words.push(
      actor.lifecycle.since === undefined ? "; ceased" : `; ceased from ${writtenDate(actor.lifecycle.since)}`
    )
  words.push(".")
  if (actor.description !== undefined && oneLine(actor.description) !== "")
    words.push(` ${withStop(actor.description)}`)
  return words
}

/** The actor tree as nested lists, each actor followed by those below it. */
const actorTree = (actors: ReadonlyArray<ActorRow>): RootContent => {
  const items = (from: number, depth: number): { readonly items: Array<ListItem>; readonly next: number } => {
    const made: Array<ListItem> = []
    let at = from
    while (at < actors.length && actors[at]!.depth === depth) {
      const actor = actors[at]!
      const below = items(at + 1, depth + 1)
      const item = listItem(paragraph(...actorWords(actor)))
      if (below.items.length > 0) item.children.push(list(below.items))
      made.push(item)
      at = below.next
    }
    return { items: made, next: at }
  }
  return list(items(0, 0).items)
}

/** Who the actors are, how they relate (a flowchart and a list), and the key events (a timeline). */
export const background = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings, footnotes } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Background", "Background")]

  nodes.push(headings.make(3, "Actors", "Actors"))
  nodes.push(content.actors.length === 0 ? paragraph("The case names no actor.") : actorTree(content.actors))
  if (content.omitted.actors > 0)
    nodes.push(
      paragraph(
        `${counted(content.omitted.actors, "other actor")} of the case ${content.omitted.actors === 1 ? "is" : "are"} left out: the list keeps those the judgments and the relationships below name, with the groups they belong to. `,
        inlineCode("allegiance show"),
        " lists them all."
      )
    )

  nodes.push(headings.make(3, "How they relate", "How they relate"))
  if (content.relationships.length === 0)
    nodes.push(paragraph("Nothing in the case links one actor to another."))
  else {
    const chart = relationshipFlowchart(content.relationships, content.actors)
    nodes.push(
      paragraph(
        "Solid arrows are established links; dotted arrows are contested or unsupported ones; arrows ending in a cross are refuted."
      ),
      code("mermaid", chart.text)
    )
    if (chart.drawn < content.relationships.length)
      nodes.push(
        paragraph(
          `The diagram draws the first ${flowchartLinkLimit} of ${content.relationships.length} relationships, established ones first; the list has them all.`
        )
      )
    nodes.push(
      list(
        content.relationships.map((row) => {
          const words: Array<Phrasing> = [
            `${oneLine(row.from.name)} ${row.words} ${oneLine(row.to.name)}`,
            // The first and last days the evidence dates it to, which is not always when it began or ended.
            row.start === undefined ? "" : ` (from ${writtenDate(row.start)}`,
            row.start === undefined ? "" : row.end === undefined ? ")" : ` to ${writtenDate(row.end)})`,
            `: ${row.badge.word}, `,
            strong(row.confidence),
            row.accepted === false ? "; announced, not acknowledged by the recipient." : ".",
            ...footnotes.cite(row.cited)
          ]
          return listItem(paragraph(...words.filter((word) => word !== "")))
        })
      )
    )
  }

  if (content.omitted.relationships > 0)
    nodes.push(
      paragraph(
        `${counted(content.omitted.relationships, "more relationship")} ${content.omitted.relationships === 1 ? "is" : "are"} left out of this list, which keeps those the judgments name and then the established ones first. `,
        inlineCode("allegiance evaluate"),
        " lists them all."
      )
    )

  nodes.push(headings.make(3, "Key events", "Key events"))
  const { rows, more } = content.keyEvents
  if (rows.length === 0) nodes.push(paragraph(`No event was known by ${content.asOfWritten}.`))
  else {
    nodes.push(code("mermaid", eventsTimeline(rows, `Key events known by ${content.asOfWritten}`)))
    if (more > 0)
      nodes.push(paragraph(`The timeline leaves out ${more} more events that the chronology lists.`))
  }
  return nodes
}

import type { DisputedItem, DisputeSide } from "@allegiance/present"
import type { RootContent } from "mdast"
import { blockquote, bulletList, emphasis, inlineCode, type Phrasing, paragraph } from "../markdown/nodes.ts"
import { capitalised, counted, oneLine, withStop } from "../markdown/words.ts"
import { dateCheckWords } from "./chronology.ts"
import { verdictWords } from "./key-judgments.ts"
import { type BriefWriter, disputeKey } from "./writer.ts"

const sideWords = (writer: BriefWriter, side: DisputeSide, withSource: boolean): ReadonlyArray<Phrasing> => [
  ...(withSource && side.madeIn !== undefined
    ? [emphasis(oneLine(side.madeIn.label)), `: ${oneLine(side.about)}: `]
    : [`${capitalised(side.about)}: `]),
  side.status === undefined ? "not yet known" : `${side.badge.word}, ${side.confidence}`,
  ".",
  ...writer.footnotes.cite(side.sources)
]

const origin = (item: DisputedItem): ReadonlyArray<Phrasing> => {
  if (item.issued !== undefined) {
    const { title, actor, asPrinted, channel, date } = item.issued
    const when = date.text === date.gregorian ? date.text : `${oneLine(date.text)} (${date.gregorian})`
    return [
      ...(title === undefined || oneLine(title) === "" ? [] : [emphasis(oneLine(title)), ", "]),
      title === undefined || oneLine(title) === "" ? "Issued" : "issued",
      ` in the name of ${oneLine(actor.name)} (printed as “${oneLine(asPrinted)}”)`,
      channel === undefined ? "" : ` on ${oneLine(channel.handle)}`,
      `, ${when}.`
    ]
  }
  if (item.madeBy !== undefined)
    return [`${item.madeBy.kind === "statement" ? "Made in" : "Reported by"} ${oneLine(item.madeBy.label)}.`]
  return []
}

const disputedSection = (
  writer: BriefWriter,
  item: DisputedItem,
  index: number
): ReadonlyArray<RootContent> => {
  const { headings, footnotes } = writer
  const nodes: Array<RootContent> = [
    headings.make(3, item.label, `Disputed item ${index + 1}`, disputeKey(item.id))
  ]
  const from = origin(item).filter((part) => part !== "")
  if (from.length > 0) nodes.push(paragraph(...from))
  nodes.push(
    paragraph(
      `${capitalised(item.about)}: `,
      ...verdictWords(item.status, item.confidence, item.reason),
      ...footnotes.cite(item.sources)
    )
  )
  if (item.excerpt !== undefined) nodes.push(blockquote(paragraph(`“${oneLine(item.excerpt)}”`)))
  if (item.says.length > 0)
    nodes.push(
      paragraph(item.subject === "statement" ? "What it says:" : "What it claims:"),
      bulletList(item.says.map((side) => sideWords(writer, side, false)))
    )
  if (item.against.length > 0)
    nodes.push(
      paragraph("What the other side says:"),
      bulletList(item.against.map((side) => sideWords(writer, side, true)))
    )
  if (item.explanation.length > 0)
    nodes.push(
      paragraph("Why the verdict is what it is:"),
      bulletList(
        item.explanation.map((step) => [withStop(step.sentence), ...footnotes.cite(step.sources)]),
        true
      )
    )
  if (item.dateCheck !== undefined)
    nodes.push(
      paragraph(
        item.dateCheck.failed ? "The date check failed" : "The date check passed",
        ` (${dateCheckWords(item.dateCheck)}). ${withStop(item.dateCheck.explanation)}`
      )
    )
  if (item.wouldSettle.length > 0)
    nodes.push(
      paragraph("What evidence would settle it:"),
      bulletList(item.wouldSettle.map((words) => [withStop(words)]))
    )
  if (item.couldStillStand !== undefined)
    nodes.push(
      paragraph(
        item.couldStillStand
          ? "It could still stand: in at least one consistent reading of the evidence, it does."
          : "It cannot stand in any consistent reading of the evidence, though nothing yet defeats it outright."
      )
    )
  return nodes
}

/** Each disputed item in turn: where it comes from, what each side claims, why, the date check, what would settle it. */
export const disputed = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Disputed items", "Disputed items")]
  if (content.disputed.length === 0) {
    nodes.push(paragraph(`Nothing was in dispute on ${content.asOfWritten}.`))
    return nodes
  }
  content.disputed.forEach((item, index) => {
    nodes.push(...disputedSection(writer, item, index))
  })
  if (content.omitted.disputed > 0)
    nodes.push(
      paragraph(
        `${counted(content.omitted.disputed, "more item")} ${content.omitted.disputed === 1 ? "is" : "are"} in dispute; this brief sets out those its judgments rest on first. `,
        inlineCode("allegiance evaluate --explain"),
        " sets out each."
      )
    )
  return nodes
}

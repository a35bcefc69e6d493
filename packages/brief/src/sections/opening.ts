import type { RootContent } from "mdast"
import { emphasis, paragraph, strong } from "../markdown/nodes.ts"
import { oneLine, withStop } from "../markdown/words.ts"
import type { BriefWriter } from "./writer.ts"

/** The title, the day the brief speaks of, what it was drawn from, and the case's own summary. */
export const opening = ({ content, headings }: BriefWriter): ReadonlyArray<RootContent> => {
  const nodes: Array<RootContent> = [
    headings.make(1, content.title, `Brief on ${content.caseId}`),
    paragraph(
      "Brief as of ",
      strong(content.asOfWritten),
      ": judged only on what was known by that day. Every judgment below says how sure it is, in words of estimative probability, and why."
    )
  ]
  if (content.question !== undefined)
    nodes.push(paragraph("It answers one question: ", emphasis(oneLine(content.question.text))))
  if (content.summary !== undefined && oneLine(content.summary) !== "")
    nodes.push(paragraph(withStop(content.summary)))
  const document = content.document
  if (document !== undefined) {
    const by = document.author === undefined ? "" : ` by ${oneLine(document.author)}`
    const when = document.published === undefined ? "" : ` (${oneLine(document.published)})`
    nodes.push(paragraph("Drawn from ", emphasis(oneLine(document.title)), `${by}${when}.`))
  }
  return nodes
}

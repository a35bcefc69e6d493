import type { RootContent } from "mdast"
import { emphasis, type Phrasing, paragraph, strong } from "../markdown/nodes.ts"
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
  const others = content.documents ?? []
  if (others.length > 0) {
    const parts: Array<Phrasing> = [document === undefined ? "Drawn from " : "Also drawn from "]
    others.forEach((other, at) => {
      if (at > 0) parts.push(at === others.length - 1 ? "; and " : "; ")
      parts.push(emphasis(oneLine(other.title)))
      const by = other.author === undefined ? "" : ` by ${oneLine(other.author)}`
      const when = other.published === undefined ? "" : ` (${oneLine(other.published)})`
      parts.push(`${by}${when}`)
    })
    parts.push(".")
    nodes.push(paragraph(...parts))
  }
  return nodes
}

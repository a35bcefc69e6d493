import { reliabilityWords } from "@allegiance/domain"
import type { RootContent } from "mdast"
import { bulletList, paragraph } from "../markdown/nodes.ts"
import { oneLine, withStop } from "../markdown/words.ts"
import type { BriefWriter } from "./writer.ts"

/**
 * The sources, last: the notes of those the brief cites (the footnotes every citation above points to),
 * and a list of those it does not. Written after every other section, so that it knows what was cited.
 */
export const sources = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings, footnotes } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Sources", "Sources")]
  if (content.sources.length === 0) {
    nodes.push(paragraph("The case names no source."))
    return nodes
  }
  nodes.push(
    paragraph(
      "Reliability is graded on the Admiralty scale, from A (completely reliable) to F (reliability cannot be judged), on each source's record. The notes give each cited source's grade and why it was given."
    )
  )
  const uncited = content.sources.filter((source) => !footnotes.cited(source.id))
  if (uncited.length > 0)
    nodes.push(
      paragraph("In the case but not cited above:"),
      bulletList(
        uncited.map((source) => [
          `${withStop(oneLine(source.description) || source.id)} Graded ${source.reliability}, ${reliabilityWords[source.reliability]}.`
        ])
      )
    )
  nodes.push(...footnotes.definitions())
  return nodes
}

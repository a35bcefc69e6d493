import type { RootContent } from "mdast"
import { bulletList, paragraph } from "../markdown/nodes.ts"
import { capitalised, oneLine, withStop } from "../markdown/words.ts"
import type { BriefWriter } from "./writer.ts"

/** What the evaluation did not count because it was not (or not surely) known by the day, and why. */
export const leftOut = (writer: BriefWriter): ReadonlyArray<RootContent> => {
  const { content, headings } = writer
  const nodes: Array<RootContent> = [headings.make(2, "Left out", "Left out")]
  if (content.leftOut.length === 0) {
    nodes.push(paragraph(`Nothing was left out: everything in the case was known by ${content.asOfWritten}.`))
    return nodes
  }
  nodes.push(
    paragraph(`Not counted, because not known (or not surely known) by ${content.asOfWritten}:`),
    bulletList(
      content.leftOut.map((item) => [
        `${capitalised(oneLine(item.label) || item.id)}${item.kind === undefined ? "" : ` (${item.kind})`}: `,
        withStop(item.reason)
      ])
    )
  )
  return nodes
}

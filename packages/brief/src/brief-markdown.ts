import type { Root } from "mdast"
import { gfmToMarkdown } from "mdast-util-gfm"
import { toMarkdown } from "mdast-util-to-markdown"

/**
 * A brief's tree as GitHub-flavoured markdown, written by mdast-util-to-markdown with the GFM extensions
 * (tables, footnotes, autolink literals...), which escape whatever the case's text holds. Table pipes are
 * not padded: a chronology of thousands of rows would otherwise be padded to its widest cell.
 */
export const briefMarkdown = (tree: Root): string =>
  toMarkdown(tree, {
    bullet: "-",
    emphasis: "*",
    strong: "*",
    fence: "`",
    rule: "-",
    listItemIndent: "one",
    extensions: [gfmToMarkdown({ tablePipeAlign: false })],
    // A `#` opening a line that is not a heading is escaped too: markdownlint reads it as a heading
    // missing its space.
    unsafe: [{ character: "#", atBreak: true }]
  })

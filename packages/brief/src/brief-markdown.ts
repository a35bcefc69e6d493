import type { Root } from "mdast"
import { gfmToMarkdown } from "mdast-util-gfm"
import { type Options, toMarkdown } from "mdast-util-to-markdown"
import { plainText } from "./markdown/plain-text.ts"

/**
 * How a brief is written: GitHub-flavoured markdown by mdast-util-to-markdown with the GFM extensions
 * (tables, footnotes, autolinks...), which escape whatever the case's text holds. Table pipes are not
 * padded: a chronology of thousands of rows would otherwise be padded to its widest cell.
 */
export const briefMarkdownOptions: Options = {
  bullet: "-",
  emphasis: "*",
  strong: "*",
  fence: "`",
  rule: "-",
  listItemIndent: "one",
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  // A `#` opening a line that is not a heading is escaped too: markdownlint reads it as a heading
  // missing its space.
  unsafe: [{ character: "#", atBreak: true }],
  // Text is shown only the unsafe patterns that can match it: the same bytes, far fewer patterns run.
  handlers: { text: plainText }
}

/** A brief's tree as GitHub-flavoured markdown. */
export const briefMarkdown = (tree: Root): string => toMarkdown(tree, briefMarkdownOptions)

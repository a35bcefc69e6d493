/**
 * Small constructors for the mdast nodes a brief is made of, typed by `@types/mdast`. Text is put into
 * `text` nodes as it is and escaped by the serialiser, never by hand.
 */
import type {
  Blockquote,
  BlockContent,
  Code,
  Emphasis,
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text
} from "mdast"
import { flat } from "./words.ts"

export type Phrasing = PhrasingContent | string

const phrasing = (children: ReadonlyArray<Phrasing>): Array<PhrasingContent> =>
  children.map((child) => (typeof child === "string" ? text(child) : child))

/** Text from the case or the reasoning, on one line (a brief's text never carries the case's line breaks). */
export const text = (value: string): Text => ({ type: "text", value: flat(value) })

export const strong = (...children: ReadonlyArray<Phrasing>): Strong => ({
  type: "strong",
  children: phrasing(children)
})

export const emphasis = (...children: ReadonlyArray<Phrasing>): Emphasis => ({
  type: "emphasis",
  children: phrasing(children)
})

export const paragraph = (...children: ReadonlyArray<Phrasing>): Paragraph => ({
  type: "paragraph",
  children: phrasing(children)
})

export const heading = (depth: Heading["depth"], value: string): Heading => ({
  type: "heading",
  depth,
  children: [text(value)]
})

export const listItem = (...children: ReadonlyArray<BlockContent>): ListItem => ({
  type: "listItem",
  spread: false,
  children: [...children]
})

export const list = (items: ReadonlyArray<ListItem>, ordered = false): List => ({
  type: "list",
  ordered,
  ...(ordered ? { start: 1 } : {}),
  spread: false,
  children: [...items]
})

/** A list whose items are each one paragraph. */
export const bulletList = (items: ReadonlyArray<ReadonlyArray<Phrasing>>, ordered = false): List =>
  list(
    items.map((item) => listItem(paragraph(...item))),
    ordered
  )

export const blockquote = (...children: ReadonlyArray<BlockContent>): Blockquote => ({
  type: "blockquote",
  children: [...children]
})

export const inlineCode = (value: string): InlineCode => ({ type: "inlineCode", value })

export const code = (lang: string, value: string): Code => ({ type: "code", lang, meta: null, value })

export const link = (url: string, ...children: ReadonlyArray<Phrasing>): Link => ({
  type: "link",
  url,
  title: null,
  children: phrasing(children)
})

const cell = (content: ReadonlyArray<Phrasing>): TableCell => ({
  type: "tableCell",
  children: phrasing(content)
})
const row = (cells: ReadonlyArray<ReadonlyArray<Phrasing>>): TableRow => ({
  type: "tableRow",
  children: cells.map(cell)
})

/** A table with a header row; every row has as many cells as the header (missing cells are left empty). */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<ReadonlyArray<Phrasing>>>
): Table => ({
  type: "table",
  align: header.map(() => null),
  children: [
    row(header.map((name) => [name])),
    ...rows.map((cells) => row(header.map((_, index) => cells[index] ?? [])))
  ]
})

export const footnoteReference = (identifier: string): FootnoteReference => ({
  type: "footnoteReference",
  identifier,
  label: identifier
})

export const footnoteDefinition = (
  identifier: string,
  ...children: ReadonlyArray<BlockContent>
): FootnoteDefinition => ({
  type: "footnoteDefinition",
  identifier,
  label: identifier,
  children: [...children]
})

import fc from "fast-check"
import type { PhrasingContent, Root, RootContent, TableRow } from "mdast"
import { toMarkdown } from "mdast-util-to-markdown"
import { describe, expect, it } from "vitest"
import { briefMarkdown, briefMarkdownOptions } from "../src/brief-markdown.ts"

// The brief's text handler shows the serialiser's own handler fewer unsafe patterns: the markdown must
// be the bytes the serialiser writes with all of them, whatever the text and wherever it stands.

/** Pieces that mean something to markdown or GFM somewhere, and plain words between them. */
const pieces = [
  "a",
  "word",
  " ",
  "  ",
  "\t",
  "\n",
  "\r\n",
  ".",
  "1.",
  "2)",
  "-",
  "- ",
  "+",
  "*",
  "_",
  "a_b",
  "#",
  "# ",
  "=",
  ":",
  "-:",
  "|",
  "[",
  "]",
  "](",
  "![",
  "(",
  ")",
  "`",
  "~",
  "<",
  ">",
  "&",
  "&amp;",
  "\\",
  "\\*",
  '"',
  "'",
  "@",
  "a@b.co",
  "www.",
  "www.example.com",
  "http://",
  "https://x.org/a_b",
  "\u0000",
  "\u007f",
  "جماعة",
  "😀",
  "2.00",
  "17 Rabi’ al-Awal 1436"
]

const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((parts) => parts.join(""))

const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  text.map((value): PhrasingContent => ({ type: "text", value })),
  text.map((value): PhrasingContent => ({ type: "emphasis", children: [{ type: "text", value }] })),
  text.map((value): PhrasingContent => ({ type: "strong", children: [{ type: "text", value }] })),
  text.map((value): PhrasingContent => ({ type: "inlineCode", value })),
  fc
    .tuple(text, text)
    .map(([value, url]): PhrasingContent => ({ type: "link", url, children: [{ type: "text", value }] })),
  fc.constant<PhrasingContent>({ type: "footnoteReference", identifier: "1", label: "1" })
)

const line = fc.array(phrasing, { minLength: 1, maxLength: 5 })

const block: fc.Arbitrary<RootContent> = fc.oneof(
  line.map((children): RootContent => ({ type: "paragraph", children })),
  line.map((children): RootContent => ({ type: "heading", depth: 2, children })),
  fc.array(line, { minLength: 1, maxLength: 3 }).map(
    (items): RootContent => ({
      type: "list",
      ordered: false,
      spread: false,
      children: items.map((children) => ({
        type: "listItem",
        spread: false,
        children: [{ type: "paragraph", children }]
      }))
    })
  ),
  fc.array(fc.array(line, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }).map(
    (rows): RootContent => ({
      type: "table",
      children: rows.map(
        (cells): TableRow => ({
          type: "tableRow",
          children: cells.map((children) => ({ type: "tableCell", children }))
        })
      )
    })
  ),
  line.map((children): RootContent => ({ type: "blockquote", children: [{ type: "paragraph", children }] })),
  line.map(
    (children): RootContent => ({
      type: "footnoteDefinition",
      identifier: "1",
      label: "1",
      children: [{ type: "paragraph", children }]
    })
  )
)

const withAllPatterns = (tree: Root) => toMarkdown(tree, { ...briefMarkdownOptions, handlers: {} })

describe("the brief's text handler", () => {
  it("writes the bytes the serialiser's own handler writes, for any text anywhere", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (children) => {
        const tree: Root = { type: "root", children }
        expect(briefMarkdown(tree)).toBe(withAllPatterns(tree))
      }),
      { numRuns: 400 }
    )
  })

  it("escapes what the serialiser escapes (the comparison above is not between two unescaped texts)", () => {
    const tree: Root = {
      type: "root",
      children: [{ type: "paragraph", children: [{ type: "text", value: "1. a *b* [c](d) www.x.org" }] }]
    }
    expect(briefMarkdown(tree)).toBe(withAllPatterns(tree))
    expect(briefMarkdown(tree)).toContain("\\*b\\*")
    expect(briefMarkdown(tree)).toContain("\\[c]")
  })
})

import type { FootnoteDefinition, FootnoteReference, Heading, Root, RootContent, Table } from "mdast"
import remarkGfm from "remark-gfm"
import remarkParse from "remark-parse"
import { unified } from "unified"

/** The markdown read back as GitHub reads it: remark with GFM (tables, footnotes, autolinks). */
export const readBack = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown)

type AnyNode = Root | RootContent

const walk = (node: AnyNode, visit: (node: AnyNode) => void) => {
  visit(node)
  if ("children" in node) for (const child of node.children as ReadonlyArray<AnyNode>) walk(child, visit)
}

/** Every node of a tree, in document order. */
export const allNodes = (tree: Root): ReadonlyArray<AnyNode> => {
  const nodes: Array<AnyNode> = []
  walk(tree, (node) => nodes.push(node))
  return nodes
}

/** The text a node shows, as a reader sees it (references and breaks left out). */
export const shownText = (node: AnyNode): string => {
  if (node.type === "text" || node.type === "inlineCode") return node.value
  if (node.type === "footnoteReference") return ""
  if ("children" in node) return (node.children as ReadonlyArray<AnyNode>).map(shownText).join("")
  return ""
}

export const headingsOf = (tree: Root, depth?: number): ReadonlyArray<string> =>
  allNodes(tree)
    .filter(
      (node): node is Heading => node.type === "heading" && (depth === undefined || node.depth === depth)
    )
    .map(shownText)

export const tablesOf = (tree: Root): ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>> =>
  allNodes(tree)
    .filter((node): node is Table => node.type === "table")
    .map((table) => table.children.map((row) => row.children.map(shownText)))

export const mermaidBlocks = (tree: Root): ReadonlyArray<string> =>
  allNodes(tree).flatMap((node) => (node.type === "code" && node.lang === "mermaid" ? [node.value] : []))

/** The sections a brief must hold, in this order, under its one title. */
export const briefSectionTitles = [
  "Key judgments",
  "Background",
  "Chronology",
  "Disputed items",
  "Competing hypotheses",
  "Left out",
  "Sources"
]

/**
 * Every way a brief's structure can be broken, read back from its markdown: one title first, the
 * sections in order, tables whose rows all have the header's columns, footnote references without a
 * note and notes nothing cites. Empty when the structure holds.
 */
export const structureProblems = (markdown: string): ReadonlyArray<string> => {
  const tree = readBack(markdown)
  const problems: Array<string> = []
  const first = tree.children[0]
  if (first?.type !== "heading" || first.depth !== 1) problems.push("the brief does not open with its title")
  if (headingsOf(tree, 1).length !== 1) problems.push(`${headingsOf(tree, 1).length} titles instead of one`)
  const sections = headingsOf(tree, 2)
  if (JSON.stringify(sections) !== JSON.stringify(briefSectionTitles))
    problems.push(`sections ${JSON.stringify(sections)}, not ${JSON.stringify(briefSectionTitles)}`)
  for (const [at, table] of tablesOf(tree).entries()) {
    const columns = table[0]?.length ?? 0
    for (const [line, row] of table.entries())
      if (row.length !== columns)
        problems.push(`table ${at + 1}, row ${line}: ${row.length} cells for ${columns} columns`)
  }
  const nodes = allNodes(tree)
  const referenced = new Set(
    nodes
      .filter((node): node is FootnoteReference => node.type === "footnoteReference")
      .map((node) => node.identifier)
  )
  const defined = nodes
    .filter((node): node is FootnoteDefinition => node.type === "footnoteDefinition")
    .map((node) => node.identifier)
  if (new Set(defined).size !== defined.length) problems.push("a footnote is defined twice")
  for (const identifier of referenced)
    if (!defined.includes(identifier)) problems.push(`footnote ${identifier} is cited but has no note`)
  for (const identifier of defined)
    if (!referenced.has(identifier)) problems.push(`footnote ${identifier} has a note that nothing cites`)
  return problems
}

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { generateCase } from "@allegiance/case-generator"
import { type CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import type { Paragraph, PhrasingContent, Root } from "mdast"
import { describe, expect, it } from "vitest"
import { brief } from "../src/index.ts"
import { allNodes, readBack } from "./support/read-back.ts"

// What a writer would otherwise edit by hand before publishing a brief.

const readSeed = (): CaseFile => {
  const read = readCaseText(bundledCaseText(), "seed.yaml")
  if (Result.isFailure(read)) throw new Error("the bundled case does not read")
  return read.success
}

/**
 * The running text of each paragraph outside quotations and footnote definitions, as the brief's own
 * words: what is set apart as a title (emphasis, strong, code, a link) stands as "x", since a title
 * keeps its capitals wherever it stands.
 */
const runningText = (tree: Root): ReadonlyArray<string> => {
  const quoted = new Set<unknown>()
  for (const node of allNodes(tree))
    if (node.type === "blockquote" || node.type === "footnoteDefinition")
      for (const inner of allNodes({ type: "root", children: node.children } as Root)) quoted.add(inner)
  const words = (node: PhrasingContent): string =>
    node.type === "text"
      ? node.value
      : node.type === "emphasis" ||
          node.type === "strong" ||
          node.type === "inlineCode" ||
          node.type === "link"
        ? "x"
        : ""
  return allNodes(tree)
    .filter((node): node is Paragraph => node.type === "paragraph" && !quoted.has(node))
    .map((paragraph) => paragraph.children.map(words).join(""))
}

/** The words that open a name the case prints with a capital: actors, aliases, channels, serials, months. */
const printedNames = (caseFile: CaseFile): ReadonlySet<string> => {
  const names = new Set([
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  ])
  const add = (name: string | undefined) => {
    const first = name?.trim().split(/\s+/)[0]
    if (first !== undefined) names.add(first)
  }
  for (const actor of caseFile.actors)
    for (const name of [actor.name.primary, ...actor.name.aliases]) add(name)
  for (const channel of caseFile.channels) add(channel.handle)
  for (const statement of caseFile.statements) add(statement.serial?.text)
  return names
}

/** Each place a colon is followed by a capitalised word that is not a name the case prints so. */
const capitalsAfterColons = (caseFile: CaseFile, markdown: string): ReadonlyArray<string> => {
  const names = printedNames(caseFile)
  const found: Array<string> = []
  for (const text of runningText(readBack(markdown)))
    for (const match of text.matchAll(/:\s+([A-Z][A-Za-z'’-]*)/g)) {
      const word = match[1]!
      // An acronym or a word with capitals inside it is a name as printed.
      if (/[A-Z]/.test(word.slice(1)) || names.has(word)) continue
      found.push(text.slice(Math.max(0, match.index - 40), match.index + 40))
    }
  return found
}

describe("a brief's running text", () => {
  const seed = readSeed()
  const seedBrief = brief(seed, evaluateCase(seed, { asOf: "2015-01-09" as IsoDay })).markdown
  const generated = generateCase({ statements: 200, seed: 3 })
  const generatedBrief = brief(generated, evaluateCase(generated, { asOf: "2016-12-31" as IsoDay })).markdown

  it("puts no capital after a colon unless a name the case prints so follows it", () => {
    expect(capitalsAfterColons(seed, seedBrief)).toEqual([])
    expect(capitalsAfterColons(generated, generatedBrief)).toEqual([])
  })

  it("finds such a capital where one stands (the check can fail)", () => {
    expect(capitalsAfterColons(seed, "What defeats it: After the silence, it ended.\n")).toHaveLength(1)
    expect(capitalsAfterColons(seed, "What defeats it: JAI Iraq fell silent.\n")).toEqual([])
  })

  it("names no source by the whole of a long description before the sources section sets each out", () => {
    const text = runningText(readBack(seedBrief.slice(0, seedBrief.indexOf("\n## Sources")))).join("\n")
    for (const source of seed.sources)
      if (source.description.split(/\s+/).length > 8)
        expect(text).not.toContain(source.description.replace(/\.$/, ""))
  })
})

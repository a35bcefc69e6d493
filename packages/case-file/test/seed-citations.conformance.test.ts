import { readFileSync } from "node:fs"
import { join } from "node:path"
import { sharedDirectory } from "@allegiance/vitest-config"
import { describe, expect, it } from "vitest"
import { seedCase } from "./seed-case.ts"

// Paragraphs as the case counts them: the non-empty lines of the article, from the title on,
// before the reader comments.
const article = readFileSync(join(sharedDirectory, "seed", "jai-syria-allegiance-2015.txt"), "utf8")
const body = article.slice(0, article.indexOf("\nComments ("))
const paragraphs = body.split("\n").filter((line) => line.trim() !== "")
// Quotation marks and ellipses vary between the article and a case file; the words must not.
const normalise = (text: string) =>
  text
    .replace(/[‘’`']/g, "'")
    .replace(/[“”"]/g, '"')
    .replace(/\s+/g, " ")
    .trim()

describe("the seed case cites the article faithfully", () => {
  const seed = seedCase()
  const cited = [
    ...seed.actors,
    ...seed.channels,
    ...seed.sources,
    ...seed.statements,
    ...seed.claims,
    ...seed.observations,
    ...seed.relationships,
    ...seed.questions
  ].flatMap((item) => item.cites.map((citation) => ({ id: item.id, citation })))

  it("cites a paragraph the article has for every item, and no other document", () => {
    for (const { id, citation } of cited) {
      expect(citation.document, id).toBeUndefined()
      expect(citation.paragraph, id).toBeLessThanOrEqual(paragraphs.length)
    }
  })

  it("quotes every excerpt from the paragraph it cites", () => {
    for (const { id, citation } of cited) {
      if (citation.excerpt === undefined || citation.paragraph === undefined) continue
      const paragraph = normalise(paragraphs[citation.paragraph - 1]!)
      for (const part of fragments(citation.excerpt))
        expect(paragraph, `${id}, paragraph ${citation.paragraph}`).toContain(part)
    }
  })

  it("quotes each statement's excerpt from the article", () => {
    const text = normalise(body)
    for (const statement of seed.statements)
      for (const part of fragments(statement.excerpt ?? "")) expect(text, statement.id).toContain(part)
  })
})

/** The parts of an excerpt between its elisions ("..." or "…"), each of which must stand in the article. */
const fragments = (excerpt: string): ReadonlyArray<string> =>
  normalise(excerpt)
    .split(/\.\.\.|…/)
    .map((part) => part.replace(/[ .]+$/, "").trim())
    .filter((part) => part.length > 0)

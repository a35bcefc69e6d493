import { generateCase } from "@allegiance/case-generator"
import { evaluateCase, type IsoDay } from "@allegiance/domain"
import { describe, expect, it } from "vitest"
import { brief } from "../src/index.ts"
import { lintProblems } from "./support/lint.ts"
import { parseMermaid } from "./support/mermaid.ts"
import { headingsOf, mermaidBlocks, readBack, structureProblems, tablesOf } from "./support/read-back.ts"

describe.each([
  { statements: 200, seed: 3, asOf: "2016-12-31" },
  { statements: 200, seed: 11, asOf: "2014-06-30" }
])(
  "the brief of a generated case of $statements statements (seed $seed) as of $asOf",
  ({ statements, seed, asOf }) => {
    const caseFile = generateCase({ statements, seed })
    const evaluation = evaluateCase(caseFile, { asOf: asOf as IsoDay })
    const { markdown } = brief(caseFile, evaluation)
    const tree = readBack(markdown)

    it("reads back with its sections in order, whole tables and every footnote resolved", () => {
      expect(structureProblems(markdown)).toEqual([])
    })

    it("passes markdownlint", () => {
      expect(lintProblems(markdown)).toEqual([])
    })

    it("cuts no name in a table", () => {
      const cells = tablesOf(tree).flatMap((table) => table.flat())
      expect(cells.length).toBeGreaterThan(0)
      for (const cell of cells) expect(cell).not.toContain("…")
    })

    it("keeps to a brief: at most 300 chronology rows and 25 disputes set out, saying how many more there are", () => {
      const known = evaluation.statements.length + evaluation.observations.length
      const rows = tablesOf(tree)[0]!.length - 1
      expect(rows).toBe(Math.min(known, 300))
      if (known > 300)
        expect(markdown).toContain(`${known - 300} earlier statements and observations are left out`)
      const contested = [...evaluation.statements, ...evaluation.claims].filter(
        (v) => v.status === "contested"
      )
      if (contested.length > 0) expect(headingsOf(tree, 3).length).toBeGreaterThan(0)
    })

    it("draws diagrams that Mermaid parses", async () => {
      const blocks = mermaidBlocks(tree)
      expect(blocks.length).toBeGreaterThan(0)
      for (const block of blocks) expect(["flowchart-v2", "timeline"]).toContain(await parseMermaid(block))
    })
  }
)

import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import { type CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import type { ListItem, Root } from "mdast"
import { describe, expect, it } from "vitest"
import { brief } from "../src/index.ts"
import { lintProblems } from "./support/lint.ts"
import { flowchartLabels, parseMermaid, timelineEvents } from "./support/mermaid.ts"
import {
  allNodes,
  headingsOf,
  mermaidBlocks,
  readBack,
  shownText,
  structureProblems,
  tablesOf
} from "./support/read-back.ts"

const readSeed = (): CaseFile => {
  const read = readCaseText(bundledCaseText(), "seed.yaml")
  if (Result.isFailure(read)) throw new Error("the bundled case does not read")
  return read.success
}
const seed = readSeed()
const briefOn = (day: string, options: Parameters<typeof brief>[2] = {}) =>
  brief(seed, evaluateCase(seed, { asOf: day as IsoDay }), options).markdown

const markdown = briefOn("2015-01-09")
const tree = readBack(markdown)

/** The text of the section under a level-2 heading, up to the next one. */
const section = (root: Root, title: string): string => {
  const at = root.children.findIndex(
    (node) => node.type === "heading" && node.depth === 2 && shownText(node) === title
  )
  const end = root.children.findIndex(
    (node, index) => index > at && node.type === "heading" && node.depth === 2
  )
  return root.children
    .slice(at + 1, end === -1 ? undefined : end)
    .map(shownText)
    .join("\n")
}

const keyJudgments = (): ReadonlyArray<string> => {
  const list = tree.children.find(
    (node, index) => node.type === "list" && shownText(tree.children[index - 1]!) === "Key judgments"
  )
  return list?.type === "list" ? list.children.map((item: ListItem) => shownText(item)) : []
}

describe("the seed brief as of 9 January 2015", () => {
  it("reads back with its sections in order, whole tables and every footnote resolved", () => {
    expect(structureProblems(markdown)).toEqual([])
    expect(headingsOf(tree, 1)).toEqual([seed.case.title])
  })

  it("passes markdownlint", () => {
    expect(lintProblems(markdown)).toEqual([])
  })

  it("cuts no name in a table: a cell has room for the whole of it", () => {
    const tables = tablesOf(tree)
    expect(tables.length).toBeGreaterThan(1)
    const long = seed.observations.filter((observation) => observation.description.length > 72)
    expect(long.length).toBeGreaterThan(0)
    for (const table of tables)
      for (const row of table) for (const cell of row) expect(cell).not.toContain("…")
    const cells = tables.flatMap((table) => table.flat())
    for (const observation of long)
      expect(
        cells.some((cell) => cell.startsWith(observation.description.replace(/\.$/, ""))),
        observation.id
      ).toBe(true)
  })

  it("is the same, byte for byte, for the same case and day", () => {
    const again = readSeed()
    expect(brief(again, evaluateCase(again, { asOf: "2015-01-09" as IsoDay })).markdown).toBe(markdown)
  })

  it("judges first that a faction defected and JAI Syria continues, ranked first of three", () => {
    const [first] = keyJudgments()
    expect(first).toContain("Is this the end of JAI Syria?")
    expect(first).toContain(
      "Of 3 hypotheses, the leading one: A faction defected to IS and JAI Syria continues."
    )
    expect(first).toMatch(/Established, likely, because/)
  })

  it("states the article's conclusions among its key judgments, each with its estimative words", () => {
    const judgments = keyJudgments()
    const about = (start: string) => judgments.find((judgment) => judgment.startsWith(start)) ?? ""
    // JAI Iraq's pledge stands; its denial was answered.
    expect(about("JAI Iraq pledged to Islamic State")).toMatch(/: established, very likely, because/)
    expect(about("JAI Iraq pledged to Islamic State")).toContain(
      "Said against it, and defeated: JAI Iraq denies"
    )
    expect(about("That JAI Iraq continues to exist")).toMatch(/refuted, very unlikely/)
    expect(about("That JAI Iraq continues to exist")).toContain("fell silent")
    // The supporter account's whole-group pledge is overreach.
    expect(about("Jamaat Ansar al-Islam pledged to Islamic State")).toMatch(/refuted, very unlikely/)
    expect(about("Jamaat Ansar al-Islam pledged to Islamic State")).toContain("overreach")
    // Statement 449 is in dispute, and JAI Syria goes on.
    expect(about("The attribution of Statement 449")).toMatch(/contested, roughly even chance/)
    // Whole-group pledge: in dispute, not refuted: the only evidence of the group going on after it comes
    // from the deniers' own account, which is not independent of them (DOMAIN.md, rule 5).
    expect(about("JAI Syria pledged to Islamic State")).toMatch(/contested/)
    expect(about("That JAI Syria continues to exist")).toMatch(/established, very likely/)
    // Every judgment cites a source.
    for (const judgment of judgments) expect(judgment).toMatch(/because .+\./)
  })

  it("links a disputed key judgment to its dispute", () => {
    const links = allNodes(tree).flatMap((node) => (node.type === "link" ? [node.url] : []))
    expect(links).toContain("#statement-449")
    expect(lintProblems(markdown).filter((problem) => problem.includes("MD051"))).toEqual([])
  })

  it("sets out Statement 449's dispute: the lost account, the two channels disowning each other, consistent dates", () => {
    const disputes = section(tree, "Disputed items")
    expect(headingsOf(tree, 3)).toEqual(
      expect.arrayContaining([
        "Statement 449",
        "Notice that @ansarulsham has been lost",
        "Graduation of a new cohort of children from a Qur'an memorization school"
      ])
    )
    expect(disputes).toContain("Allegiance of JAI in Bilad al-Sham [Syria] to IS")
    expect(disputes).toContain("Notice that @ansarulsham has been lost: that @ansarulsham was compromised")
    expect(disputes).toContain("Statement 449: that statements on @ansarulsham after number 449")
    expect(disputes).toContain(
      'The date check passed (consistent). The Hijri date "17 Rabi’ al-Awal 1436" is 8 January 2015 in the Umm al-Qura calendar'
    )
    expect(disputes).toContain("What evidence would settle it:")
  })

  it("flags the graduation photos' dates as 4 days apart, and still counts the graduation as activity", () => {
    expect(section(tree, "Disputed items")).toContain("The date check failed (4 days apart: inconsistent)")
    const [chronology] = tablesOf(tree)
    const graduation = chronology!.find((row) => row[0] === "17 Rabi al-Awal 1436 AH / 4 January 2015")
    expect(graduation?.[1]).toBe("8 January 2015 / 4 January 2015 (4 days apart: inconsistent)")
    const matrix = tablesOf(tree)[1]!
    const activity = matrix.find((row) => row[0]!.startsWith("A graduation of children"))
    expect(activity?.[1]).toBe("consistent")
  })

  it("has a chronology row for every statement and observation, with date, channel, issuer and verdict", () => {
    const [chronology] = tablesOf(tree)
    expect(chronology![0]).toEqual([
      "Date as printed",
      "Date converted",
      "Item",
      "Channel",
      "Issuer",
      "Verdict"
    ])
    expect(chronology!.length - 1).toBe(seed.statements.length + seed.observations.length)
    const statement449 = chronology!.find((row) => row[2] === "Statement 449")!
    expect(statement449).toEqual([
      "17 Rabi’ al-Awal 1436 / 8 January 2015",
      "8 January 2015 / 8 January 2015 (consistent)",
      "Statement 449",
      "@ansarulsham",
      "Leadership of JAI in Bilad al-Sham",
      "contested, roughly even chance"
    ])
  })

  it("ranks the hypotheses in a matrix and names the most diagnostic evidence", () => {
    const hypotheses = section(tree, "Competing hypotheses")
    expect(hypotheses.indexOf("A faction defected to IS and JAI Syria continues.")).toBeLessThan(
      hypotheses.indexOf("JAI Syria as a whole joined IS.")
    )
    expect(hypotheses).toContain("The most diagnostic evidence is ")
    const matrix = tablesOf(tree)[1]!
    expect(matrix[0]).toEqual(["Evidence", "1", "2", "3", "Diagnosticity"])
  })

  it("gives the relationships of January 2015, and shows actors by name and in Arabic script", () => {
    const background = section(tree, "Background")
    expect(background).toContain(
      "JAI Syria cooperates with Jabhat al-Nusra (from 18 December 2014): established"
    )
    expect(background).toContain(
      "JAI Syria is protected by Jabhat al-Nusra (from 18 December 2014): unsupported"
    )
    expect(background).toContain("JAI Syria has members who pledged allegiance to Jabhat al-Nusra")
    expect(background).toContain("JAI Syria is a rival of Islamic State")
    expect(background).toContain(
      "JAI Syria pledged allegiance to Islamic State (from 8 January 2015): contested"
    )
    expect(background).toContain("announced, not acknowledged by the recipient")
    expect(background).toContain("Jamaat Ansar al-Islam (جماعة أنصار الإسلام)")
  })

  it("draws the relationships and the key events in diagrams Mermaid parses", async () => {
    const [flowchart, timeline, ...others] = mermaidBlocks(tree)
    expect(others).toEqual([])
    expect(await parseMermaid(flowchart!)).toBe("flowchart-v2")
    expect(await parseMermaid(timeline!)).toBe("timeline")
    const { nodes, links } = await flowchartLabels(flowchart!)
    expect(nodes).toEqual(expect.arrayContaining(["JAI Syria", "Islamic State", "JAI Iraq (ceased)"]))
    // Contested and unsupported links are dotted, refuted ones crossed, established ones solid.
    expect(links.find((link) => link.text === "cooperates with")?.stroke).toBe("normal")
    expect(links.find((link) => link.text === "is protected by (unsupported)")?.stroke).toBe("dotted")
    expect(links.find((link) => link.text === "pledged allegiance to (refuted)")?.type).toBe("arrow_cross")
    const events = (await timelineEvents(timeline!)).flatMap((period) => period.events)
    expect(events).toEqual(
      expect.arrayContaining(["Statement 449", "Dissolution of JAI in Iraq and joining IS"])
    )
  })

  it("cites each source in a footnote giving its reliability grade", () => {
    const notes = allNodes(tree).flatMap((node) =>
      node.type === "footnoteDefinition" ? [shownText(node)] : []
    )
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^The @ansarulsham account itself\. Graded B, usually reliable\./),
        expect.stringMatching(/^The supporter account @ansaruna\. Graded E, unreliable\./)
      ])
    )
  })

  it("says nothing was left out on the 9th, and what was on the 7th, and why", () => {
    expect(section(tree, "Left out")).toContain("Nothing was left out")
    const earlier = readBack(briefOn("2015-01-07"))
    expect(section(earlier, "Left out")).toMatch(/Statement 449 \(statement\): dated 8 January 2015/)
    expect(structureProblems(briefOn("2015-01-07"))).toEqual([])
  })

  it("answers one question when asked", () => {
    const narrowed = readBack(briefOn("2015-01-09", { question: "q-which-account" }))
    expect(headingsOf(narrowed, 3)).toContain(
      "Which of the two accounts represents the majority of JAI Syria?"
    )
    expect(headingsOf(narrowed, 3)).not.toContain("Is this the end of JAI Syria?")
  })
})

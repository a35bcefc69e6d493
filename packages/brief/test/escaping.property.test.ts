import { CaseFile, evaluateCase, type IsoDay } from "@allegiance/domain"
import { caseLabels, uncutName } from "@allegiance/present"
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { brief } from "../src/index.ts"
import { oneLine, shortened } from "../src/markdown/words.ts"
import { lintProblems } from "./support/lint.ts"
import { flowchartLabels, parseMermaid, timelineEvents } from "./support/mermaid.ts"
import { mermaidBlocks, readBack, structureProblems, tablesOf } from "./support/read-back.ts"

/** Pieces that mean something to markdown, GFM, Mermaid or a table, and scripts other than Latin. */
const awkward = [
  "|",
  "*",
  "**",
  "_",
  "[",
  "]",
  "[^1]",
  "`",
  "```",
  "\n",
  "\r\n",
  "\t",
  "#",
  "# ",
  "%%",
  ":",
  ": ",
  '"',
  "'",
  "<b>",
  "&amp;",
  "#35;",
  "\\",
  "-->",
  "---",
  "1. ",
  "- ",
  "> ",
  "www.example.com",
  "https://example.com/a_b",
  "a@b.co",
  "جماعة أنصار الإسلام",
  "١٧ ربيع الأول ١٤٣٦",
  "Ансар",
  "😀",
  "e\u0301",
  "\u200f",
  "  ",
  "style",
  "end",
  "section",
  "{",
  "}",
  ";",
  "!"
]

const words = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }),
  fc
    .array(fc.constantFrom(...awkward, "a", "Word", " "), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(""))
)

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/), { minLength: 14, maxLength: 14 })

const cites = [{ paragraph: 1 }]

/** A small case in the shape of the seed (a pledge in dispute between two channels), with these words and ids. */
const caseWith = (id: ReadonlyArray<string>, w: ReadonlyArray<string>) => ({
  case: { id: id[0]!, title: w[0]!, summary: w[1]! },
  actors: [
    { id: id[1]!, kind: "group", name: { primary: w[2]!, arabic: w[3]!, aliases: [w[4]!] }, cites },
    { id: id[2]!, kind: "branch", parent: id[1]!, name: { primary: w[5]! }, description: w[6]!, cites },
    { id: id[3]!, kind: "group", name: { primary: w[7]! }, cites }
  ],
  channels: [
    { id: id[4]!, kind: "social-media-account", handle: w[8]!, speaksFor: id[2]!, cites },
    { id: id[5]!, kind: "social-media-account", handle: w[9]!, speaksFor: id[2]!, cites }
  ],
  sources: [
    { id: id[6]!, kind: "actor-channel", channel: id[4]!, description: w[10]!, reliability: "B", cites },
    {
      id: id[7]!,
      kind: "field-interview",
      description: w[11]!,
      reliability: "B",
      reliabilityReason: w[12]!,
      cites
    }
  ],
  statements: [
    {
      id: id[8]!,
      title: w[13]!,
      serial: { text: w[14]! },
      issuer: { nameAsPrinted: w[15]!, actor: id[2]! },
      channel: id[4]!,
      printedDates: ["17 Rabi al-Awal 1436", "4 January 2015"],
      observed: "8 January 2015",
      excerpt: w[16]!,
      cites
    },
    {
      id: id[9]!,
      title: w[17]!,
      issuer: { nameAsPrinted: w[18]!, actor: id[2]! },
      channel: id[5]!,
      observed: "7 January 2015",
      cites
    }
  ],
  claims: [
    {
      id: id[10]!,
      kind: "pledge",
      scope: id[2]!,
      pledger: id[2]!,
      recipient: id[3]!,
      madeBy: { statement: id[8]! },
      cites
    },
    {
      id: id[11]!,
      kind: "channel-compromised",
      scope: id[2]!,
      channel: id[4]!,
      since: "6 January 2015",
      madeBy: { statement: id[9]! },
      cites
    },
    {
      id: id[12]!,
      kind: "cooperation",
      scope: id[2]!,
      actor: id[2]!,
      with: id[1]!,
      madeBy: { source: id[7]! },
      reported: "20 December 2014",
      summary: w[19]!,
      credibility: 2,
      cites
    }
  ],
  observations: [
    {
      id: id[13]!,
      kind: "activity",
      actor: id[2]!,
      source: id[7]!,
      date: "6 January 2015",
      description: w[20]!,
      cites
    }
  ],
  questions: [
    {
      id: `q-${id[0]!}`,
      text: w[21]!,
      about: id[2]!,
      hypotheses: [
        {
          id: `h1-${id[0]!}`,
          text: w[22]!,
          expects: [{ kind: "pledge", pledger: id[2]!, recipient: id[3]!, holds: true }],
          cites
        },
        {
          id: `h2-${id[0]!}`,
          text: w[23]!,
          expects: [{ kind: "continued-existence", actor: id[2]!, holds: true }],
          cites
        }
      ],
      cites
    }
  ]
})

const decode = Schema.decodeUnknownSync(CaseFile)

describe("a brief of a case whose names, quotes and ids hold anything", () => {
  it("keeps its structure, its tables, its footnotes and its diagrams, and passes markdownlint", async () => {
    await fc.assert(
      fc.asyncProperty(ids, fc.array(words, { minLength: 24, maxLength: 24 }), async (id, w) => {
        const caseFile = decode(caseWith(id, w))
        const evaluation = evaluateCase(caseFile, { asOf: "2015-02-01" as IsoDay })
        const { markdown } = brief(caseFile, evaluation)
        expect(structureProblems(markdown)).toEqual([])
        expect(lintProblems(markdown)).toEqual([])

        const tree = readBack(markdown)
        const labels = caseLabels(caseFile)
        const [chronology] = tablesOf(tree)
        // The text in each cell reads back as the case gave it, on one line. The statement is the one that
        // prints two dates (names may repeat).
        const row = chronology!.find((cells) => cells[0] === "17 Rabi al-Awal 1436 / 4 January 2015")
        expect(row).toBeDefined()
        // A table has room for the whole title, which a list would cut.
        expect(row![2]).toBe(oneLine(uncutName(caseFile, labels, id[8]!)) || id[8]!)
        expect(row![3]).toBe(oneLine(w[8]!))
        expect(row![4]).toBe(oneLine(w[15]!))

        const [flowchart, timeline] = mermaidBlocks(tree)
        expect(await parseMermaid(flowchart!)).toBe("flowchart-v2")
        expect(await parseMermaid(timeline!)).toBe("timeline")
        const names = [w[2]!, w[5]!, w[7]!].map((name) => shortened(name, 60))
        const { nodes } = await flowchartLabels(flowchart!)
        for (const node of nodes)
          expect(names.some((name) => node.startsWith(name.trim()) || name === "")).toBe(true)
        const events = (await timelineEvents(timeline!)).flatMap((period) => period.events)
        expect(events).toContain(shortened(labels.of(id[8]!), 60).trim() || "an event")
      }),
      { numRuns: 40 }
    )
  })
})

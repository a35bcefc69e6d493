import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import {
  Actor,
  appendToCase,
  type CaseFile,
  CaseInfo,
  Channel,
  Claim,
  Observation,
  Source,
  Statement
} from "@allegiance/domain"
import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  caseLabels,
  caseOutlineOf,
  checkForm,
  formContextOf,
  newForm,
  outlineIndexer,
  outlineLookup,
  outlineOfStored,
  outlineWithItem,
  setField,
  timelineIndex,
  withEvidence
} from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const seed = read.success

const encode = {
  case: Schema.encodeSync(CaseInfo),
  actors: Schema.encodeSync(Actor),
  channels: Schema.encodeSync(Channel),
  sources: Schema.encodeSync(Source),
  statements: Schema.encodeSync(Statement),
  claims: Schema.encodeSync(Claim as unknown as Schema.Codec<unknown, unknown>),
  observations: Schema.encodeSync(Observation)
}

/** The case's items as a store keeps them: each section's bodies as a case file writes them. */
const storedItems = (caseFile: CaseFile) => [
  { kind: "case", body: encode.case(caseFile.case) },
  ...caseFile.actors.map((item) => ({ kind: "actors", body: encode.actors(item) })),
  ...caseFile.channels.map((item) => ({ kind: "channels", body: encode.channels(item) })),
  ...caseFile.sources.map((item) => ({ kind: "sources", body: encode.sources(item) })),
  ...caseFile.statements.map((item) => ({ kind: "statements", body: encode.statements(item) })),
  ...caseFile.claims.map((item) => ({ kind: "claims", body: encode.claims(item) })),
  ...caseFile.observations.map((item) => ({ kind: "observations", body: encode.observations(item) })),
  ...caseFile.relationships.map((item) => ({ kind: "relationships", body: item })),
  ...caseFile.questions.map((item) => ({ kind: "questions", body: item }))
]

const decodeStatement = Schema.decodeUnknownSync(Statement)
const newStatement = {
  id: "st-new",
  issuer: { nameAsPrinted: "General Command of JAI", actor: "jai-syria" },
  channel: "ansarulsham",
  printedDates: ["17 Rabi' al-Awwal 1436"],
  observed: "8 January 2015",
  cites: [{ paragraph: 3 }]
}

/** What an outline shows: its names, counts, and every row of its timeline in order, dates read. */
const shown = (outline: ReturnType<typeof caseOutlineOf>) => {
  const index = timelineIndex(outline)
  return {
    case: outline.case,
    counts: outline.counts,
    // In any order: an item saved later is named after the rest.
    names: outline.names.ids
      .map((id, at) =>
        [
          id,
          outline.names.sections[at],
          outline.names.labels[at],
          outline.names.kindNames[outline.names.kinds[at]!] ?? ""
        ].join("|")
      )
      .sort(),
    rows: Array.from({ length: index.length }, (_, at) => index.row(at, undefined))
  }
}

describe("a case's outline", () => {
  it("is the same read from stored bodies as from the decoded case", () => {
    expect(outlineOfStored(storedItems(seed))).toEqual(caseOutlineOf(seed))
  })

  it("names every item as the case's labels do, and counts every section", () => {
    const outline = caseOutlineOf(seed)
    const labels = caseLabels(seed)
    const lookup = outlineLookup(outline)
    for (const item of [
      ...seed.actors,
      ...seed.channels,
      ...seed.sources,
      ...seed.statements,
      ...seed.claims
    ])
      expect(lookup.of(item.id)).toBe(labels.of(item.id))
    expect(lookup.sectionOf("st-449")).toBe("statements")
    expect(lookup.sectionOf("nobody")).toBeUndefined()
    expect(outline.counts.statements).toBe(seed.statements.length)
    expect(outline.counts.questions).toBe(seed.questions.length)
    expect(outline.timeline.items).toHaveLength(seed.statements.length + seed.observations.length)
  })

  it("after a saved item, is the outline of the case with that item", () => {
    const added = outlineWithItem(caseOutlineOf(seed), "statements", newStatement)
    const appended = appendToCase(seed, { statements: [decodeStatement(newStatement)] })
    expect(shown(added)).toEqual(shown(caseOutlineOf(appended)))
    expect(timelineIndex(added).row(timelineIndex(added).placeOf("st-new")!, undefined).label).toBe("st-new")
    // An edit that moves the item in time moves its row.
    const moved = outlineWithItem(added, "statements", { ...newStatement, observed: "1 March 2014" })
    const replaced = appendToCase(seed, {
      statements: [decodeStatement({ ...newStatement, observed: "1 March 2014" })]
    })
    expect(shown(moved)).toEqual(shown(caseOutlineOf(replaced)))
  })
})

describe("an outline's index of ids built a slice at a time", () => {
  it("takes a slice per step until complete, and finds every id where the outline names it", () => {
    // An outline of its own: the case's may be indexed already.
    const outline = { ...caseOutlineOf(seed) }
    const { ids } = outline.names
    const step = outlineIndexer(outline, 7)
    let steps = 1
    while (!step()) steps++
    expect(steps).toBe(Math.ceil(ids.length / 7))
    const lookup = outlineLookup(outline)
    for (const id of ids) expect(ids[lookup.indexOf(id)!]).toBe(id)
    expect(lookup.indexOf(ids[0]!)).toBe(0)
    expect(lookup.indexOf("no such id")).toBeUndefined()
  })

  it("is completed at once when looked up before the last slice", () => {
    const outline = { ...caseOutlineOf(seed) }
    const step = outlineIndexer(outline, 5)
    step()
    const last = outline.names.ids.at(-1)!
    expect(outlineLookup(outline).indexOf(last)).toBe(outline.names.ids.lastIndexOf(last))
    expect(step()).toBe(true)
  })
})

describe("a form over an outline", () => {
  const context = formContextOf(caseOutlineOf(seed))
  const claim = () =>
    [
      "kind:denial",
      "scope:jai-syria",
      "madeBy.statement:st-449",
      "target:st-jai-iraq-shura-2014-08",
      "cites.0.paragraph:2"
    ]
      .map((pair) => pair.split(":") as [string, string])
      .reduce((form, [key, value]) => setField(form, key, value), newForm("claim", context))

  it("waits for the items it names before it passes, then checks them", () => {
    const before = checkForm(claim(), context)
    expect(before.fields).toEqual({})
    expect(before.item).toBeUndefined()
    expect([...(before.pending ?? [])].sort()).toEqual(["st-449", "st-jai-iraq-shura-2014-08"])
    const fetched = withEvidence(
      context,
      ["st-449", "st-jai-iraq-shura-2014-08"].map((id) => ({
        section: "statements",
        body: encode.statements(seed.statements.find((statement) => statement.id === id)!)
      }))
    )
    const after = checkForm(claim(), fetched)
    expect(after.pending).toBeUndefined()
    expect(after.fields).toEqual({})
    expect(after.item?.section).toBe("claims")
  })
})

import { afterEach, describe, expect, it } from "vitest"
import { helpFor } from "../src/ui/key-bindings.ts"
import type { ViewName } from "../src/ui/view-names.ts"
import { memoryAccess } from "./support/memory-access.ts"
import { startApp } from "./support/terminal.tsx"

let app: ReturnType<typeof startApp> | undefined
afterEach(() => {
  app?.stop()
  app = undefined
})
const open = (options?: Parameters<typeof startApp>[1], access = memoryAccess()) => {
  app = startApp(access, options)
  return app
}

describe("the first screen", () => {
  it("names the case, the as-of day and the revision, and shows the case before its verdicts", async () => {
    const access = memoryAccess()
    const release = access.holdEvaluations()
    const ui = open({ asOf: "2015-01-07" }, access)
    const before = await ui.see("evaluating")
    expect(before).toContain("jai-syria-allegiance-2015")
    expect(before).toContain("as of 7 January 2015")
    expect(before).toContain("rev 1")
    expect(before).toContain("7 statements")
    expect(before).toContain("Working out the verdicts")
    release()
    const after = await ui.see("Is this the end of JAI Syria?")
    expect(after).not.toContain("evaluating")
    expect(after).toContain("Contested (0)")
  })
})

describe("each view is one key away", () => {
  it.each([
    ["2", "Jamaat Ansar al-Islam (group)"],
    ["3", "Statement 449"],
    ["4", "pledged allegiance to Islamic State"],
    ["5", "Evidence (most diagnostic first)"],
    ["6", "Bundled seed case"]
  ])("key %s shows its view", async (key, shown) => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type(key)
    await ui.see(shown)
  })

  it("Actors shows the tree with aliases, Arabic names, lifecycles and relationships", async () => {
    const ui = open({ rows: 60 })
    await ui.see("Q: Is this the end")
    await ui.type("2")
    const screen = await ui.see("JAI Iraq (branch)")
    expect(screen).toContain("جماعة أنصار الإسلام")
    expect(screen).toMatch(/JAI Iraq \(branch\) ceased since 1 August 2014/)
    expect(screen).toMatch(/ {2}JAI Syria \(branch\) active/)
    expect(screen).toContain("R✘ pledged allegiance to Islamic State")
  })

  it("Relationships give status and interval", async () => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type("4")
    const screen = await ui.see("JAI Iraq merged into Islamic State")
    expect(screen).toContain("established, very likely; 1 August 2014 – now")
  })

  it("Hypotheses lay the ACH matrix out within 80 columns, and ← → move between questions", async () => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type("5")
    const screen = await ui.see("diag H1  H2  H3")
    for (const row of screen.split("\n")) expect(row.length).toBeLessThanOrEqual(80)
    expect(screen).toContain("Question 1 of 2")
    expect(screen).toMatch(/H3 #3 R✘ very unlikely\s+inc \d+ w \d+\.\d\d/)
    await ui.type("{right}")
    await ui.see("Which of the two accounts represents the majority")
    await ui.type("{left}")
    await ui.see("Is this the end of JAI Syria?")
  })

  it("History lists the revisions: who, when, why, what changed", async () => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type("6")
    const screen = await ui.see("rev 1")
    expect(screen).toContain("2026-01-01 10:00 UTC")
    expect(screen).toContain("allegiance")
    expect(screen).toContain("added 75 items")
  })
})

describe("time travel", () => {
  it("moves by day, shows Statement 449 become known and contested, and marks what changed", async () => {
    const ui = open({ asOf: "2015-01-07" })
    await ui.see("Q: Is this the end")
    await ui.type("3")
    const before = await ui.see("Statement 449")
    expect(before).toMatch(/ -· 8 Jan 2015\s+Statement 449/)
    await ui.type("]")
    const after = await ui.waitFor(
      (screen) => /\*C± 8 Jan 2015\s+Statement 449/.test(screen),
      "449 contested and marked"
    )
    expect(after).toContain("as of 8 January 2015")
    await ui.type("]")
    const next = await ui.waitFor(
      (screen) => screen.includes("as of 9 January 2015") && !screen.includes("evaluating"),
      "the 9th"
    )
    // Nothing changed from the 8th to the 9th: no mark.
    expect(next).toMatch(/ C± 8 Jan 2015\s+Statement 449/)
  })

  it("keys pressed while a day is being evaluated end on the last day asked for, evaluated", async () => {
    const access = memoryAccess()
    const ui = open({ asOf: "2015-01-09" }, access)
    await ui.see("Q: Is this the end")
    const release = access.holdEvaluations()
    await ui.type("]")
    await ui.see("as of 10 January 2015")
    await ui.type("[")
    const waiting = await ui.see("as of 9 January 2015")
    expect(waiting).toContain("evaluating")
    release()
    await ui.waitFor(
      (screen) => screen.includes("as of 9 January 2015") && !screen.includes("evaluating"),
      "the 9th evaluated"
    )
  })

  it("moves by week and month, to the next and previous event, and to a typed date", async () => {
    const ui = open({ asOf: "2015-01-09" })
    await ui.see("Q: Is this the end")
    await ui.type("}")
    await ui.see("as of 16 January 2015")
    await ui.type("{")
    await ui.see("as of 9 January 2015")
    await ui.type(")")
    await ui.see("as of 9 February 2015")
    await ui.type("(")
    await ui.see("as of 9 January 2015")
    await ui.type("<")
    await ui.see("as of 8 January 2015")
    await ui.type("<")
    await ui.waitFor((screen) => !screen.includes("as of 8 January 2015"), "an earlier event")
    await ui.type(">")
    await ui.see("as of 8 January 2015")
    await ui.type(">")
    await ui.see("No event after this day.")
    await ui.type("g")
    await ui.type("17 Rabi' al-Awwal 1436")
    await ui.see("→ 8 January 2015")
    await ui.type("{enter}")
    await ui.see("as of 8 January 2015")
    await ui.type("g")
    await ui.type("the fifth of never{enter}")
    await ui.see("✘")
    await ui.type("{escape}")
    await ui.see("as of 8 January 2015")
  })
})

describe("the timeline", () => {
  it("searches with / and steps through hits with n and N", async () => {
    const ui = open({ rows: 30 })
    await ui.see("Q: Is this the end")
    await ui.type("3")
    await ui.see("Statement 449")
    await ui.type("/graduation{enter}")
    await ui.see('2 rows hold "graduation"')
    await ui.waitFor((screen) => /›.*Graduation|›.*graduation/.test(screen), "the first hit selected")
    const first = ui
      .screen()
      .split("\n")
      .find((row) => row.startsWith("›"))
    await ui.type("n")
    await ui.waitFor(
      (screen) => screen.split("\n").find((row) => row.startsWith("›")) !== first,
      "the next hit"
    )
    await ui.type("N")
    await ui.waitFor(
      (screen) => screen.split("\n").find((row) => row.startsWith("›")) === first,
      "the previous hit"
    )
  })

  it("filters by actor, channel, status and words, and x clears them", async () => {
    const ui = open({ rows: 30 })
    await ui.see("Q: Is this the end")
    await ui.type("3")
    await ui.see("13 of 13 rows")
    await ui.type("S")
    await ui.see("status established")
    await ui.type("S")
    const contested = await ui.see("status contested")
    expect(contested).toMatch(/4 of 13 rows/)
    await ui.type("x")
    await ui.see("13 of 13 rows")
    await ui.type("{end}A")
    const actor = await ui.see("actor JAI Syria")
    expect(actor).not.toContain("JAI Iraq ")
    await ui.type("A{end}C")
    await ui.see("channel @ansarulsham")
    await ui.type("x")
    await ui.type("FSalafi{enter}")
    await ui.see('words "Salafi"')
    const words = await ui.see("1 of 13 rows")
    expect(words).toContain("How odd!")
  })

  it("shows the selected row's dates as printed and as read", async () => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type("3{end}")
    await ui.see('Issuer as printed: "Leadership of JAI in Bilad al-Sham"')
    await ui.see("17 Rabi’ al-Awal 1436 → 8 January 2015")
  })
})

describe("an item's detail", () => {
  it("opens with Enter, says why, follows links and comes back", async () => {
    const ui = open({ rows: 40 })
    await ui.see("Q: Is this the end")
    await ui.type("3{end}{enter}")
    const detail = await ui.see("statement Statement 449")
    expect(detail).toContain("C± contested, roughly even chance")
    expect(detail).toContain("Why")
    expect(detail).toMatch(/disputes|in dispute/)
    // The history arrives when worked out.
    await ui.type("{end}")
    await ui.see("not yet known → contested")
    // Follow the first link of the explanation, then come back.
    await ui.type("{home}")
    for (let i = 0; i < 60 && !/›\s+→/.test(ui.screen()); i++) await ui.type("{down}")
    const linked = ui
      .screen()
      .split("\n")
      .find((row) => row.startsWith("›"))!
    const name = linked.replace(/^›\s+→\s*/, "").trim()
    await ui.type("{enter}")
    await ui.waitFor((screen) => screen.split("\n")[2]!.includes(name.slice(0, 20)), `the detail of ${name}`)
    await ui.type("{escape}")
    await ui.see("statement Statement 449")
    await ui.type("{escape}")
    await ui.see("13 of 13 rows")
  })
})

describe("help", () => {
  const views: ReadonlyArray<[string, ViewName]> = [
    ["1", "overview"],
    ["2", "actors"],
    ["3", "timeline"],
    ["4", "relationships"],
    ["5", "hypotheses"],
    ["6", "history"]
  ]
  it.each(views)("after key %s, ? lists every key of %s", async (key, view) => {
    const ui = open({ rows: 60 })
    await ui.see("Q: Is this the end")
    await ui.type(key)
    await ui.type("?")
    const screen = await ui.see("Keys of")
    for (const entry of helpFor(view)) expect(screen).toContain(entry.does.slice(0, 40))
    await ui.type("z")
    await ui.waitFor((shown) => !shown.includes("Keys of"), "help closed")
  })

  it("scrolls at 24 rows, so that no key is out of reach", async () => {
    const ui = open()
    await ui.see("Q: Is this the end")
    await ui.type("3?")
    await ui.see("↑ ↓ for more")
    const seen = new Set<string>()
    for (let i = 0; i < 40; i++) {
      for (const row of ui.screen().split("\n")) seen.add(row.trim())
      await ui.type("{down}")
    }
    const text = [...seen].join("\n")
    for (const entry of helpFor("timeline")) expect(text).toContain(entry.does.slice(0, 40))
  })

  it("in Detail lists following and going back", async () => {
    const ui = open({ rows: 60 })
    await ui.see("Q: Is this the end")
    await ui.type("3{end}{enter}")
    await ui.see("statement Statement 449")
    await ui.type("?")
    const screen = await ui.see("Keys of Detail")
    for (const entry of helpFor("detail")) expect(screen).toContain(entry.does.slice(0, 40))
  })
})

describe("the terminal", () => {
  it("fits 80x24: no line wider, no more lines", async () => {
    const ui = open()
    for (const key of ["1", "2", "3", "4", "5", "6"]) {
      await ui.type(key)
      await new Promise((resolve) => setTimeout(resolve, 30))
      const rows = ui.screen().split("\n")
      expect(rows.length).toBeLessThanOrEqual(24)
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(80)
    }
  })

  it("reflows on resize: wider shows the printed dates in the timeline, narrower cuts lines to fit", async () => {
    const ui = open({ columns: 140, rows: 30 })
    await ui.see("Q: Is this the end")
    await ui.type("3")
    await ui.see("17 Rabi’ al-Awal 1436 / 8 January 2015")
    ui.resize(60, 20)
    await ui.waitFor((screen) => !screen.includes("17 Rabi’ al-Awal 1436 / 8"), "the narrow layout")
    const rows = ui.screen().split("\n")
    expect(rows.length).toBeLessThanOrEqual(20)
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(60)
    expect(ui.screen()).toContain("Statement 449")
  })

  it("under NO_COLOR draws no colour, and badges still say their status by letter and symbol", async () => {
    const ui = open({ colour: false })
    await ui.see("Q: Is this the end")
    await ui.type("3")
    await ui.see("Statement 449")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is looked for
    expect(ui.rawFrame()).not.toMatch(/\u001b\[(3\d|9\d)(;\d+)*m/)
    expect(ui.screen()).toMatch(/C± 8 Jan 2015/)
    expect(ui.screen()).toMatch(/E✔/)
  })

  it("draws badges in colour otherwise", async () => {
    const ui = open({ colour: true })
    await ui.see("Q: Is this the end")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is looked for
    expect(ui.rawFrame()).toMatch(/\u001b\[(3\d|9\d)(;\d+)*m/)
  })
})

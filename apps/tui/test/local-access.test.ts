import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { DatabaseSync } from "node:sqlite"
import { join } from "node:path"
import type { IsoDay } from "@allegiance/domain"
import {
  type CaseOutline,
  outlineLookup,
  outlineOfStored,
  timelineIndex,
  timelineVerdictLookup
} from "@allegiance/present"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { CaseAccess, HistoryProgress, ItemEdit } from "../src/access/case-access.ts"
import { localAccess } from "../src/access/local-access.ts"
import { storeSession } from "../src/access/store-session.ts"

const caseName = "jai-syria-allegiance-2015"
const ninth = "2015-01-09" as IsoDay
let folder: string
let filename: string
let access: CaseAccess
/** The outline the UI holds: the one the access last gave. */
let outline: CaseOutline
const holds = (id: string) => outlineLookup(outline).sectionOf(id) === "statements"
const verdictOf = (view: { readonly timeline: Parameters<typeof timelineVerdictLookup>[1] }, id: string) =>
  timelineVerdictLookup(outline, view.timeline).get(id)

const statement = (id: string, actor = "jai-syria"): ItemEdit => ({
  section: "statements",
  id,
  body: {
    id,
    issuer: { nameAsPrinted: "General Command of JAI", actor },
    channel: "ansarulislam-sh",
    observed: "9 January 2015",
    cites: [{ paragraph: 12 }]
  }
})

/** What the lists show of an outline: the counts, and the timeline's rows in order as drawn. */
const shown = (of: CaseOutline) => {
  const index = timelineIndex(of)
  return {
    case: of.case,
    counts: of.counts,
    rows: Array.from({ length: index.length }, (_, at) => index.row(at, undefined)),
    parts: of.parts
  }
}
/** The outline a later start reads from the store's digest, once the worker has kept one. */
const fromDigest = async () => {
  const session = storeSession({ filename, caseName, author: "tester" })
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      const read = await session.outlineFromDigest()
      if (!read.ok) throw new Error(read.problem.message)
      if (read.value !== undefined) return read.value.outlined
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error("no digest of the outline was kept")
  } finally {
    await session.close()
  }
}
/** The outline worked out from the case's items at the head, as without a digest. */
const fromItems = async () => {
  const session = storeSession({ filename, caseName, author: "tester" })
  const snapshot = await session.snapshot()
  await session.close()
  if (!snapshot.ok) throw new Error(snapshot.problem.message)
  return outlineOfStored(snapshot.value.items)
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "allegiance-tui-"))
  filename = join(folder, "store.db")
  // A new store is seeded with the bundled case, kept with its outline's digest; dropped here, the
  // store is as one written before digests were kept, and the first start outlines the items.
  const seeded = storeSession({ filename, caseName, author: "tester" })
  await seeded.open()
  await seeded.close()
  const db = new DatabaseSync(filename)
  db.exec("DELETE FROM case_digests")
  db.close()
  access = localAccess({
    filename,
    caseName,
    author: "tester",
    workerUrl: new URL("../src/reasoning/worker.ts", import.meta.url)
  })
})
afterAll(async () => {
  await access.close()
  rmSync(folder, { recursive: true, force: true })
})

describe("a new store", () => {
  it("keeps the case it is seeded with with its outline's digest: the lists its items give", async () => {
    const other = join(folder, "seeded.db")
    const session = storeSession({ filename: other, caseName, author: "tester" })
    try {
      const read = await session.outlineFromDigest()
      if (!read.ok) throw new Error(read.problem.message)
      expect(read.value?.outlined.revision.number).toBe(1)
      const snapshot = await session.snapshot()
      if (!snapshot.ok) throw new Error(snapshot.problem.message)
      expect(shown(read.value!.outlined.outline)).toEqual(shown(outlineOfStored(snapshot.value.items)))
    } finally {
      await session.close()
    }
  })
})

describe("the local store through the reasoning worker", () => {
  it("opens the bundled case, outlines it from the store, and evaluates it in the worker", async () => {
    const opened = await access.open()
    expect(opened.ok && opened.value.revision.number).toBe(1)
    const outlined = await access.outline()
    if (!outlined.ok) throw new Error(outlined.problem.message)
    outline = outlined.value.outline
    expect(outlined.value.revision.number).toBe(1)
    expect(outline.counts.statements).toBe(7)
    expect(holds("st-449")).toBe(true)
    const view = await access.evaluate(ninth)
    if (!view.ok) throw new Error(view.problem.message)
    expect(view.value.revision).toBe(1)
    expect(verdictOf(view.value.view, "st-449")?.status).toBe("contested")
    const detail = await access.detail("st-449", ninth)
    expect(detail.ok && detail.value?.verdict?.status).toBe("contested")
  })

  it("keeps the outline as the store's digest once idle, and a later start draws the same lists from it", async () => {
    const later = await fromDigest()
    expect(later.revision.number).toBe(1)
    expect(shown(later.outline)).toEqual(shown(outline))
    // A second UI on the same store: its outline comes from the digest, its worker reasons over it.
    const second = localAccess({
      filename,
      caseName,
      author: "tester",
      workerUrl: new URL("../src/reasoning/worker.ts", import.meta.url)
    })
    try {
      expect((await second.open()).ok).toBe(true)
      const outlined = await second.outline()
      if (!outlined.ok) throw new Error(outlined.problem.message)
      expect(shown(outlined.value.outline)).toEqual(shown(outline))
      const view = await second.evaluate(ninth)
      if (!view.ok) throw new Error(view.problem.message)
      expect(
        timelineVerdictLookup(outlined.value.outline, view.value.view.timeline).get("st-449")?.status
      ).toBe("contested")
    } finally {
      await second.close()
    }
  })

  it("works out an item's verdict history in parts, to the end", async () => {
    const parts: Array<HistoryProgress> = []
    await new Promise<void>((resolve) => {
      access.verdictHistory("st-449", ninth, (progress) => {
        parts.push(progress)
        if (progress.done) resolve()
      })
    })
    expect(parts.at(-1)!.changes).toEqual([
      expect.objectContaining({ day: "2015-01-08", from: "not yet known", to: "contested" })
    ])
  })

  it("gives the items a form asks for, as a case file writes them", async () => {
    const items = await access.items([
      { section: "statements", id: "st-449" },
      { section: "statements", id: "st-none" }
    ])
    if (!items.ok) throw new Error(items.problem.message)
    expect(items.value).toHaveLength(1)
    expect(items.value[0]).toMatchObject({ section: "statements", id: "st-449", body: { id: "st-449" } })
  })

  it("saves one statement as one revision, with its reason, and evaluates it", async () => {
    const saved = await access.save(statement("st-new"), "Seen this morning", 1, ninth)
    if (!saved.ok) throw new Error(saved.problem.message)
    expect(saved.value.revision).toMatchObject({ number: 2, author: "tester", reason: "Seen this morning" })
    outline = saved.value.outline
    expect(holds("st-new")).toBe(true)
    expect(verdictOf(saved.value.view, "st-new")).toBeDefined()
    const again = await access.outline()
    if (!again.ok) throw new Error(again.problem.message)
    outline = again.value.outline
    expect(again.value.revision.number).toBe(2)
    expect(holds("st-new")).toBe(true)
  })

  it("starts from the digest and the statement saved since: the lists hold what the store holds", async () => {
    const later = await fromDigest()
    expect(later.revision.number).toBe(2)
    expect(outlineLookup(later.outline).sectionOf("st-new")).toBe("statements")
    expect(shown(later.outline)).toEqual(shown(await fromItems()))
  })

  it("refuses a change the case cannot hold, saving nothing", async () => {
    const refused = await access.save(statement("st-bad", "nobody-we-know"), "Bad", 2, ninth)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.problem.kind).toBe("refused")
    expect(refused.problem.message).toMatch(/nothing was saved/)
    const revisions = await access.revisions()
    expect(revisions.ok && revisions.value.map((revision) => revision.number)).toEqual([1, 2])
  })

  it("refuses a save based on a revision another writer has moved past, naming who and when", async () => {
    const other = storeSession({ filename, caseName, author: "aisha" })
    const theirs = await other.commit(statement("st-theirs"), "Aisha's statement", 2)
    await other.close()
    expect(theirs.ok).toBe(true)
    const mine = await access.save(statement("st-mine"), "Mine", 2, ninth)
    expect(mine.ok).toBe(false)
    if (mine.ok) return
    expect(mine.problem).toMatchObject({ kind: "conflict", by: "aisha", head: 3 })
    // Loaded again, the case has their statement and not mine; saved on top of it, mine goes in.
    const reopened = await access.outline()
    if (!reopened.ok) throw new Error(reopened.problem.message)
    outline = reopened.value.outline
    expect(holds("st-theirs")).toBe(true)
    expect(holds("st-mine")).toBe(false)
    const again = await access.save(statement("st-mine"), "Mine", reopened.value.revision.number, ninth)
    if (!again.ok) throw new Error(again.problem.message)
    expect(again.value.revision.number).toBe(4)
    // The worker reasons over their statement too, not over the case as it held it before.
    outline = again.value.outline
    expect(verdictOf(again.value.view, "st-theirs")).toBeDefined()
  })

  it("undoes the latest revision", async () => {
    const undone = await access.undo(4, ninth)
    if (!undone.ok) throw new Error(undone.problem.message)
    expect(undone.value.revision.number).toBe(5)
    expect(undone.value.revision.reason).toMatch(/^Undo revision 4/)
    outline = undone.value.outline
    expect(holds("st-mine")).toBe(false)
    expect(holds("st-theirs")).toBe(true)
    expect(verdictOf(undone.value.view, "st-mine")).toBeUndefined()
    const stale = await access.undo(4, ninth)
    expect(stale.ok).toBe(false)
  })
})

import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { IsoDay } from "@allegiance/domain"
import { digestLookup } from "@allegiance/present"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { CaseAccess, HistoryProgress, ItemEdit } from "../src/access/case-access.ts"
import { localAccess } from "../src/access/local-access.ts"
import { storeSession } from "../src/access/store-session.ts"

const caseName = "jai-syria-allegiance-2015"
const ninth = "2015-01-09" as IsoDay
let folder: string
let filename: string
let access: CaseAccess

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

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "allegiance-tui-"))
  filename = join(folder, "store.db")
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

describe("the local store through the reasoning worker", () => {
  it("opens the bundled case and evaluates it in the worker", async () => {
    const opened = await access.open()
    expect(opened.ok && opened.value.revision.number).toBe(1)
    const view = await access.evaluate(ninth)
    if (!view.ok) throw new Error(view.problem.message)
    expect(digestLookup(view.value.verdicts).get("st-449")?.status).toBe("contested")
    const detail = await access.detail("st-449", ninth)
    expect(detail.ok && detail.value?.verdict?.status).toBe("contested")
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

  it("saves one statement as one revision, with its reason, and evaluates it", async () => {
    const saved = await access.save(statement("st-new"), "Seen this morning", 1, ninth)
    if (!saved.ok) throw new Error(saved.problem.message)
    expect(saved.value.revision).toMatchObject({ number: 2, author: "tester", reason: "Seen this morning" })
    expect(saved.value.caseFile.statements.some((item) => item.id === "st-new")).toBe(true)
    expect(digestLookup(saved.value.view.verdicts).get("st-new")).toBeDefined()
    const reopened = await access.open()
    expect(reopened.ok && reopened.value.caseFile.statements.some((item) => item.id === "st-new")).toBe(true)
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
    const reopened = await access.open()
    if (!reopened.ok) throw new Error(reopened.problem.message)
    expect(reopened.value.caseFile.statements.map((item) => item.id)).toContain("st-theirs")
    const again = await access.save(statement("st-mine"), "Mine", reopened.value.revision.number, ninth)
    expect(again.ok && again.value.revision.number).toBe(4)
  })

  it("undoes the latest revision", async () => {
    const undone = await access.undo(4, ninth)
    if (!undone.ok) throw new Error(undone.problem.message)
    expect(undone.value.revision.number).toBe(5)
    expect(undone.value.revision.reason).toMatch(/^Undo revision 4/)
    expect(undone.value.caseFile.statements.map((item) => item.id)).not.toContain("st-mine")
    expect(digestLookup(undone.value.view.verdicts).get("st-mine")).toBeUndefined()
    const stale = await access.undo(4, ninth)
    expect(stale.ok).toBe(false)
  })
})

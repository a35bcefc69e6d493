/**
 * The UI's access over HTTP, against the edge API itself (its requests go to `app.request`, over a
 * store of its own holding the seed case): what the UI reads, writes and is told, as the local access
 * gives it, with conflicts and refusals in the same words.
 */
import { allegianceClient } from "@allegiance/client"
import type { IsoDay } from "@allegiance/domain"
import {
  type CaseOutline,
  outlineLookup,
  timelineVerdictLookup,
  type TimelineVerdicts
} from "@allegiance/present"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeApp, nodeApp } from "../../api/test/support/node-app.ts"
import type { CaseAccess, ItemEdit, RevisionStamp } from "../src/access/case-access.ts"
import { remoteAccess } from "../src/access/remote-access.ts"

const caseName = "jai-syria-allegiance-2015"
const ninth = "2015-01-09" as IsoDay
let context: NodeApp
let access: CaseAccess
let outline: CaseOutline
const inApp = ((input: Request | string | URL, init?: RequestInit) =>
  context.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch
const holds = (id: string) => outlineLookup(outline).sectionOf(id) === "statements"
const verdictOf = (timeline: TimelineVerdicts, id: string) => timelineVerdictLookup(outline, timeline).get(id)

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

beforeAll(async () => {
  context = await nodeApp()
  access = remoteAccess({ baseUrl: "http://api.test", token: context.tokens.write, caseName, fetch: inApp })
})
afterAll(async () => {
  await access.close()
  await context.dispose()
})

describe("the case on a server, through the typed client", () => {
  it("opens the case, outlines it and gives the views of a day, Statement 449 contested on the 9th", async () => {
    const opened = await access.open()
    if (!opened.ok) throw new Error(opened.problem.message)
    expect(opened.value).toMatchObject({ caseName, revision: { number: 1 } })
    const outlined = await access.outline()
    if (!outlined.ok) throw new Error(outlined.problem.message)
    outline = outlined.value.outline
    expect(holds("st-449")).toBe(true)
    const evaluated = await access.evaluate(ninth)
    if (!evaluated.ok) throw new Error(evaluated.problem.message)
    expect(evaluated.value.revision).toBe(1)
    expect(verdictOf(evaluated.value.view.timeline, "st-449")?.status).toBe("contested")
    const detail = await access.detail("st-449", ninth)
    expect(detail.ok && detail.value?.verdict?.status).toBe("contested")
    const none = await access.detail("st-nobody", ninth)
    expect(none).toEqual({ ok: true, value: undefined })
    const actors = await access.rows("actors", ninth)
    expect(actors.ok && actors.value.some((row) => row.id === "jai-syria")).toBe(true)
    const matrices = await access.rows("hypotheses", ninth)
    expect(matrices.ok && matrices.value.map((matrix) => matrix.question)).toContain("q-end-of-jai-syria")
    const history = await new Promise<ReadonlyArray<{ to: string }>>((resolve) => {
      access.verdictHistory("st-449", ninth, (progress) => {
        if (progress.done) resolve(progress.changes)
      })
    })
    expect(history.map((change) => change.to)).toContain("contested")
    const items = await access.items([
      { section: "statements", id: "st-449" },
      { section: "statements", id: "st-nobody" }
    ])
    expect(items.ok && items.value.map((item) => item.id)).toEqual(["st-449"])
  })

  it("saves a statement as one revision with its reason, which the server then holds", async () => {
    const saved = await access.save(statement("st-remote"), "Seen on the new account", 1, ninth)
    if (!saved.ok) throw new Error(saved.problem.message)
    expect(saved.value.revision).toMatchObject({ number: 2, author: "suite writer" })
    outline = saved.value.outline
    expect(holds("st-remote")).toBe(true)
    expect(verdictOf(saved.value.view.timeline, "st-remote")).toBeDefined()
    const api = allegianceClient("http://api.test", { token: context.tokens.read, fetch: inApp })
    const read = await api.cases[":case"].statements[":id"].$get({
      param: { case: caseName, id: "st-remote" }
    } as never)
    expect(read.status).toBe(200)
    expect(
      ((await read.json()) as { item: { issuer: { nameAsPrinted: string } } }).item.issuer.nameAsPrinted
    ).toBe("General Command of JAI")
  })

  it("on a stale save names who saved first, refuses what the case cannot hold, and undoes", async () => {
    const heard: Array<Omit<RevisionStamp, "at">> = []
    const stop = access.watch!((revision) => heard.push(revision))
    const other = allegianceClient("http://api.test", { token: context.tokens.admin, fetch: inApp })
    const theirs = await other.cases[":case"].statements.$post(
      { param: { case: caseName }, json: { reason: "Theirs", item: statement("st-theirs").body as never } },
      { headers: { "if-match": '"r2"' } }
    )
    expect(theirs.status).toBe(201)
    const stale = await access.save(statement("st-mine"), "Mine", 2, ninth)
    expect(stale.ok).toBe(false)
    if (stale.ok) return
    expect(stale.problem).toMatchObject({ kind: "conflict", by: "suite admin", head: 3 })
    const refused = await access.save(statement("st-bad", "nobody-we-know"), "Bad", 3, ninth)
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.problem.kind).toBe("refused")
    expect(refused.problem.kind === "refused" && refused.problem.problems.join(" ")).toMatch(/issuer\.actor/)
    const reread = await access.outline()
    expect(reread.ok && reread.value.revision.number).toBe(3)
    const undone = await access.undo(3, ninth)
    if (!undone.ok) throw new Error(undone.problem.message)
    expect(undone.value.revision.number).toBe(4)
    outline = undone.value.outline
    expect(holds("st-theirs")).toBe(false)
    expect(holds("st-remote")).toBe(true)
    for (let i = 0; i < 100 && !heard.some((revision) => revision.number === 3); i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    stop()
    // Told of their revision, not of this side's own undo.
    expect(heard.map((revision) => revision.number)).toContain(3)
    expect(heard.map((revision) => revision.number)).not.toContain(4)
    const revisions = await access.revisions()
    expect(revisions.ok && revisions.value.map((revision) => revision.number)).toEqual([1, 2, 3, 4])
  })
})

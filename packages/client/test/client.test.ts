/** The typed client against the app itself (its requests go to `app.request`), as an edge client uses it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceClient } from "../src/index.ts"
import { nodeApp, type NodeApp } from "../../../apps/api/test/support/node-app.ts"
import { caseName, newStatement } from "../../../apps/api/test/suite/route-suite.ts"

let context: NodeApp
beforeAll(async () => {
  context = await nodeApp()
})
afterAll(async () => {
  await context.dispose()
})

const clientOf = (token: string) =>
  allegianceClient("http://api.test", {
    token,
    fetch: ((input: Request | string | URL, init?: RequestInit) =>
      context.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch
  })

/** What the client knows of query parameters: these do not compile. */
export const refusedByTheTypes = (api: ReturnType<typeof clientOf>) => {
  const at = { case: caseName, id: "st-449" }
  // @ts-expect-error a status the API does not have
  void api.cases[":case"].timeline.$get({ param: { case: caseName }, query: { status: "maybe" } })
  // @ts-expect-error a revision is sent as text, as a query holds it
  void api.cases[":case"].statements[":id"].$get({ param: at, query: { revision: 3 } })
  // @ts-expect-error a date check needs both dates
  void api["date-check"].$get({ query: { hijri: "17 Rabi al-Awal 1436" } })
}

describe("the typed client", () => {
  it("reads a case as of a day, writes with a reason and If-Match, and undoes", async () => {
    const api = clientOf(context.tokens.write)
    const verdict = await api.cases[":case"].verdicts[":id"].$get({
      param: { case: caseName, id: "st-449" },
      query: { asOf: "2015-01-09" }
    })
    expect(verdict.status).toBe(200)
    if (verdict.status !== 200) return
    const read = (await verdict.json()) as { asOf: string; revision: number }
    expect(read.asOf).toBe("2015-01-09")
    const head = read.revision
    const created = await api.cases[":case"].statements.$post(
      {
        param: { case: caseName },
        json: { reason: "seen on the new account", item: newStatement("st-client") as never }
      },
      { headers: { "if-match": `"r${head}"` } }
    )
    expect(created.status).toBe(201)
    const stale = await api.cases[":case"].statements.$post(
      { param: { case: caseName }, json: { reason: "again", item: newStatement("st-client-2") as never } },
      { headers: { "if-match": `"r${head}"` } }
    )
    expect(stale.status).toBe(412)
    const undo = await api.cases[":case"].revisions[":revision"].undo.$post({
      param: { case: caseName, revision: String(head + 1) },
      json: { reason: "posted too early" }
    })
    expect(undo.status).toBe(201)
    const history = await api.cases[":case"].revisions.$get({ param: { case: caseName } })
    const revisions =
      history.status === 200
        ? ((await history.json()) as { revisions: ReadonlyArray<{ reason: string }> }).revisions
        : []
    expect(revisions.map((revision) => revision.reason).slice(-2)).toEqual([
      "seen on the new account",
      "posted too early"
    ])
    const timeline = await api.cases[":case"].timeline.$get({
      param: { case: caseName },
      query: { asOf: "2015-01-09", channel: "ansarulsham", status: "contested", limit: "5" }
    })
    expect(timeline.status).toBe(200)
    if (timeline.status === 200) {
      const rows = (await timeline.json()) as {
        items: ReadonlyArray<{ channel?: { id: string }; status?: string }>
      }
      expect(rows.items.length).toBeGreaterThan(0)
      expect(rows.items.every((row) => row.channel?.id === "ansarulsham" && row.status === "contested")).toBe(
        true
      )
    }
    const refused = await api.cases[":case"].statements.$get({
      param: { case: caseName },
      query: { from: "2015-02-30" }
    })
    expect(refused.status).toBe(422)
  })
})

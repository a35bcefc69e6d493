/**
 * Reads asked again are answered from what the routes answered before (`cached-reads.ts`): the same
 * bytes and headers, refused the same way, counted once, and worked out again as soon as the case
 * moves on, a token is revoked elsewhere, or the day changes.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { issueToken } from "@allegiance/service"
import * as EdgeNode from "@allegiance/store/edge-node"
import { EdgeTables } from "@allegiance/store/edge-tables"
import { ManagedRuntime } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.ts"
import type { ApiRuntime } from "../src/http/runtime.ts"
import { apiServices } from "../src/services.ts"
import { caseName, newStatement } from "./suite/route-suite.ts"
import { setClock } from "./support/set-clock.ts"

const base = `/cases/${caseName}`
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * Two apps over one store holding the seed case: one keeping answers, one keeping none (what the
 * routes alone answer), each counting what it runs through the runtime.
 */
const setUp = async (rateLimit = 1000) => {
  const folder = mkdtempSync(join(tmpdir(), "allegiance-cached-"))
  const db = join(folder, "store.db")
  const time = setClock(Date.parse("2026-03-01T12:00:00Z"))
  const runtime = ManagedRuntime.make(
    apiServices(EdgeNode.layer({ filename: db, checkIntegrity: false }), {
      rateLimit: { limit: rateLimit, windowSeconds: 60 },
      clock: time.clock
    })
  )
  cleanups.push(async () => {
    await runtime.dispose()
    rmSync(folder, { recursive: true, force: true })
  })
  const runs = { count: 0 }
  const counted: ApiRuntime = {
    runPromiseExit: (effect) => {
      runs.count++
      return runtime.runPromiseExit(effect)
    }
  }
  const issue = (scope: "read" | "write" | "admin", label: string, cases?: ReadonlyArray<string>) =>
    runtime.runPromise(issueToken({ scope, label, cases })).then((issued) => issued.token)
  const tokens = {
    read: await issue("read", "reader"),
    write: await issue("write", "writer"),
    admin: await issue("admin", "admin"),
    otherCase: await issue("read", "elsewhere", ["some-other-case"])
  }
  const app = makeApp({ runtime: counted, corsOrigins: ["https://dashboard.example"] })
  const routesOnly = makeApp({ runtime, keptAnswers: 0 })
  const seeded = await app.request("/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "the seed case", caseFile: bundledCaseText() })
  })
  expect(seeded.status).toBe(201)
  return { app, routesOnly, runs, tokens, time, db }
}

const bearer = (token: string, more: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...more }
})

/** A response as a client sees it: status, headers but the ones that count requests, and body. */
const seen = async (response: Response) => ({
  status: response.status,
  headers: Object.fromEntries(
    [...response.headers].filter(([name]) => name !== "ratelimit-remaining" && name !== "ratelimit-reset")
  ),
  body: await response.text()
})

const reads = [
  `${base}`,
  `${base}/revisions`,
  `${base}/statements/st-449`,
  `${base}/statements/st-449?revision=1`,
  `${base}/statements?channel=ansarulsham&limit=3`,
  `${base}/statements?status=established&asOf=2015-01-20`,
  `${base}/verdicts?subject=statement&limit=5&asOf=2015-02-01`,
  `${base}/verdicts/st-449?asOf=2015-02-01`,
  `${base}/verdicts/st-449`,
  `${base}/verdicts/st-449/history?asOf=2015-02-01`,
  `${base}/detail/st-449?asOf=2015-02-01`,
  `${base}/timeline?asOf=2015-02-01&channel=ansarulsham`,
  `${base}/key-judgments?asOf=2015-02-01`,
  `${base}/relationship-rows?asOf=2015-02-01`,
  `${base}/lifecycles`,
  `${base}/hypotheses`,
  `${base}/questions/q-end-of-jai-syria/matrix?asOf=2015-02-01`,
  `${base}/brief?asOf=2015-02-01&question=q-end-of-jai-syria`
]

describe("reads asked again", () => {
  it("are answered with the bytes and headers the routes gave, running nothing, and 304 when the client holds them", async () => {
    const { app, routesOnly, runs, tokens } = await setUp()
    for (const path of reads) {
      const first = await app.request(path, bearer(tokens.read))
      const expected = await seen(first)
      expect(expected.status, path).toBe(200)
      const before = runs.count
      const again = await app.request(path, bearer(tokens.read))
      const remaining = Number(first.headers.get("ratelimit-remaining"))
      expect(again.headers.get("ratelimit-remaining"), path).toBe(String(remaining - 1))
      expect(await seen(again), path).toEqual(expected)
      expect(await seen(await routesOnly.request(path, bearer(tokens.read))), path).toEqual(expected)
      const held = await app.request(path, bearer(tokens.read, { "if-none-match": expected.headers.etag! }))
      const routed = await routesOnly.request(
        path,
        bearer(tokens.read, { "if-none-match": expected.headers.etag! })
      )
      expect(held.status, path).toBe(304)
      expect(await seen(held), path).toEqual(await seen(routed))
      expect(runs.count, `${path} ran nothing through the runtime`).toBe(before)
    }
  })

  it("are refused as the routes refuse them: no token, a token for other cases, a token over its rate", async () => {
    const { app, routesOnly, tokens } = await setUp(3)
    const path = `${base}/verdicts/st-449?asOf=2015-02-01`
    // Kept by a reader (the reader's window is its own).
    expect((await app.request(path, bearer(tokens.read))).status).toBe(200)
    for (const init of [
      {},
      { headers: { authorization: "Bearer alg_aaaaaaaaaaaa_" + "A".repeat(43) } },
      bearer(tokens.otherCase)
    ]) {
      const cached = await seen(await app.request(path, init))
      expect(cached.status).toBeGreaterThanOrEqual(401)
      expect(cached).toEqual(await seen(await routesOnly.request(path, init)))
    }
    expect((await seen(await app.request(path))).headers["www-authenticate"]?.startsWith("Bearer")).toBe(true)
    // The reader has made one request of three: two more, then the fourth is refused.
    expect((await app.request(path, bearer(tokens.read))).headers.get("ratelimit-remaining")).toBe("1")
    expect((await app.request(path, bearer(tokens.read))).headers.get("ratelimit-remaining")).toBe("0")
    const over = await app.request(path, bearer(tokens.read))
    expect(over.status).toBe(429)
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
    const limited = await seen(over)
    expect(limited.headers["content-type"]).toBe("application/problem+json")
    expect(limited.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it("are worked out again once the case moves on, the token is revoked elsewhere, or the day changes", async () => {
    const { app, tokens, time, db } = await setUp()
    const today = `${base}/verdicts?subject=statement&limit=500`
    const first = (await (await app.request(today, bearer(tokens.read))).json()) as {
      revision: number
      asOf: string
      items: Array<{ id: string }>
    }
    expect(first.asOf).toBe("2026-03-01")
    const written = await app.request(`${base}/statements`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokens.write}`,
        "content-type": "application/json",
        "if-match": `"r${first.revision}"`
      },
      body: JSON.stringify({ reason: "seen today", item: newStatement("st-cached-new") })
    })
    expect(written.status).toBe(201)
    const after = (await (await app.request(today, bearer(tokens.read))).json()) as typeof first
    expect(after.revision).toBe(first.revision + 1)
    expect(after.items.map((row) => row.id)).toContain("st-cached-new")

    time.advance(24 * 60 * 60 * 1000)
    const tomorrow = (await (await app.request(today, bearer(tokens.read))).json()) as typeof first
    expect(tomorrow.asOf).toBe("2026-03-02")

    // `allegiance token revoke`, run beside the server: another connection to the same file.
    const command = ManagedRuntime.make(EdgeNode.layer({ filename: db, checkIntegrity: false }))
    try {
      const id = /^alg_([a-z0-9]{12})_/.exec(tokens.read)![1]!
      await command.runPromise(EdgeTables.use((tables) => tables.revokeToken(id, "2026-03-02T00:00:00.000Z")))
    } finally {
      await command.dispose()
    }
    const revoked = await app.request(today, bearer(tokens.read))
    expect(revoked.status).toBe(401)
  })

  it("leave a browser's request to the routes, which answer it with its CORS headers", async () => {
    const { app, tokens } = await setUp()
    const path = `${base}/statements/st-449`
    expect((await app.request(path, bearer(tokens.read))).status).toBe(200)
    const fromBrowser = await app.request(path, bearer(tokens.read, { origin: "https://dashboard.example" }))
    expect(fromBrowser.status).toBe(200)
    expect(fromBrowser.headers.get("access-control-allow-origin")).toBe("https://dashboard.example")
  })
})

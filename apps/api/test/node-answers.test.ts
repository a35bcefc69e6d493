/**
 * On Node, kept reads are answered on the socket (`node-answers.ts`), ahead of @hono/node-server and
 * the app's fetch. Over a real loopback connection: the same status, headers and bytes the routes
 * give, a 304 for the tag the client holds, the same refusals, each request counted once (also one
 * the kept reads let through and handed to the routes), a revocation made elsewhere seen at once, and
 * whatever they cannot read plainly left to the app's fetch.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type IncomingHttpHeaders, request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { issueToken } from "@allegiance/service"
import * as EdgeNode from "@allegiance/store/edge-node"
import { EdgeTables } from "@allegiance/store/edge-tables"
import { ManagedRuntime } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { assembleApp, makeApp } from "../src/app.ts"
import { nodeListener } from "../src/http/node-answers.ts"
import { apiServices } from "../src/services.ts"
import { caseName, newStatement } from "./suite/route-suite.ts"
import { setClock } from "./support/set-clock.ts"

const base = `/cases/${caseName}`
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * The Node listener over a store holding the seed case, on a loopback port, counting the requests
 * that reached the app's fetch; and an app keeping no answers over the same store, for what the routes
 * alone answer.
 */
const serveOnLoopback = async (rateLimit = 1000) => {
  const folder = mkdtempSync(join(tmpdir(), "allegiance-node-answers-"))
  const db = join(folder, "store.db")
  const time = setClock(Date.parse("2026-03-01T12:00:00Z"))
  const runtime = ManagedRuntime.make(
    apiServices(EdgeNode.layer({ filename: db, checkIntegrity: false }), {
      rateLimit: { limit: rateLimit, windowSeconds: 60 },
      clock: time.clock
    })
  )
  const issue = (scope: "read" | "write" | "admin", label: string, cases?: ReadonlyArray<string>) =>
    runtime.runPromise(issueToken({ scope, label, cases })).then((issued) => issued.token)
  const tokens = {
    read: await issue("read", "reader"),
    write: await issue("write", "writer"),
    admin: await issue("admin", "admin"),
    otherCase: await issue("read", "elsewhere", ["some-other-case"])
  }
  const { app, context, routes } = assembleApp({ runtime })
  const routesOnly = makeApp({ runtime, keptAnswers: 0 })
  const reached = { fetch: 0 }
  const server = createServer(
    nodeListener(
      {
        context,
        fetch: (request, env) => {
          reached.fetch++
          return app.fetch(request, env)
        },
        routes: (request, env) => {
          reached.fetch++
          return routes(request, env)
        }
      },
      "127.0.0.1"
    )
  )
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await runtime.dispose()
    rmSync(folder, { recursive: true, force: true })
  })
  const seeded = await app.request("/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "the seed case", caseFile: bundledCaseText() })
  })
  expect(seeded.status).toBe(201)
  return { port, app, routesOnly, reached, tokens, db }
}

interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

/** A GET over a socket, its header lines given as sent (a name twice is two lines). */
const get = (port: number, path: string, lines: ReadonlyArray<readonly [string, string]> = []) =>
  new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | Array<string>> = {}
    for (const [name, value] of lines) {
      const known = headers[name]
      headers[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value]
    }
    const sent = httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      const chunks: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) })
      )
    })
    sent.on("error", reject)
    sent.end()
  })

const bearer = (token: string): Array<readonly [string, string]> => [["authorization", `Bearer ${token}`]]

/** What a client reads of an answer, less what tells one request from another (its count, the time, the connection). */
const seen = (headers: IncomingHttpHeaders | Headers) =>
  Object.fromEntries(
    (headers instanceof Headers ? [...headers] : Object.entries(headers)).filter(
      ([name]) =>
        ![
          "ratelimit-remaining",
          "ratelimit-reset",
          "date",
          "connection",
          "keep-alive",
          "content-length"
        ].includes(name)
    )
  )

const securityHeaderNames = [
  "content-security-policy",
  "x-content-type-options",
  "strict-transport-security",
  "cross-origin-resource-policy",
  "referrer-policy",
  "vary"
]

describe("kept reads on Node's socket", () => {
  it("are the routes' answers, byte for byte, without reaching the app's fetch, and 304 for the tag held", async () => {
    const { port, routesOnly, reached, tokens } = await serveOnLoopback()
    for (const path of [
      `${base}/verdicts/st-449?asOf=2015-02-01`,
      `${base}/statements/st-449`,
      `${base}/statements?channel=ansarulsham&limit=3`,
      `${base}/brief?asOf=2015-02-01&question=q-end-of-jai-syria`
    ]) {
      const first = await get(port, path, bearer(tokens.read))
      expect(first.status, path).toBe(200)
      const before = reached.fetch
      const again = await get(port, path, bearer(tokens.read))
      expect(reached.fetch, `${path} was answered on the socket`).toBe(before)
      expect(again.status, path).toBe(200)
      expect(again.body.equals(first.body), path).toBe(true)
      expect(Number(again.headers["content-length"]), path).toBe(again.body.byteLength)
      expect(Number(again.headers["ratelimit-remaining"]), path).toBe(
        Number(first.headers["ratelimit-remaining"]) - 1
      )
      expect(seen(again.headers), path).toEqual(seen(first.headers))
      for (const name of securityHeaderNames) expect(again.headers[name], `${path}: ${name}`).toBeDefined()
      const routed = await routesOnly.request(path, { headers: { authorization: `Bearer ${tokens.read}` } })
      expect(Buffer.from(await routed.arrayBuffer()).equals(again.body), path).toBe(true)

      const etag = again.headers.etag!
      for (const held of [etag, `W/${etag}`, `"r0", ${etag}`]) {
        const notModified = await get(port, path, [...bearer(tokens.read), ["if-none-match", held]])
        expect(reached.fetch, `${path} 304 on the socket`).toBe(before)
        const routedHeld = await routesOnly.request(path, {
          headers: { authorization: `Bearer ${tokens.read}`, "if-none-match": held }
        })
        expect(notModified.status, `${path} ${held}`).toBe(304)
        expect(notModified.body.byteLength).toBe(0)
        expect(seen(notModified.headers), `${path} ${held}`).toEqual(seen(routedHeld.headers))
      }
      const changed = await get(port, path, [...bearer(tokens.read), ["if-none-match", '"r0"']])
      expect(changed.status).toBe(200)
      expect(changed.body.equals(first.body)).toBe(true)
    }
    // The seed verdict's explanation holds characters outside ASCII: its length is in bytes.
    const verdict = await get(port, `${base}/verdicts/st-449?asOf=2015-02-01`, bearer(tokens.read))
    expect(verdict.body.byteLength).toBeGreaterThan(verdict.body.toString("utf8").length)
  })

  it("refuse as the routes refuse: no token, a token that is not one, a token for other cases", async () => {
    const { port, routesOnly, reached, tokens } = await serveOnLoopback()
    const path = `${base}/verdicts/st-449?asOf=2015-02-01`
    expect((await get(port, path, bearer(tokens.read))).status).toBe(200)
    const before = reached.fetch
    for (const lines of [
      [],
      [["authorization", `Bearer alg_aaaaaaaaaaaa_${"A".repeat(43)}`]] as const,
      [["authorization", "Basic c2VjcmV0"]] as const,
      bearer(tokens.otherCase)
    ]) {
      const refused = await get(port, path, lines)
      const routed = await routesOnly.request(path, { headers: Object.fromEntries(lines) })
      expect(refused.status).toBe(routed.status)
      expect(refused.status).toBeGreaterThanOrEqual(401)
      expect(refused.headers["content-type"]).toBe("application/problem+json")
      expect(seen(refused.headers)).toEqual(seen(routed.headers))
      expect(refused.body.toString("utf8")).toBe(await routed.text())
    }
    expect(reached.fetch, "refused on the socket").toBe(before)
    expect((await get(port, path)).headers["www-authenticate"]).toMatch(/^Bearer /)
  })

  it("count each request once, a read handed to the routes after a write too, and refuse past the limit", async () => {
    const { port, app, reached, tokens } = await serveOnLoopback(6)
    const path = `${base}/statements/st-449`
    const remaining = async () => {
      const read = await get(port, path, bearer(tokens.read))
      expect(read.status).toBe(200)
      return Number(read.headers["ratelimit-remaining"])
    }
    expect(await remaining()).toBe(5)
    expect(await remaining()).toBe(4)
    const written = await app.request(`${base}/statements`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${tokens.write}`,
        "content-type": "application/json",
        "if-match": "*"
      },
      body: JSON.stringify({ reason: "a new one", item: newStatement("st-node-new") })
    })
    expect(written.status).toBe(201)
    // The kept answer was read at the revision before: the routes answer, and it is counted once.
    const before = reached.fetch
    const after = await get(port, path, bearer(tokens.read))
    expect(reached.fetch).toBe(before + 1)
    expect(after.headers.etag).toBe(written.headers.get("etag"))
    expect(Number(after.headers["ratelimit-remaining"])).toBe(3)
    expect(await remaining()).toBe(2)
    expect(await remaining()).toBe(1)
    expect(await remaining()).toBe(0)
    const over = await get(port, path, bearer(tokens.read))
    expect(over.status).toBe(429)
    expect(Number(over.headers["retry-after"])).toBeGreaterThanOrEqual(1)
    expect(over.headers["content-type"]).toBe("application/problem+json")
    for (const name of securityHeaderNames) expect(over.headers[name], name).toBeDefined()
  })

  it("see a token revoked by another process on the next request", async () => {
    const { port, reached, tokens, db } = await serveOnLoopback()
    const path = `${base}/verdicts/st-449?asOf=2015-02-01`
    expect((await get(port, path, bearer(tokens.read))).status).toBe(200)
    expect((await get(port, path, bearer(tokens.read))).status).toBe(200)
    const command = ManagedRuntime.make(EdgeNode.layer({ filename: db, checkIntegrity: false }))
    try {
      const id = /^alg_([a-z0-9]{12})_/.exec(tokens.read)![1]!
      await command.runPromise(EdgeTables.use((tables) => tables.revokeToken(id, "2026-03-01T12:00:00.000Z")))
    } finally {
      await command.dispose()
    }
    const before = reached.fetch
    const revoked = await get(port, path, bearer(tokens.read))
    expect(revoked.status).toBe(401)
    expect(reached.fetch).toBe(before)
  })

  it("answer whatever Host @hono/node-server takes, and refuse none it would refuse", async () => {
    const { port, reached, tokens } = await serveOnLoopback()
    const path = `${base}/statements/st-449`
    const first = await get(port, path, bearer(tokens.read))
    expect(first.status).toBe(200)
    const before = reached.fetch
    for (const host of ["127.0.0.1:61000", "LocalHost:8080", "api.example.org"]) {
      const answered = await get(port, path, [...bearer(tokens.read), ["host", host]])
      expect(answered.status, host).toBe(200)
      expect(answered.body.equals(first.body), host).toBe(true)
    }
    expect(reached.fetch, "answered on the socket").toBe(before)
    for (const host of ["reader@elsewhere", "127.0.0.1:99999"]) {
      const refused = await get(port, path, [...bearer(tokens.read), ["host", host]])
      expect(refused.status, host).toBe(400)
    }
  })

  it("leave to the app's fetch what they cannot read plainly: a header twice, an Origin, an unusual target", async () => {
    const { port, routesOnly, reached, tokens } = await serveOnLoopback()
    const path = `${base}/statements/st-449`
    expect((await get(port, path, bearer(tokens.read))).status).toBe(200)
    const cases: Array<[string, ReadonlyArray<readonly [string, string]>]> = [
      [path, [...bearer(tokens.read), ...bearer(tokens.otherCase)]],
      [path, [...bearer(tokens.read), ["origin", "https://elsewhere.example"]]],
      [`${base}/statements/./st-449`, bearer(tokens.read)],
      [`${base}/statements/st-%34%34%39`, bearer(tokens.read)]
    ]
    for (const [target, lines] of cases) {
      const before = reached.fetch
      const answered = await get(port, target, lines)
      expect(reached.fetch, `${target} ${JSON.stringify(lines)}`).toBe(before + 1)
      const headers = new Headers()
      for (const [name, value] of lines) headers.append(name, value)
      const routed = await routesOnly.request(new URL(target, "http://127.0.0.1").pathname, { headers })
      expect(answered.status, `${target} ${JSON.stringify(lines)}`).toBe(routed.status)
    }
  })
})

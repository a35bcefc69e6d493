/**
 * Over a real connection (`allegiance serve`'s server): a body larger than the server takes is refused
 * with 413 whether its length is declared or it comes in chunks, and nothing is saved; a body within
 * the limit is read and saved.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { issueToken } from "@allegiance/service"
import * as EdgeNode from "@allegiance/store/edge-node"
import { ManagedRuntime } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { type RunningServer, startServer } from "../src/node.ts"
import { caseName, newStatement } from "./suite/route-suite.ts"

const folder = mkdtempSync(join(tmpdir(), "allegiance-limits-"))
let server: RunningServer
let token = ""

beforeAll(async () => {
  const db = join(folder, "store.db")
  server = await startServer({ db, port: 0 })
  const tokens = ManagedRuntime.make(EdgeNode.layer({ filename: db, checkIntegrity: false }))
  token = (await tokens.runPromise(issueToken({ scope: "write", label: "limits" }))).token
  await tokens.dispose()
})

afterAll(async () => {
  await server.close()
  rmSync(folder, { recursive: true, force: true })
})

const statements = () => `${server.url}/cases/${caseName}/statements`
const head = async () =>
  (
    (await (
      await fetch(`${server.url}/cases/${caseName}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { revision: { number: number } }
  ).revision.number
const post = (body: string | ReadableStream<Uint8Array>, more: RequestInit = {}) =>
  fetch(statements(), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
    ...more
  })

it("refuses a body over the limit, declared or chunked, saves nothing, and takes one within it", async () => {
  const before = await head()
  const huge = JSON.stringify({
    reason: "too big",
    item: newStatement("st-huge", { excerpt: "x".repeat(1_100_000) })
  })
  const declared = await post(huge)
  expect(declared.status).toBe(413)
  expect(declared.headers.get("content-type")).toBe("application/problem+json")
  const bytes = new TextEncoder().encode(huge)
  const chunked = await post(
    new ReadableStream({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024)
          controller.enqueue(bytes.slice(at, at + 64 * 1024))
        controller.close()
      }
    }),
    { duplex: "half" } as RequestInit
  )
  expect(chunked.status).toBe(413)
  expect(await head()).toBe(before)
  const fits = await post(JSON.stringify({ reason: "seen", item: newStatement("st-fits") }))
  expect(fits.status).toBe(201)
  expect(await head()).toBe(before + 1)
})

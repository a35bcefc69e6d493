/**
 * End to end: `allegiance serve` on loopback, a subscriber on the event stream, a statement that
 * disowns another written through the typed client, and the verdict change arriving on the stream.
 * The statement and its disowning claim are two writes; each is one event, with its revision as id.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { allegianceClient, type CaseEvent, verdictEvents } from "@allegiance/client"
import { afterAll, beforeAll, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"

const caseName = "jai-syria-allegiance-2015"
let folder: string
let server: ChildProcess | undefined
let url = ""
let token = ""

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "allegiance-serve-"))
  const db = join(folder, "store.db")
  const made = spawnSync(
    process.execPath,
    [allegianceBin, "token", "create", "--scope", "write", "--label", "e2e bot", "--db", db],
    { encoding: "utf8" }
  )
  expect(made.status, made.stderr).toBe(0)
  token = made.stdout.trim()
  server = spawn(process.execPath, [allegianceBin, "serve", "--port", "0", "--db", db], {
    stdio: ["ignore", "ignore", "pipe"]
  })
  url = await new Promise<string>((resolve, reject) => {
    let said = ""
    server!.stderr!.on("data", (chunk: Buffer) => {
      said += chunk.toString()
      const found = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(said)
      if (found !== null) resolve(found[1]!)
    })
    server!.once("exit", (code) => reject(new Error(`serve exited (${code}): ${said}`)))
  })
}, 60_000)

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve))
    server.kill("SIGTERM")
    await exited
  }
  rmSync(folder, { recursive: true, force: true })
})

it("tells a subscriber which verdicts a disowning statement changed", async () => {
  const api = allegianceClient(url, { token })
  const events: Array<CaseEvent> = []
  const stop = new AbortController()
  let ready: () => void = () => undefined
  const subscribed = new Promise<void>((resolve) => {
    ready = resolve
  })
  const changed = new Promise<CaseEvent>((resolve) => {
    void verdictEvents(url, caseName, {
      token,
      signal: stop.signal,
      onEvent: (event) => {
        events.push(event)
        if (event.event === "ready") ready()
        if (
          event.event === "verdicts" &&
          (event.data.changes ?? []).some((change) => change.id === "cl-e2e-disowns")
        )
          resolve(event)
      }
    })
  })
  await subscribed
  // JAI Syria's old account, which Statement 449 calls its sole official one, disowns the new account.
  const statement = await api.cases[":case"].statements.$post({
    param: { case: caseName },
    json: {
      reason: "A new statement on the old account",
      item: {
        id: "st-e2e-disowning",
        title: "The new account is not ours",
        issuer: { nameAsPrinted: "Leadership of JAI in Bilad al-Sham", actor: "jai-syria" },
        channel: "ansarulsham",
        observed: "20 January 2015",
        cites: [{ paragraph: 13 }]
      } as never
    }
  })
  expect(statement.status).toBe(201)
  const claim = await api.cases[":case"].claims.$post({
    param: { case: caseName },
    json: {
      reason: "What the new statement says",
      item: {
        id: "cl-e2e-disowns",
        kind: "disowning",
        scope: "jai-syria",
        channel: "ansarulislam-sh",
        otherChannels: false,
        since: "9 January 2015",
        madeBy: { statement: "st-e2e-disowning" },
        cites: [{ paragraph: 13 }]
      } as never
    }
  })
  expect(claim.status, await claim.clone().text()).toBe(201)
  const event = await Promise.race([
    changed,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no verdict change arrived: ${JSON.stringify(events)}`)), 20_000)
    )
  ])
  stop.abort()
  expect(event.data.author).toBe("e2e bot")
  expect(event.id).toBe(String(event.data.revision))
  expect(event.data.reason).toBe("What the new statement says")
  // The disowning is new: judged now, where it was not known before. The account it disowns is
  // defended by the case's other evidence, so the statements on it keep their verdicts.
  const change = event.data.changes!.find((found) => found.id === "cl-e2e-disowns")!
  expect([change.from, change.subject]).toEqual(["not yet known", "claim"])
  expect(["established", "refuted", "contested", "unsupported"]).toContain(change.to)
}, 60_000)

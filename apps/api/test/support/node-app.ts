/** An app over a new store file holding the seed case, with tokens of each scope, for tests on Node. */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { issueToken } from "@allegiance/service"
import * as EdgeNode from "@allegiance/store/edge-node"
import { ManagedRuntime } from "effect"
import { makeApp } from "../../src/app.ts"
import { apiServices } from "../../src/services.ts"
import type { SuiteContext } from "../suite/route-suite.ts"
import { setClock } from "./set-clock.ts"

export interface NodeApp extends SuiteContext {
  readonly app: ReturnType<typeof makeApp>
  readonly db: string
  readonly runtime: ManagedRuntime.ManagedRuntime<never, never>
  readonly dispose: () => Promise<void>
}

export const rateLimit = 30

/**
 * The app's clock stands still unless a test moves it (`advanceClock`): a rate window cannot end in the
 * middle of a test however slowly it runs. `limit` raises the rate limit for tests about something else.
 */
export const nodeApp = async (options: { readonly rateLimit?: number } = {}): Promise<NodeApp> => {
  const folder = mkdtempSync(join(tmpdir(), "allegiance-api-"))
  const db = join(folder, "store.db")
  const time = setClock(Date.now())
  const limit = options.rateLimit ?? rateLimit
  const runtime = ManagedRuntime.make(
    apiServices(EdgeNode.layer({ filename: db, checkIntegrity: false }), {
      rateLimit: { limit, windowSeconds: 60 },
      clock: time.clock
    })
  )
  const issue = (scope: "read" | "write" | "admin", label: string, cases?: ReadonlyArray<string>) =>
    runtime.runPromise(issueToken({ scope, label, cases })).then((issued) => issued.token)
  const tokens = {
    read: await issue("read", "suite reader"),
    write: await issue("write", "suite writer"),
    admin: await issue("admin", "suite admin"),
    otherCase: await issue("read", "elsewhere", ["some-other-case"])
  }
  const app = makeApp({ runtime })
  const request = async (path: string, init?: RequestInit) => app.request(path, init)
  const seeded = await request("/cases", {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "the seed case", caseFile: bundledCaseText() })
  })
  if (seeded.status !== 201) throw new Error(`seeding failed: ${await seeded.text()}`)
  return {
    app,
    db,
    runtime: runtime as never,
    request,
    tokens,
    rateLimit: limit,
    advanceClock: time.advance,
    dispose: async () => {
      await runtime.dispose()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

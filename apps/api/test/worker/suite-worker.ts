/**
 * A Worker that runs one case of the route suite inside workerd: the app is the Worker of
 * `src/worker.ts` itself, over a D1 database of its own per case (binding `DB<index>`). Tokens are
 * issued into that database and the seed case is sent with POST /cases, as a deployment would.
 */
import * as EdgeD1 from "@allegiance/store/edge-d1"
import { issueToken } from "@allegiance/service/tokens"
import { Effect } from "effect"
import { makeWorker } from "../../src/worker.ts"
import { setClock } from "../support/set-clock.ts"
import { routeCases } from "../suite/route-suite.ts"

declare const SEED_CASE: string
const workerRateLimit = 30

export default {
  async fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    const index = Number(new URL(request.url).searchParams.get("case"))
    const suiteCase = routeCases[index]
    const db = env[`DB${index}`] as never
    if (suiteCase === undefined || db === undefined) return new Response(`no case ${index}`, { status: 404 })
    const workerEnv = { DB: db, RATE_LIMIT: String(workerRateLimit) }
    // The Worker of src/worker.ts, on a clock that stands still unless the case moves it.
    const time = setClock(Date.now())
    const worker = makeWorker({ clock: time.clock })
    const issue = (scope: "read" | "write" | "admin", label: string, cases?: ReadonlyArray<string>) =>
      Effect.runPromise(
        Effect.map(issueToken({ scope, label, cases }), (issued) => issued.token).pipe(
          Effect.provide(EdgeD1.layer({ db, checkIntegrity: false }))
        )
      )
    try {
      const tokens = {
        read: await issue("read", "suite reader"),
        write: await issue("write", "suite writer"),
        admin: await issue("admin", "suite admin"),
        otherCase: await issue("read", "elsewhere", ["some-other-case"])
      }
      const send = async (path: string, init?: RequestInit) =>
        worker.fetch(new Request(new URL(path, "http://api.test"), init), workerEnv, {})
      const seeded = await send("/cases", {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.admin}`, "content-type": "application/json" },
        body: JSON.stringify({ reason: "the seed case", caseFile: SEED_CASE })
      })
      if (seeded.status !== 201)
        return new Response(`seeding failed: ${await seeded.text()}`, { status: 500 })
      await suiteCase.run({ request: send, tokens, rateLimit: workerRateLimit, advanceClock: time.advance })
      return new Response("ok")
    } catch (error) {
      return new Response(error instanceof Error ? `${error.message}\n${error.stack}` : String(error), {
        status: 500
      })
    }
  }
}

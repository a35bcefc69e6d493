/**
 * A Worker that runs one case of the shared store suite against D1, inside workerd.
 * `d1.test.ts` bundles it with esbuild and calls it through Miniflare, one request per
 * case; each case gets a D1 database of its own (binding `DB<index>`), so all start empty.
 */
import * as D1Client from "@effect/sql-d1/D1Client"
import { Cause, Effect, Exit, Layer } from "effect"
import { backendLayer, type D1Database } from "../../src/d1.ts"
import { Harness, makeHarness } from "../suite/harness.ts"
import { storeCases } from "../suite/store-suite.ts"

export default {
  async fetch(request: Request, env: Record<string, D1Database>): Promise<Response> {
    const index = Number(new URL(request.url).searchParams.get("case"))
    const suiteCase = storeCases[index]
    const db = env[`DB${index}`]
    if (suiteCase === undefined || db === undefined) return new Response(`no case ${index}`, { status: 404 })
    const harness = makeHarness("d1", () =>
      backendLayer("the D1 test database").pipe(Layer.provideMerge(Layer.orDie(D1Client.layer({ db }))))
    )
    const exit = await Effect.runPromiseExit(
      suiteCase.run.pipe(Effect.provideService(Harness, harness), Effect.scoped)
    )
    return Exit.isSuccess(exit) ? new Response("ok") : new Response(Cause.pretty(exit.cause), { status: 500 })
  }
}

/**
 * The app on Cloudflare Workers, over D1 (binding `DB`). One runtime per isolate and database, made
 * on the first request: the store is migrated by its own migrator then, and caches live as long as
 * the isolate. Rate limits are counted in D1, which every isolate shares. The reference page's
 * script is a static asset (binding `ASSETS`, see wrangler.jsonc). A new database starts empty: cases
 * come in with `POST /cases` (an admin token) or `wrangler d1 execute`.
 */
import type { D1Database } from "@allegiance/store/d1"
import * as EdgeD1 from "@allegiance/store/edge-d1"
import { type Clock, ManagedRuntime } from "effect"
import { type App, makeApp } from "./app.ts"
import { apiServices, defaultRateLimit } from "./services.ts"

export interface WorkerEnv {
  readonly DB: D1Database
  readonly ASSETS?: { readonly fetch: (request: Request | string) => Promise<Response> }
  /** Origins allowed to call the API from a browser, separated by commas. */
  readonly CORS_ORIGINS?: string
  /** Requests per token per minute. */
  readonly RATE_LIMIT?: string
}

export interface WorkerOptions {
  /** The time the service goes by; the system's by default. Tests set it. */
  readonly clock?: Clock.Clock | undefined
}

/** The Worker's handler: one app per D1 database, made on its first request. */
export const makeWorker = (options: WorkerOptions = {}) => {
  const apps = new WeakMap<D1Database, App>()
  const appFor = (env: WorkerEnv): App => {
    const known = apps.get(env.DB)
    if (known !== undefined) return known
    const limit = Number(env.RATE_LIMIT)
    const runtime = ManagedRuntime.make(
      apiServices(
        EdgeD1.layer({
          db: env.DB,
          location: "the D1 database",
          // D1 checks its own pages; quick_check there reads the whole database on every cold start.
          checkIntegrity: false
        }),
        {
          sharedRateLimits: true,
          clock: options.clock,
          rateLimit: Number.isInteger(limit) && limit > 0 ? { limit, windowSeconds: 60 } : defaultRateLimit
        }
      )
    )
    const app = makeApp({
      runtime,
      corsOrigins: (env.CORS_ORIGINS ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
      docsScript:
        env.ASSETS === undefined
          ? undefined
          : () =>
              env
                .ASSETS!.fetch("https://assets.local/docs/scalar.js")
                .then((response) => (response.ok ? response : undefined))
    })
    apps.set(env.DB, app)
    return app
  }
  return {
    fetch: (request: Request, env: WorkerEnv, context: unknown) =>
      appFor(env).fetch(request, env, context as never)
  }
}

export default makeWorker()

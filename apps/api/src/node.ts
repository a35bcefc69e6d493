/**
 * The app on Node: `allegiance serve` starts it over a store file. It listens on loopback unless told
 * otherwise, and stops gracefully: no new connections, requests under way finish, event streams end.
 */
import { readFile } from "node:fs/promises"
import { createServer, type Server } from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import { dirname, join } from "node:path"
import { seedBundledCase } from "@allegiance/store"
import * as EdgeNode from "@allegiance/store/edge-node"
import type { RateLimitConfig } from "@allegiance/service"
import { Effect, ManagedRuntime } from "effect"
import { assembleApp } from "./app.ts"
import { nodeListener } from "./http/node-answers.ts"
import { apiServices } from "./services.ts"

export interface ServeOptions {
  readonly db: string
  readonly port?: number | undefined
  readonly host?: string | undefined
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  readonly rateLimit?: RateLimitConfig | undefined
  /** The reference page's script; by default found beside @scalar/api-reference. */
  readonly docsScriptFile?: string | undefined
  readonly eventPollMs?: number | undefined
}

export interface RunningServer {
  readonly url: string
  readonly close: () => Promise<void>
}

const scalarScript = (): string | undefined => {
  try {
    const entry = createRequire(import.meta.url).resolve("@scalar/api-reference")
    return join(dirname(entry), "browser", "standalone.js")
  } catch {
    return undefined
  }
}

/** Opens the store (creating it with the seed case when new) and starts listening. */
export const startServer = async (options: ServeOptions): Promise<RunningServer> => {
  const runtime = ManagedRuntime.make(
    apiServices(EdgeNode.layer({ filename: options.db, onCreate: seedBundledCase }), {
      rateLimit: options.rateLimit
    })
  )
  // Open the store now, so that a store that cannot be used is reported before anything listens.
  await runtime.runPromise(Effect.void)
  const scriptFile = options.docsScriptFile ?? scalarScript()
  let script: Promise<Buffer> | undefined
  const { app, context, routes } = assembleApp({
    runtime,
    corsOrigins: options.corsOrigins,
    eventPollMs: options.eventPollMs,
    docsScript:
      scriptFile === undefined
        ? undefined
        : async () => {
            script ??= readFile(scriptFile)
            const bytes = await script.catch(() => undefined)
            return bytes === undefined
              ? undefined
              : new Response(new Uint8Array(bytes), {
                  headers: {
                    "content-type": "text/javascript; charset=utf-8",
                    "cache-control": "public, max-age=86400"
                  }
                })
          }
  })
  const host = options.host ?? "127.0.0.1"
  const server = await new Promise<Server>((resolve, reject) => {
    // Kept reads are answered on the socket (`node-answers.ts`), the rest by the app's fetch.
    const started = createServer(nodeListener({ context, fetch: app.fetch, routes }, host))
    started.once("error", reject)
    started.listen(options.port ?? 8787, host, () => resolve(started))
  })
  const address = server.address() as AddressInfo
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address
  return {
    url: `http://${shown}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        const http = server as unknown as {
          closeIdleConnections?: () => void
          closeAllConnections?: () => void
        }
        http.closeIdleConnections?.()
        // Event streams never finish by themselves: end them once requests under way have had a moment.
        setTimeout(() => http.closeAllConnections?.(), 1000).unref()
      })
      await runtime.dispose()
    }
  }
}

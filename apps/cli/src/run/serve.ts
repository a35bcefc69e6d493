/**
 * `allegiance serve`: the edge API over the store file, until interrupted. Ctrl-C or SIGTERM
 * interrupts the command, which closes the server: no new connections, requests under way finish.
 */
import { fileURLToPath } from "node:url"
import { startServer } from "@allegiance/api/node"
import { currentStorePath } from "@allegiance/store"
import { Console, Effect, Option } from "effect"
import type { ServeInput } from "../commands/serve.ts"
import { reportStoreError } from "./store-access.ts"

// The build puts the reference page's script beside the code (dist/docs), as it puts the seed case.
const docsScriptFile = fileURLToPath(new URL("../docs/scalar.js", import.meta.url))

export const serve = (input: ServeInput) =>
  Effect.gen(function* () {
    const db = currentStorePath(Option.getOrUndefined(input.db))
    const server = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () =>
          startServer({
            db,
            port: input.port,
            host: input.host,
            corsOrigins: input.corsOrigin,
            rateLimit: { limit: input.rateLimit, windowSeconds: 60 },
            docsScriptFile
          }),
        catch: (error) => error
      }),
      (running) =>
        Effect.andThen(
          Effect.promise(() => running.close()),
          Console.error("Stopped serving.")
        )
    )
    yield* Console.error(
      `Serving ${db} at ${server.url} (reference: ${server.url}/docs). Requests need a token: allegiance token create --scope read. Ctrl-C stops.`
    )
    return yield* Effect.never
  }).pipe(
    Effect.scoped,
    Effect.catch((error) => {
      if (typeof error === "object" && error !== null && (error as { _tag?: unknown })._tag === "StoreError")
        return reportStoreError(error as never)
      const code = (error as NodeJS.ErrnoException).code
      const message =
        code === "EADDRINUSE"
          ? `Port ${input.port} on ${input.host} is taken: choose another with --port.`
          : code === "EACCES"
            ? `Listening on port ${input.port} of ${input.host} is not allowed here: choose a port above 1023.`
            : code === "EADDRNOTAVAIL"
              ? `${input.host} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 to serve others.`
              : `The server could not start: ${String((error as Error).message ?? error)}`
      return Effect.andThen(
        Console.error(message),
        Effect.sync(() => {
          process.exitCode = 1
        })
      )
    })
  )

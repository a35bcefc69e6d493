/**
 * The one app object, on Node (`allegiance serve`) and on Workers (`worker.ts`): routes over the
 * service, in front of them the guards every request passes (secure headers, CORS, body size,
 * token and rate, content negotiation), and behind them 404 and 405 as problems.
 */
import { problem } from "@allegiance/service"
import { Hono, type MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { HTTPException } from "hono/http-exception"
import { answerHeaders, answerJson } from "./http/answer.ts"
import { access, type ApiEnv, negotiation } from "./http/guards.ts"
import { methodsAllowed } from "./http/methods.ts"
import { problemResponse, serverError } from "./http/respond.ts"
import type { AppOptions } from "./http/runtime.ts"
import { caseRoutes } from "./routes/cases.ts"
import { docsRoutes } from "./routes/docs.ts"
import { eventRoutes } from "./routes/events.ts"
import { itemRoutes } from "./routes/items.ts"
import { outlineRoutes } from "./routes/outline.ts"
import { dateCheckRoutes, viewRoutes } from "./routes/views.ts"

export type { AppOptions } from "./http/runtime.ts"

const tooLarge = (limit: number) => () =>
  problemResponse(problem(413, `The body is larger than this server takes (${limit} bytes).`))

/** A middleware for requests that carry a body; a GET has none to limit. */
const withBody =
  (middleware: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS"
      ? next()
      : middleware(c, next)

export const makeApp = (options: AppOptions) => {
  const itemLimit = options.bodyLimit ?? 1024 * 1024
  const caseFileLimit = options.caseFileLimit ?? 64 * 1024 * 1024
  const allowOrigins = cors({
    origin: (origin) => ((options.corsOrigins ?? []).includes(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "If-Match", "If-None-Match", "Last-Event-ID"],
    exposeHeaders: [
      "ETag",
      "Location",
      "Retry-After",
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset"
    ],
    allowMethods: ["GET", "POST", "PUT", "DELETE"],
    maxAge: 600
  })
  const app = new Hono<ApiEnv>()
    .use(answerHeaders)
    // Only a browser sends Origin: other clients skip what CORS would add.
    .use((c, next) => (c.req.header("origin") === undefined ? next() : allowOrigins(c, next)))
    .use("/cases", withBody(bodyLimit({ maxSize: caseFileLimit, onError: tooLarge(caseFileLimit) })))
    .use("/cases/*", withBody(bodyLimit({ maxSize: itemLimit, onError: tooLarge(itemLimit) })))
    .use(access(options))
    .use(negotiation)
    .get("/health", (c) => answerJson(c, { ok: true }, 200))
    .route("/", docsRoutes(options))
    .route("/date-check", dateCheckRoutes(options))
    .route("/cases", caseRoutes(options))
    .route("/cases", viewRoutes(options))
    .route("/cases", eventRoutes(options))
    .route("/cases", outlineRoutes(options))
    .route("/cases/:case/actors", itemRoutes("actors", options))
    .route("/cases/:case/channels", itemRoutes("channels", options))
    .route("/cases/:case/sources", itemRoutes("sources", options))
    .route("/cases/:case/statements", itemRoutes("statements", options))
    .route("/cases/:case/claims", itemRoutes("claims", options))
    .route("/cases/:case/observations", itemRoutes("observations", options))
    .route("/cases/:case/relationships", itemRoutes("relationships", options))
    .route("/cases/:case/questions", itemRoutes("questions", options))
  app.notFound((c) => {
    const allowed = methodsAllowed(app.routes, c.req.path)
    if (allowed.length > 0)
      return problemResponse(
        problem(405, `${c.req.method} is not something ${c.req.path} does; it takes ${allowed.join(", ")}.`, {
          headers: { allow: allowed.join(", ") }
        })
      )
    return problemResponse(
      problem(404, `There is nothing at ${c.req.path.slice(0, 200)}. The routes are listed at /openapi.json.`)
    )
  })
  app.onError((error) => {
    if (error instanceof HTTPException) {
      // Hono's own refusals (a body that is not JSON, ...): the status it chose, in our words.
      const status = error.status
      return problemResponse(
        problem(
          status,
          status === 400
            ? "The body of the request is not valid JSON."
            : "The request cannot be served as sent."
        )
      )
    }
    return problemResponse(serverError(error))
  })
  return app
}

export type App = ReturnType<typeof makeApp>

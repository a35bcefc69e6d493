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
import { AnswerCache } from "./http/answer-cache.ts"
import { cachedReads } from "./http/cached-reads.ts"
import { makeGate } from "./http/gate.ts"
import { access, type ApiEnv, negotiation } from "./http/guards.ts"
import { methodsAllowed } from "./http/methods.ts"
import { problemResponse, serverError } from "./http/respond.ts"
import type { AppContext, AppOptions } from "./http/runtime.ts"
import { briefRoutes } from "./routes/brief.ts"
import { caseRoutes } from "./routes/cases.ts"
import { docsRoutes } from "./routes/docs.ts"
import { eventRoutes } from "./routes/events.ts"
import { itemRoutes } from "./routes/items.ts"
import { outlineRoutes } from "./routes/outline.ts"
import { dateCheckRoutes, viewRoutes } from "./routes/views.ts"

export type { AppOptions } from "./http/runtime.ts"

const tooLarge = (limit: number) => () =>
  problemResponse(problem(413, `The body is larger than this server takes (${limit} bytes).`))

/**
 * At most `limit` bytes of body, for requests that carry one (a GET has none to limit). A body whose
 * length is declared is judged by its header, before anything is read; one sent without (chunked) is
 * counted as it streams in, by Hono's body limit. (That one reads every body as a stream, which on
 * Node costs a write more than all the rest of its reading: the route's JSON is then read straight
 * from the connection.)
 */
const limitBody = (limit: number): MiddlewareHandler => {
  const streamed = bodyLimit({ maxSize: limit, onError: tooLarge(limit) })
  return (c, next) => {
    const method = c.req.method
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next()
    const declared = c.req.header("content-length")
    if (declared === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next)
    return Number.parseInt(declared, 10) > limit ? Promise.resolve(tooLarge(limit)()) : next()
  }
}

/**
 * The app and what a server in front of it may use: the context its routes share (the kept answers
 * and the gate, for `node-answers.ts`) and its routes without the kept reads in front.
 */
export const assembleApp = (appOptions: AppOptions) => {
  const options: AppContext = {
    ...appOptions,
    gate: makeGate(appOptions.runtime),
    answers: new AnswerCache(appOptions.keptAnswers),
    admitted: new WeakMap()
  }
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
    .use("/cases", limitBody(caseFileLimit))
    .use("/cases/*", limitBody(itemLimit))
    .use(access(options))
    .use(negotiation)
    .get("/health", (c) => answerJson(c, { ok: true }, 200))
    .route("/", docsRoutes(options))
    .route("/date-check", dateCheckRoutes(options))
    .route("/cases", caseRoutes(options))
    .route("/cases", viewRoutes(options))
    .route("/cases", eventRoutes(options))
    .route("/cases", outlineRoutes(options))
    .route("/cases", briefRoutes(options))
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
  // Reads asked before are answered ahead of the routing (`cached-reads.ts`). The app object stays
  // Hono's, for its type (the typed client is made from it) and for `app.request`, which calls
  // `app.fetch`: that is where the cached reads go in front.
  const routed = app.fetch
  const cached = cachedReads(options)
  app.fetch = (request, env, executionContext) => {
    const answered = cached(request)
    if (answered === undefined) return routed(request, env, executionContext)
    if (answered instanceof Promise)
      return answered.then((found) => found ?? routed(request, env, executionContext))
    return answered
  }
  return { app, context: options, routes: routed }
}

export const makeApp = (appOptions: AppOptions) => assembleApp(appOptions).app

export type App = ReturnType<typeof makeApp>

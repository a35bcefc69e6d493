/**
 * What every request passes before its route: who it comes from (401), whether its token may do this
 * to this case (403), whether the token is over its rate (429), whether the client accepts what the
 * route gives (406), and whether a write sends JSON (415). Paths that are public (the OpenAPI
 * document, the reference page, the health check) need no token.
 */
import {
  authenticate,
  authorize,
  Problem,
  problem,
  problemOfStoreError,
  RateLimiter,
  rateHeaders,
  tooManyRequests
} from "@allegiance/service"
import type { Principal, TokenScope } from "@allegiance/service"
import { Clock, Effect, Exit } from "effect"
import type { MiddlewareHandler } from "hono"
import { setRateHeaders } from "./answer.ts"
import { problemOfExit, problemResponse } from "./respond.ts"
import type { AppOptions } from "./runtime.ts"

export type ApiEnv = { Variables: { principal: Principal } }

const publicPaths = /^\/(?:$|health$|openapi\.json$|docs(?:\/.*)?$)/

/** The scope a request needs: reading for safe methods, writing for the rest, admin for cases and tokens. */
const scopeOf = (method: string, path: string): TokenScope =>
  method === "GET" || method === "HEAD" || method === "OPTIONS"
    ? "read"
    : path === "/cases" || path === "/cases/"
      ? "admin"
      : "write"

const caseOf = (path: string): string | undefined => {
  const match = /^\/cases\/([^/]+)/.exec(path)
  if (match === null) return undefined
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return match[1]
  }
}

export const access =
  (options: AppOptions): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    const path = c.req.path
    if (c.req.method === "OPTIONS" || publicPaths.test(path)) return next()
    const checked = await options.runtime.runPromiseExit(
      Effect.gen(function* () {
        const principal = yield* authenticate(c.req.header("authorization"))
        yield* authorize(principal, scopeOf(c.req.method, path), caseOf(path))
        const decision = yield* Effect.mapError(
          (yield* RateLimiter).hit(principal.tokenId, yield* Clock.currentTimeMillis),
          () =>
            problem(503, "The store cannot count requests right now; try again shortly.", {
              headers: { "retry-after": "5" }
            })
        )
        if (!decision.allowed) return yield* tooManyRequests(decision)
        return { principal, decision }
      }).pipe(Effect.mapError((error) => (error instanceof Problem ? error : problemOfStoreError(error))))
    )
    if (Exit.isFailure(checked)) return problemResponse(problemOfExit(checked.cause))
    c.set("principal", checked.value.principal)
    setRateHeaders(c, rateHeaders(checked.value.decision))
    return next()
  }

/** What media type a path answers with. */
const producedAt = (path: string): ReadonlyArray<string> =>
  path.endsWith("/events")
    ? ["text/event-stream"]
    : path.endsWith("/export")
      ? ["application/yaml", "text/yaml", "text/plain"]
      : path === "/docs" || path === "/docs/"
        ? ["text/html"]
        : path === "/docs/scalar.js"
          ? ["text/javascript", "application/javascript"]
          : ["application/json", "application/problem+json"]

const accepts = (accept: string, offered: ReadonlyArray<string>) =>
  accept.split(",").some((range) => {
    const [type = "", ...params] = range.trim().toLowerCase().split(";")
    if (params.some((param) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(param))) return false
    const wanted = type.trim()
    return offered.some(
      (media) =>
        wanted === "*/*" ||
        wanted === media ||
        (wanted.endsWith("/*") && media.startsWith(wanted.slice(0, -1)))
    )
  })

export const negotiation: MiddlewareHandler = async (c, next) => {
  const accept = c.req.header("accept")
  const offered = producedAt(c.req.path)
  if (accept !== undefined && accept.trim() !== "" && !accepts(accept, offered))
    return problemResponse(
      problem(
        406,
        `This resource is given as ${offered[0]}, which the Accept header (${accept.slice(0, 100)}) does not take.`,
        {
          errors: [{ header: "Accept", detail: `Accept ${offered[0]}.` }]
        }
      )
    )
  const method = c.req.method
  if (method === "POST" || method === "PUT" || method === "PATCH" || method === "DELETE") {
    // Every write states its reason in a JSON body, a DELETE included.
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase()
    if (type !== "application/json")
      return problemResponse(
        problem(
          415,
          `Send the body of a ${method} as application/json${type === "" ? "" : `, not ${type.slice(0, 100)}`}.`,
          {
            errors: [{ header: "Content-Type", detail: "Expected application/json." }]
          }
        )
      )
  }
  return next()
}

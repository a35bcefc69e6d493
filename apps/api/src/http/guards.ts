/**
 * What every request passes before its route: who it comes from (401), whether its token may do this
 * to this case (403), whether the token is over its rate (429), whether the client accepts what the
 * route gives (406), and whether a write sends JSON (415). Paths that are public (the OpenAPI
 * document, the reference page, the health check) need no token.
 */
import { type Principal, Problem, problem, rateHeaders } from "@allegiance/service"
import type { MiddlewareHandler } from "hono"
import { refusal, setRateHeaders } from "./answer.ts"
import { type Admitted, isPublicPath } from "./gate.ts"
import { accepts, producedAt } from "./media-types.ts"
import { problemResponse } from "./respond.ts"
import type { AppContext } from "./runtime.ts"

export type ApiEnv = { Variables: { principal: Principal; admitted: Admitted } }

/**
 * The gate (see `gate.ts`) in front of every route but the public ones. A request the cached reads
 * (`cached-reads.ts`) let through but could not answer was admitted there already, and is not counted
 * twice.
 */
export const access =
  (app: AppContext): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    const path = c.req.path
    if (c.req.method === "OPTIONS" || isPublicPath(path)) return next()
    const admitted =
      app.admitted.get(c.req.raw) ?? (await app.gate.admit(c.req.method, path, c.req.header("authorization")))
    if (admitted instanceof Problem) return refusal(admitted)
    c.set("principal", admitted.principal)
    c.set("admitted", admitted)
    setRateHeaders(c, rateHeaders(admitted.decision))
    return next()
  }

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

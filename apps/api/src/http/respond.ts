/**
 * Turning what the service returns into a response: the value as JSON with its ETag (or 304 when the
 * client holds it already), or the problem as `application/problem+json`. A failure the service did
 * not foresee is logged on the server and answered with a plain 500 that says nothing of the code.
 */
import { etagOf, noneMatchHolds, Problem, problem, problemOfStoreError } from "@allegiance/service"
import type { StoreError } from "@allegiance/store"
import { Cause, type Effect, Exit } from "effect"
import type { Context, TypedResponse } from "hono"
import type { ClientErrorStatusCode, ServerErrorStatusCode } from "hono/utils/http-status"
import { answer, answerJson } from "./answer.ts"
import type { ApiServices, AppOptions } from "./runtime.ts"

export interface ProblemJson {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly errors?: ReadonlyArray<{
    readonly detail: string
    readonly pointer?: string
    readonly parameter?: string
  }>
  readonly [extension: string]: unknown
}

export const problemJson = (c: Context, found: Problem) =>
  answerJson(c, found.body() as ProblemJson, found.status as ClientErrorStatusCode | ServerErrorStatusCode, {
    ...found.headers,
    "content-type": "application/problem+json"
  })

/** The same, outside a route (a middleware that answers before routing, the error handler). */
export const problemResponse = (found: Problem): Response =>
  new Response(JSON.stringify(found.body()), {
    status: found.status,
    headers: { ...found.headers, "content-type": "application/problem+json" }
  })

export const serverError = (cause: unknown): Problem => {
  console.error("allegiance api: unexpected failure:", cause)
  return problem(
    500,
    "Something went wrong on the server; nothing was saved. Try again, and report it if it persists.",
    {
      title: "Server error"
    }
  )
}

/** Runs an Effect of the service and hands its value to `ok`; a failure becomes its problem response. */
export const respond = async <A, R extends Response>(
  c: Context,
  options: AppOptions,
  effect: Effect.Effect<A, Problem, ApiServices>,
  ok: (value: A) => R
) => {
  const exit = await options.runtime.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return ok(exit.value)
  return problemJson(c, problemOfExit(exit.cause))
}

/** The problem a failed run is: its own, a store that could not be opened, or a server error. */
export const problemOfExit = (cause: Cause.Cause<Problem | StoreError>): Problem => {
  const failure = cause.reasons.find(Cause.isFailReason)
  if (failure?.error instanceof Problem) return failure.error
  if (failure !== undefined) return problemOfStoreError(failure.error as StoreError)
  return serverError(Cause.pretty(cause))
}

/** A JSON read tagged with the revision (and variant) it was read at; 304 when `If-None-Match` holds it. */
export const tagged = <T extends object>(c: Context, body: T, revision: number, variant?: string) => {
  const etag = etagOf(revision, variant)
  if (noneMatchHolds(c.req.header("if-none-match"), etag))
    return answer(c, null, 304, { etag }) as Response & TypedResponse<null, 304, "body">
  return answerJson(c, body, 200, { etag, "cache-control": "private, no-cache" })
}

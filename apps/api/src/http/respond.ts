/**
 * Turning what the service returns into a response: the value as JSON with its ETag (or 304 when the
 * client holds it already), or the problem as `application/problem+json`. A failure the service did
 * not foresee is logged on the server and answered with a plain 500 that says nothing of the code.
 */
import {
  etagOf,
  noneMatchHolds,
  Problem,
  problem,
  problemOfStoreError,
  type ReadAt
} from "@allegiance/service"
import type { StoreError } from "@allegiance/store"
import { Cause, type Effect, Exit } from "effect"
import type { Context, TypedResponse } from "hono"
import type { ClientErrorStatusCode, ServerErrorStatusCode } from "hono/utils/http-status"
import type { JSONParsed } from "hono/utils/types"
import { answer, answerJson } from "./answer.ts"
import { keptBody, requestKey } from "./answer-cache.ts"
import { producedAt } from "./media-types.ts"
import type { ApiEnv } from "./guards.ts"
import type { ApiServices, AppContext, AppOptions } from "./runtime.ts"

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

/** What a read was worked out from, for its ETag and for keeping its answer (see `answer-cache.ts`). */
export interface ReadState {
  readonly caseName: string
  /** The revision the read was made at. */
  readonly revision: number
  /** The as-of day the answer was worked out for, when it depends on one. */
  readonly asOf?: string | undefined
  /** What the request named: a revision, a day (none: the head, and today). */
  readonly requested: ReadAt
  /** What else tells this representation from others of the same revision (the day, a page). */
  readonly variant?: string | undefined
}

/**
 * A read's answer as text of `contentType`, tagged with the revision (and variant) it was read at and
 * kept for the next client that asks the same (see `answer-cache.ts`); 304 when `If-None-Match` holds
 * it.
 */
export const taggedText = (
  c: Context,
  app: AppContext,
  text: string,
  contentType: string,
  state: ReadState
) => {
  const etag = etagOf(state.revision, state.variant)
  const headers = { "content-type": contentType, etag, "cache-control": "private, no-cache" }
  const body = keptBody(text, utf8.encode(text))
  const atHead = state.requested.revision === undefined
  // What the route read as the head is what the next request of this case looks up first.
  const admitted = (c as Context<ApiEnv>).get("admitted")
  if (atHead && admitted !== undefined) app.gate.keepHead(admitted, state.caseName, state.revision)
  app.answers.keep(requestKey(c.req.url), {
    caseName: state.caseName,
    revision: state.revision,
    atHead,
    today: state.asOf !== undefined && state.requested.asOf === undefined ? state.asOf : undefined,
    etag,
    offered: producedAt(c.req.path),
    body,
    headers
  })
  if (noneMatchHolds(c.req.header("if-none-match"), etag))
    return answer(c, null, 304, { etag }) as Response & TypedResponse<null, 304, "body">
  return answer(c, body, 200, headers)
}

const utf8 = new TextEncoder()

/** A JSON read, tagged and kept as `taggedText` does it; typed for the client as `c.json` would type it. */
export const tagged = <T extends object>(c: Context, app: AppContext, body: T, state: ReadState) =>
  taggedText(c, app, JSON.stringify(body), "application/json", state) as
    | (Response & TypedResponse<null, 304, "body">)
    | (Response & TypedResponse<JSONParsed<T>, 200, "json">)

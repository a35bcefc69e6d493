/**
 * Reading what a request asks: which state of the case (`revision`, `asOf`), which page, what the
 * write is based on, and the validated body, with every invalid field reported as a JSON Pointer.
 */
import { problem, readIfMatch, type ReadAt, type WriteRequest } from "@allegiance/service"
import { sValidator } from "@hono/standard-validator"
import type { StandardSchemaV1 } from "@standard-schema/spec"
import type { Context, MiddlewareHandler } from "hono"
import { problemJson } from "./respond.ts"
import type { ApiEnv } from "./guards.ts"

/** Which state of the case a validated query asks for (`AtQuery`). */
export const readAt = (query: { readonly revision?: string; readonly asOf?: string }): ReadAt => ({
  revision: query.revision === undefined ? undefined : Number(query.revision),
  asOf: query.asOf
})

/** Which page a validated query asks for. */
export const pageQuery = (query: { readonly cursor?: string; readonly limit?: string }) => ({
  cursor: query.cursor,
  limit: query.limit
})

/** The query validated by `schema`; otherwise a 422 naming every parameter that cannot be read. */
export const queryParameters = <S extends StandardSchemaV1>(schema: S) => {
  const validate = sValidator("query", schema, (result, c) => {
    if (result.success) return
    return problemJson(
      c,
      problem(422, "Some parameters of this request cannot be read; nothing was done.", {
        errors: result.error.map((issue) => ({
          parameter: pointerOf(issue.path).slice(1).split("/")[0] ?? "",
          detail: issue.message
        }))
      })
    )
  })
  // The same query text always reads the same, and clients ask the same few again and again (a
  // dashboard's verdicts as of today): each is validated once, then found here.
  const known = new Map<string, object>()
  const remembered: MiddlewareHandler = async (c, next) => {
    const url = c.req.url
    const at = url.indexOf("?")
    const search = at < 0 ? "" : url.slice(at)
    const found = known.get(search)
    if (found !== undefined) {
      c.req.addValidatedData("query", found)
      return next()
    }
    return validate(c, async () => {
      if (known.size >= queriesKept) known.delete(known.keys().next().value!)
      known.set(search, c.req.valid("query" as never) as object)
      await next()
    })
  }
  return remembered as unknown as typeof validate
}

const queriesKept = 500

export const writeRequest = (c: Context<ApiEnv>, reason: string): WriteRequest => ({
  author: c.get("principal").label,
  reason,
  precondition: readIfMatch(c.req.header("if-match"))
})

const pointerOf = (path: StandardSchemaV1.Issue["path"]) =>
  (path ?? [])
    .map(
      (key) =>
        `/${String(typeof key === "object" ? key.key : key)
          .replace(/~/g, "~0")
          .replace(/\//g, "~1")}`
    )
    .join("")

/** The body validated by `schema`; otherwise a 422 listing every invalid field, each with its pointer. */
export const jsonBody = <S extends StandardSchemaV1>(schema: S) =>
  sValidator("json", schema, (result, c) => {
    if (result.success) return
    return problemJson(
      c,
      problem(422, "The body of the request is not valid; nothing was saved.", {
        errors: result.error.map((issue) => ({ pointer: pointerOf(issue.path), detail: issue.message }))
      })
    )
  })

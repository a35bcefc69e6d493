/**
 * Reading what a request asks: which state of the case (`revision`, `asOf`), which page, what the
 * write is based on, and the validated body, with every invalid field reported as a JSON Pointer.
 */
import { problem, readIfMatch, type ReadAt, type WriteRequest } from "@allegiance/service"
import { sValidator } from "@hono/standard-validator"
import type { StandardSchemaV1 } from "@standard-schema/spec"
import type { Context } from "hono"
import { problemJson } from "./respond.ts"
import type { ApiEnv } from "./guards.ts"

export const readAt = (c: Context): ReadAt => {
  const revision = c.req.query("revision")
  if (revision !== undefined && !/^[1-9]\d{0,14}$/.test(revision))
    throw problem(422, `revision must be a revision number (1, 2, ...), not "${revision.slice(0, 40)}".`, {
      errors: [{ parameter: "revision", detail: "Expected a whole number from 1." }]
    })
  return { revision: revision === undefined ? undefined : Number(revision), asOf: c.req.query("asOf") }
}

export const pageQuery = (c: Context) => ({ cursor: c.req.query("cursor"), limit: c.req.query("limit") })

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

/**
 * Problems as the API reports them: RFC 9457 problem details, one per failure, in words an analyst
 * can act on, with the field path of every invalid field. What reaches a client is the status, a
 * title, a detail and the fields listed here: never a stack trace, a query, a file path or the name
 * of a piece of code.
 */
import type { StoreError } from "@allegiance/store"
import { Schema } from "effect"

/** One invalid field: where it is (a JSON Pointer into the body, or a query parameter) and what is wrong. */
export const FieldProblem = Schema.Struct({
  detail: Schema.String,
  pointer: Schema.optionalKey(Schema.String),
  parameter: Schema.optionalKey(Schema.String),
  header: Schema.optionalKey(Schema.String)
})
export type FieldProblem = typeof FieldProblem.Type

/** The body of every error response (`application/problem+json`). */
export const ProblemBody = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Number,
  detail: Schema.String,
  errors: Schema.optionalKey(Schema.Array(FieldProblem))
}).annotate({ identifier: "Problem", description: "RFC 9457 problem details." })

export class Problem extends Schema.TaggedError<Problem>()("Problem", {
  status: Schema.Number,
  title: Schema.String,
  detail: Schema.String,
  errors: Schema.optionalKey(Schema.Array(FieldProblem)),
  /** More members of the problem object (the newer revision's author on a 412, ...). */
  extensions: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
  /** Response headers the problem needs (`WWW-Authenticate`, `Retry-After`, `Allow`). */
  headers: Schema.optionalKey(Schema.Record(Schema.String, Schema.String))
}) {
  override get message(): string {
    return this.detail
  }
  /** The problem object as sent. */
  body(): Record<string, unknown> {
    return {
      type: `https://allegiance.invalid/problems/${slug(this.title)}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      ...this.extensions
    }
  }
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  409: "Already exists",
  412: "Changed since",
  413: "Body too large",
  415: "Unsupported media type",
  422: "Invalid input",
  429: "Too many requests",
  503: "Store unavailable"
}

export const problem = (
  status: number,
  detail: string,
  more: {
    readonly errors?: ReadonlyArray<FieldProblem>
    readonly extensions?: Record<string, unknown>
    readonly headers?: Record<string, string>
    readonly title?: string
  } = {}
): Problem =>
  new Problem({
    status,
    title: more.title ?? titles[status] ?? "Error",
    detail,
    ...(more.errors === undefined ? {} : { errors: more.errors }),
    ...(more.extensions === undefined ? {} : { extensions: more.extensions }),
    ...(more.headers === undefined ? {} : { headers: more.headers })
  })

/** `issuer.actor` or `restsOn[2]` as a JSON Pointer under `prefix` (`/item/issuer/actor`). */
export const pointerOf = (prefix: string, path: string): string =>
  prefix +
  path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((part) => part !== "")
    .map((part) => `/${part.replace(/~/g, "~0").replace(/\//g, "~1")}`)
    .join("")

/**
 * The store words each problem with a change as `statement "st-9": issuer.actor: what is wrong`; the
 * field part becomes a pointer into the request body when the problem is in the item that was sent.
 */
const fieldProblemOf = (line: string, sent: { readonly id: string; readonly prefix: string } | undefined) => {
  const match = /^\w+ "([^"]*)": ((?:[A-Za-z_$][\w$]*|\[\d+\])(?:\.[A-Za-z_$][\w$]*|\[\d+\])*): (.+)$/s.exec(
    line
  )
  if (match === null || sent === undefined || match[1] !== sent.id) return { detail: line }
  return { detail: match[3]!, pointer: pointerOf(sent.prefix, match[2]!) }
}

export interface StoreErrorContext {
  /** The item the request sent, and where it is in the body, to point at its fields. */
  readonly sent?: { readonly id: string; readonly prefix: string } | undefined
}

/** The problem a store failure is to the client. */
export const problemOfStoreError = (error: StoreError, context: StoreErrorContext = {}): Problem => {
  const reason = error.reason
  switch (reason._tag) {
    case "CaseNotFound":
      return problem(404, reason.message)
    case "RevisionNotFound":
      return problem(404, reason.message)
    case "CaseExists":
      return problem(409, `A case named "${reason.caseName}" is already in the store.`)
    case "Conflict":
      return problem(
        412,
        `Case "${reason.caseName}" has changed since revision ${reason.basedOn}, which your change was based on: ` +
          `revision ${reason.head} was saved by ${reason.headAuthor} at ${reason.headAt} ("${reason.headReason}"). ` +
          `Nothing was saved. Read the case again, re-apply your change and send it with If-Match: "r${reason.head}".`,
        {
          extensions: {
            basedOn: reason.basedOn,
            revision: reason.head,
            author: reason.headAuthor,
            at: reason.headAt,
            reason: reason.headReason
          }
        }
      )
    case "InvalidChange":
      return problem(422, `The change to case "${reason.caseName}" was refused, and nothing was saved.`, {
        errors: reason.problems.map((line) => fieldProblemOf(line, context.sent))
      })
    case "InvalidCaseFile":
      return problem(422, "The case file was refused, and nothing was saved.", {
        errors: reason.problems.map((line) => ({ detail: line }))
      })
    // The store's own state: say what to do, never where the store lives or what the database said.
    case "NewerStore":
      return problem(503, "The store was written by a newer version of Allegiance; upgrade the server.")
    case "Corrupt":
      return problem(503, "The store is damaged; restore it from a backup.")
    case "Unavailable":
      return problem(503, "The store cannot be reached right now; try again shortly.", {
        headers: { "retry-after": "5" }
      })
  }
}

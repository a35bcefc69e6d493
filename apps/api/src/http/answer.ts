/**
 * How answers are made. Every answer carries the security headers below and, for a counted request,
 * its rate headers. JSON answers are built here whole, with their headers as one plain object: on
 * Node, @hono/node-server writes such a response straight to the socket, where a header changed
 * afterwards (what a middleware does after `next()`) turns every answer into a full Fetch `Response`
 * and its `Headers`, which cost more than the rest of a cached verdict read. Answers made elsewhere
 * (the reference page, the event stream, an export, a middleware's refusal) get the same headers
 * from `answerHeaders` after the fact.
 */
import type { Problem } from "@allegiance/service"
import type { Context, MiddlewareHandler, TypedResponse } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { JSONParsed } from "hono/utils/types"

/**
 * The security headers of a JSON answer: it runs nothing and is framed by nothing, is not read as
 * anything but what it says, goes only over HTTPS once a browser has seen it so, and is not sent
 * with the address of the page that asked. (Headers for HTML documents, such as the XSS and
 * download options of old browsers, say nothing of JSON; each costs every answer its time.)
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "cross-origin-resource-policy": "same-origin",
  "referrer-policy": "no-referrer",
  // Answers differ by Origin when CORS is on; caches must keep them apart.
  vary: "Origin"
}

/** What a page (the reference page) gets besides: what Hono's secure headers set for documents. */
export const documentHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  "cross-origin-opener-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "SAMEORIGIN",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0"
}

const answered = new WeakSet<Context>()
const rateHeadersOf = new WeakMap<Context, Readonly<Record<string, string>>>()

/** The rate headers of the request `c` is about, for its answer (see `access`). */
export const setRateHeaders = (c: Context, headers: Readonly<Record<string, string>>) => {
  rateHeadersOf.set(c, headers)
}

/** An answer with `body` (text, bytes, or none), its headers as given plus the security and rate headers. */
export const answer = (
  c: Context,
  body: string | Uint8Array | null,
  status: number,
  headers: Readonly<Record<string, string>>
): Response => {
  answered.add(c)
  return new Response(body, {
    status,
    headers: { ...securityHeaders, ...rateHeadersOf.get(c), ...headers }
  })
}

/** `value` as JSON, typed for the client as `c.json` would type it. */
export const answerJson = <T, S extends ContentfulStatusCode>(
  c: Context,
  value: T,
  status: S,
  headers: Readonly<Record<string, string>> = {}
) =>
  answer(c, JSON.stringify(value), status, {
    "content-type": "application/json",
    ...headers
  }) as Response & TypedResponse<JSONParsed<T>, S, "json">

/**
 * A request refused before its route (401, 403, 429, 503 from the gate): the problem, with the
 * headers `answerHeaders` gives every answer made outside `answer`, so that it reads the same whether
 * the cached reads or the routes refused it.
 */
export const refusalParts = (found: Problem) => ({
  status: found.status,
  headers: { ...documentHeaders, ...found.headers, "content-type": "application/problem+json" },
  body: JSON.stringify(found.body())
})

export const refusal = (found: Problem): Response => {
  const parts = refusalParts(found)
  return new Response(parts.body, { status: parts.status, headers: parts.headers })
}

/**
 * The outermost middleware: an answer not made by `answer` gets the security headers (those it does
 * not set itself: the reference page sets its own policy) and its rate headers.
 */
export const answerHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  if (answered.has(c)) return
  const headers = c.res.headers
  for (const [name, value] of Object.entries(documentHeaders))
    if (!headers.has(name)) headers.set(name, value)
  for (const [name, value] of Object.entries(rateHeadersOf.get(c) ?? {})) headers.set(name, value)
}

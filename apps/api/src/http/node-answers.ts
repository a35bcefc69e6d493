/**
 * Kept reads on Node, answered on the socket: `allegiance serve` puts this in front of
 * @hono/node-server's listener, so that a GET whose answer is kept (see `cached-reads.ts`) is
 * decided from Node's own request (its target and raw header lines) and written with one
 * `writeHead` and one `end`. No Fetch `Request`, `Headers` or `Response` is made, and no header
 * object: each kept answer's header lines are laid out once, as the flat list Node takes, and a
 * request only fills in its three rate values. (Building the Fetch objects and their headers for each
 * request cost a kept read more than the token, rate and head checks together.)
 *
 * It decides exactly as `cachedReads` does (it is the same `keptRead`) and answers with the same
 * status, headers and bytes; whatever it cannot read as plainly as @hono/node-server would (an
 * unusual target or Host, a header sent twice, an Origin) goes to that listener and the app's
 * `fetch` untouched. A request let through but handed on is marked admitted for the routes, so it is
 * counted once.
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import type { Problem, RateDecision } from "@allegiance/service"
import { getRequestListener, type Http2Bindings, type HttpBindings } from "@hono/node-server"
import { refusalParts, securityHeaders } from "./answer.ts"
import type { KeptAnswer, NodeWire } from "./answer-cache.ts"
import { type KeptReadEnds, keptRead } from "./cached-reads.ts"
import type { Admitted } from "./gate.ts"
import type { AppContext } from "./runtime.ts"

type Listener = (incoming: IncomingMessage, outgoing: ServerResponse) => void

/**
 * A target @hono/node-server takes as it is (`/path?query`, no percent sign, no dot segment), less a
 * fragment mark and an apostrophe, which it may rewrite: then its URL's path and query are the target
 * itself, which is what answers are kept under.
 */
const plainTarget = /^\/[!$&(-;=?-[\]_a-z~]*$/
const dotSegment = /\/\.\.?(?:[/?#]|$)/

/** A Host @hono/node-server takes without parsing it; any other is parsed once and remembered. */
const plainHost = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/
const hostsParsed = new Map<string, boolean>()
const hostTaken = (host: string): boolean => {
  if (plainHost.test(host)) return true
  let taken = hostsParsed.get(host)
  if (taken === undefined) {
    // What @hono/node-server asks of a Host it parses: that the URL it makes names that host.
    try {
      const hostname = new URL(`http://${host}/`).hostname
      taken =
        hostname.length === host.length ||
        hostname === (host.includes(":") ? host.replace(/:\d+$/, "") : host).toLowerCase()
    } catch {
      taken = false
    }
    if (hostsParsed.size >= 64) hostsParsed.clear()
    hostsParsed.set(host, taken)
  }
  return taken
}

const isHttpWhitespace = (code: number) => code === 9 || code === 10 || code === 13 || code === 32
/** A header value as the Fetch `Headers` give it: without the whitespace around it. */
const trimmed = (value: string) =>
  isHttpWhitespace(value.charCodeAt(0)) || isHttpWhitespace(value.charCodeAt(value.length - 1))
    ? value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "")
    : value
const forbiddenInValue = /[\0\r\n]/

const flat = (headers: Readonly<Record<string, string>>) => Object.entries(headers).flat()
const rateLines = ["ratelimit-limit", "", "ratelimit-remaining", "", "ratelimit-reset", ""]

const wireOf = (answer: KeptAnswer): NodeWire => {
  answer.nodeWire ??= {
    ok: [...flat(answer.allHeaders), "content-length", String(answer.byteLength), ...rateLines],
    notModified: [...flat(securityHeaders), "etag", answer.etag, ...rateLines]
  }
  return answer.nodeWire
}

/** The lines with this request's rate values in their last three places (see `rateHeaders`). */
const withRate = (lines: Array<string>, decision: RateDecision) => {
  const end = lines.length
  lines[end - 5] = String(decision.limit)
  lines[end - 3] = String(decision.remaining)
  lines[end - 1] = String(decision.resetIn)
  return lines
}

const writeRefusal = (outgoing: ServerResponse, problem: Problem) => {
  const parts = refusalParts(problem)
  outgoing.writeHead(parts.status, {
    ...parts.headers,
    "content-length": String(Buffer.byteLength(parts.body))
  })
  outgoing.end(parts.body)
}

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>

/** What the Node server serves: the app's context, its `fetch`, and its routes without the kept reads in front. */
export interface ServedApp {
  readonly context: AppContext
  readonly fetch: Fetch
  readonly routes: Fetch
}

/**
 * The Node server's listener: kept reads answered on the socket, the rest through @hono/node-server to
 * the app's `fetch`. A request the kept reads let through and handed on goes straight to the routes,
 * marked admitted, so that it is not counted again.
 */
export const nodeListener = (app: ServedApp, hostname: string): Listener => {
  const handedOn = new WeakMap<object, Admitted>()
  const viaFetch = getRequestListener(
    (request: Request, env: HttpBindings | Http2Bindings) => {
      const admitted = handedOn.get(env.incoming)
      if (admitted === undefined) return app.fetch(request, env)
      app.context.admitted.set(request, admitted)
      return app.routes(request, env)
    },
    { hostname }
  )
  return keptReadsFirst(app.context, handedOn, viaFetch)
}

/**
 * `next` (@hono/node-server's listener over the app) behind the kept reads of `app`. `handedOn` is
 * where a request let through but handed on is marked, for `next` to find.
 */
const keptReadsFirst = (app: AppContext, handedOn: WeakMap<object, Admitted>, next: Listener): Listener => {
  const ends: KeptReadEnds<ServerResponse, boolean> = {
    // The header lines are written at once, so one list per answer serves every request.
    answer: (outgoing, answer, decision, notModified) => {
      const wire = wireOf(answer)
      if (notModified) {
        outgoing.writeHead(304, withRate(wire.notModified, decision))
        outgoing.end()
      } else {
        outgoing.writeHead(200, withRate(wire.ok, decision))
        outgoing.end(answer.body)
      }
      return true
    },
    refuse: (outgoing, problem) => {
      writeRefusal(outgoing, problem)
      return true
    },
    handOn: (outgoing, admitted) => {
      handedOn.set(outgoing.req, admitted)
      return false
    }
  }

  const tryKept = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method !== "GET") return undefined
    const target = incoming.url
    if (target === undefined || !plainTarget.test(target) || dotSegment.test(target)) return undefined
    const answer = app.answers.get(target)
    if (answer === undefined) return undefined
    let host: string | undefined
    let accept: string | undefined
    let authorization: string | undefined
    let noneMatch: string | undefined
    const raw = incoming.rawHeaders
    for (let at = 0; at < raw.length; at += 2) {
      const name = raw[at]!
      const length = name.length
      if (length !== 4 && length !== 6 && length !== 13) continue
      const lower = name.toLowerCase()
      // A header sent twice is read as Fetch joins it: the app's fetch reads it so.
      if (lower === "host") {
        if (host !== undefined) return undefined
        host = raw[at + 1]!
      } else if (lower === "origin") return undefined
      else if (lower === "accept") {
        if (accept !== undefined) return undefined
        accept = raw[at + 1]!
      } else if (lower === "authorization") {
        if (authorization !== undefined) return undefined
        authorization = raw[at + 1]!
      } else if (lower === "if-none-match") {
        if (noneMatch !== undefined) return undefined
        noneMatch = raw[at + 1]!
      }
    }
    if (host === undefined || !hostTaken(host)) return undefined
    if (
      (accept !== undefined && forbiddenInValue.test(accept)) ||
      (authorization !== undefined && forbiddenInValue.test(authorization)) ||
      (noneMatch !== undefined && forbiddenInValue.test(noneMatch))
    )
      return undefined
    const query = target.indexOf("?")
    return keptRead(
      app,
      ends,
      outgoing,
      answer,
      query < 0 ? target : target.slice(0, query),
      accept === undefined ? undefined : trimmed(accept),
      authorization === undefined ? undefined : trimmed(authorization),
      noneMatch === undefined ? undefined : trimmed(noneMatch)
    )
  }

  /** Something this did not foresee: the routes answer, unless a part of the answer went out already. */
  const failed = (incoming: IncomingMessage, outgoing: ServerResponse, error: unknown) => {
    if (outgoing.headersSent) {
      console.error("allegiance api: a kept answer could not be written:", error)
      outgoing.destroy()
    } else next(incoming, outgoing)
  }

  return (incoming, outgoing) => {
    let answered: ReturnType<typeof tryKept>
    try {
      answered = tryKept(incoming, outgoing)
    } catch (error) {
      return failed(incoming, outgoing, error)
    }
    if (answered instanceof Promise)
      answered.then(
        (done) => {
          if (done !== true) next(incoming, outgoing)
        },
        (error: unknown) => failed(incoming, outgoing, error)
      )
    else if (answered !== true) next(incoming, outgoing)
  }
}

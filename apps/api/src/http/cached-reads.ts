/**
 * The front door for reads asked before: a GET whose answer is kept (see `answer-cache.ts`) is answered
 * here, before any routing, with the least a request must cost: its token checked and its rate
 * counted by the gate (in memory on a store file), the case's head and today's date compared with
 * what the answer was read at, and the kept bytes sent with their ETag (or a 304). Nothing is
 * validated, worked out or serialized again, and no Effect runs.
 *
 * The answer is the one the route would give: the route gave it for this same path and query, and
 * the request is refused here exactly as the route's guards would refuse it (the gate is theirs).
 * Whatever this cannot vouch for goes on to the routes: a request from a browser (CORS), one whose
 * Accept the route would refuse, an answer whose revision or day has passed. A request the gate let
 * through is handed on admitted, so that it is not counted twice.
 */
import { noneMatchHolds, Problem, rateHeaders } from "@allegiance/service"
import { getPath } from "hono/utils/url"
import { refusal, securityHeaders } from "./answer.ts"
import { type CachedAnswer, requestKey } from "./answer-cache.ts"
import { type Admitted, after, type Maybe } from "./gate.ts"
import { accepts } from "./media-types.ts"
import type { AppContext } from "./runtime.ts"

/** Accept headers seen with the type of an answer kept, and whether the routes would give it to them. */
const acceptance = new Map<string, boolean>()
const acceptable = (accept: string, answer: CachedAnswer) => {
  const key = `${answer.offered[0]} ${accept}`
  let known = acceptance.get(key)
  if (known === undefined) {
    known = accept.trim() === "" || accepts(accept, answer.offered)
    if (acceptance.size >= 64) acceptance.clear()
    acceptance.set(key, known)
  }
  return known
}

const send = (answer: CachedAnswer, admitted: Admitted, noneMatch: string | null): Response => {
  const rate = rateHeaders(admitted.decision)
  if (noneMatch !== null && noneMatchHolds(noneMatch, answer.etag))
    return new Response(null, { status: 304, headers: { ...securityHeaders, ...rate, etag: answer.etag } })
  return new Response(answer.body, {
    status: 200,
    headers: { ...securityHeaders, ...rate, ...answer.headers }
  })
}

/**
 * The answer to `request` when it is kept and still holds; `undefined` (now or once looked up) when
 * the routes must answer it.
 */
export const cachedReads =
  (app: AppContext) =>
  (request: Request): Maybe<Response | undefined> | undefined => {
    if (request.method !== "GET") return undefined
    const answer = app.answers.get(requestKey(request.url))
    if (answer === undefined) return undefined
    const headers = request.headers
    if (headers.get("origin") !== null) return undefined
    const accept = headers.get("accept")
    if (accept !== null && !acceptable(accept, answer)) return undefined
    if (answer.today !== undefined && answer.today !== app.gate.today()) return undefined
    const admitted = app.gate.admit("GET", getPath(request), headers.get("authorization") ?? undefined)
    return after(admitted, (found) => {
      if (found instanceof Problem) return refusal(found)
      const handOn = () => {
        app.admitted.set(request, found)
        return undefined
      }
      if (!answer.atHead) return send(answer, found, headers.get("if-none-match"))
      return after(app.gate.head(found, answer.caseName), (head) =>
        head instanceof Problem || head !== answer.revision
          ? handOn()
          : send(answer, found, headers.get("if-none-match"))
      )
    })
  }

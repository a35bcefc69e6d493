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
 *
 * `keptRead` decides; how the answer is made is the caller's: `cachedReads` makes a Fetch `Response`
 * (Workers, `app.request`, and any server that calls `app.fetch`), `node-answers.ts` writes it
 * straight to Node's socket.
 */
import { noneMatchHolds, Problem, type RateDecision, rateHeaders } from "@allegiance/service"
import { getPath } from "hono/utils/url"
import { refusal, securityHeaders } from "./answer.ts"
import { type KeptAnswer, requestKey } from "./answer-cache.ts"
import type { Admitted, Maybe } from "./gate.ts"
import { accepts } from "./media-types.ts"
import type { AppContext } from "./runtime.ts"

/** Whether the routes would give `answer` to a request with this Accept header (remembered per answer). */
const acceptable = (accept: string, answer: KeptAnswer) => {
  if (accept === answer.lastAccept) return answer.lastAcceptable
  const known = accept.trim() === "" || accepts(accept, answer.offered)
  answer.lastAccept = accept
  answer.lastAcceptable = known
  return known
}

/** What a caller does with each way a kept read can end, for the request `subject`. */
export interface KeptReadEnds<Subject, Result> {
  /** The kept answer (or, when `notModified`, a 304 for it), counted as `decision`. */
  readonly answer: (
    subject: Subject,
    answer: KeptAnswer,
    decision: RateDecision,
    notModified: boolean
  ) => Result
  /** The gate's refusal (401, 403, 429, 503). */
  readonly refuse: (subject: Subject, problem: Problem) => Result
  /** Let through, but the answer no longer holds: the routes answer it, without counting it again. */
  readonly handOn: (subject: Subject, admitted: Admitted) => Result
}

/**
 * How a kept read of `answer` ends for a GET of `path` with these headers: `undefined` when it is not
 * one to answer here (the routes answer it, and count it), otherwise what `ends` made of it, now or
 * once the gate has looked something up. Not for a request with an Origin header: CORS is the routes'.
 */
export const keptRead = <Subject, Result>(
  app: AppContext,
  ends: KeptReadEnds<Subject, Result>,
  subject: Subject,
  answer: KeptAnswer,
  path: string,
  accept: string | undefined,
  authorization: string | undefined,
  noneMatch: string | undefined
): Maybe<Result | undefined> | undefined => {
  if (accept !== undefined && !acceptable(accept, answer)) return undefined
  if (answer.today !== undefined && answer.today !== app.gate.today()) return undefined
  const admitted = app.gate.admit("GET", path, authorization)
  return admitted instanceof Promise
    ? admitted.then((found) => afterAdmission(app, ends, subject, answer, noneMatch, found))
    : afterAdmission(app, ends, subject, answer, noneMatch, admitted)
}

const afterAdmission = <Subject, Result>(
  app: AppContext,
  ends: KeptReadEnds<Subject, Result>,
  subject: Subject,
  answer: KeptAnswer,
  noneMatch: string | undefined,
  admitted: Admitted | Problem
): Maybe<Result> => {
  if (admitted instanceof Problem) return ends.refuse(subject, admitted)
  if (!answer.atHead) return sent(ends, subject, answer, admitted, noneMatch)
  const head = app.gate.head(admitted, answer.caseName)
  return head instanceof Promise
    ? head.then((found) => atHead(ends, subject, answer, admitted, noneMatch, found))
    : atHead(ends, subject, answer, admitted, noneMatch, head)
}

const atHead = <Subject, Result>(
  ends: KeptReadEnds<Subject, Result>,
  subject: Subject,
  answer: KeptAnswer,
  admitted: Admitted,
  noneMatch: string | undefined,
  head: number | Problem
): Result =>
  head instanceof Problem || head !== answer.revision
    ? ends.handOn(subject, admitted)
    : sent(ends, subject, answer, admitted, noneMatch)

const sent = <Subject, Result>(
  ends: KeptReadEnds<Subject, Result>,
  subject: Subject,
  answer: KeptAnswer,
  admitted: Admitted,
  noneMatch: string | undefined
): Result => ends.answer(subject, answer, admitted.decision, noneMatchHolds(noneMatch, answer.etag))

/** The kept read's ends as Fetch responses; a request handed on is `undefined` (the routes answer it). */
const responses = (app: AppContext): KeptReadEnds<Request, Response | undefined> => ({
  answer: (_request, answer, decision, notModified) =>
    notModified
      ? new Response(null, {
          status: 304,
          headers: { ...securityHeaders, ...rateHeaders(decision), etag: answer.etag }
        })
      : new Response(answer.body, {
          status: 200,
          headers: { ...answer.allHeaders, ...rateHeaders(decision) }
        }),
  refuse: (_request, problem) => refusal(problem),
  handOn: (request, admitted) => {
    app.admitted.set(request, admitted)
    return undefined
  }
})

/**
 * The answer to `request` when it is kept and still holds; `undefined` (now or once looked up) when
 * the routes must answer it.
 */
export const cachedReads = (app: AppContext) => {
  const ends = responses(app)
  return (request: Request): Maybe<Response | undefined> | undefined => {
    if (request.method !== "GET") return undefined
    const answer = app.answers.get(requestKey(request.url))
    if (answer === undefined) return undefined
    const headers = request.headers
    if (headers.get("origin") !== null) return undefined
    return keptRead(
      app,
      ends,
      request,
      answer,
      getPath(request),
      headers.get("accept") ?? undefined,
      headers.get("authorization") ?? undefined,
      headers.get("if-none-match") ?? undefined
    )
  }
}

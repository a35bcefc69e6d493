/**
 * `GET /cases/{case}/events`: Server-Sent Events. After every write to the case, one `verdicts` event
 * whose id is the new revision and whose data says which verdicts changed (item, from, to) as of the
 * stream's day (`asOf`, default today). A client that reconnects with `Last-Event-ID` gets the events
 * of every revision it missed, worked out from the store, then the live ones. Writes made by another
 * process or instance are found by looking at the head every `eventPollMs`.
 */
import { CaseService, problem } from "@allegiance/service"
import { Effect } from "effect"
import { Hono } from "hono"
import { streamSSE } from "hono/streaming"
import type { ApiEnv } from "../http/guards.ts"
import { EventsQuery, standardQuery } from "../contract.ts"
import { queryParameters, readAt } from "../http/request.ts"
import { problemJson, problemOfExit } from "../http/respond.ts"
import type { AppOptions } from "../http/runtime.ts"

/** Revisions a reconnecting client may catch up on one by one; further behind, it is told to read afresh. */
const replayLimit = 100
const heartbeatMs = 15_000

export const eventRoutes = (options: AppOptions) =>
  new Hono<ApiEnv>().get("/:case/events", queryParameters(standardQuery(EventsQuery)), async (c) => {
    const caseName = c.req.param("case")
    const lastEventId = c.req.header("last-event-id") ?? c.req.valid("query").lastEventId
    if (lastEventId !== undefined && !/^\d{1,15}$/.test(lastEventId.trim()))
      return problemJson(
        c,
        problem(422, "Last-Event-ID must be the id of an event of this stream (a revision number).", {
          errors: [{ header: "Last-Event-ID", detail: "Expected a revision number." }]
        })
      )
    const opened = await options.runtime.runPromiseExit(
      Effect.gen(function* () {
        const at = readAt(c.req.valid("query"))
        const service = yield* CaseService
        const cached = yield* service.evaluation(caseName, at)
        return { service, asOf: cached.asOf, head: cached.revision.number }
      })
    )
    if (opened._tag === "Failure") return problemJson(c, problemOfExit(opened.cause))
    const { service, asOf, head } = opened.value
    const pollMs = options.eventPollMs ?? 2000
    return streamSSE(c, async (stream) => {
      let seen = lastEventId === undefined ? head : Math.min(Number(lastEventId), head)
      let wake: (() => void) | undefined
      let closed = false
      const unsubscribe = service.events.subscribe(caseName, () => wake?.())
      stream.onAbort(() => {
        closed = true
        unsubscribe()
        wake?.()
      })
      await stream.writeSSE({
        event: "ready",
        id: String(seen),
        data: JSON.stringify({ revision: head, asOf }),
        retry: 2000
      })
      let quietSince = Date.now()
      while (!closed) {
        const current = await options.runtime.runPromiseExit(
          Effect.map(service.store.head(caseName), (info) => info.number).pipe(
            Effect.orElseSucceed(() => seen)
          )
        )
        const latest = current._tag === "Success" ? current.value : seen
        if (latest - seen > replayLimit) {
          await stream.writeSSE({
            event: "reset",
            id: String(latest),
            data: JSON.stringify({
              revision: latest,
              asOf,
              detail: "Too many revisions were missed: read the case afresh."
            })
          })
          seen = latest
        }
        for (let revision = seen + 1; revision <= latest && !closed; revision++) {
          const changes = await options.runtime.runPromiseExit(
            service.verdictChangesAt(caseName, revision, asOf)
          )
          if (changes._tag === "Failure") break
          const { revision: info, changes: shifts } = changes.value
          await stream.writeSSE({
            event: "verdicts",
            id: String(revision),
            data: JSON.stringify({
              revision,
              asOf,
              author: info.author,
              reason: info.reason,
              changes: shifts
            })
          })
          seen = revision
          quietSince = Date.now()
        }
        if (closed) break
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        wake = undefined
        if (Date.now() - quietSince >= heartbeatMs) {
          await stream.write(": still here\n\n")
          quietSince = Date.now()
        }
      }
    })
  })

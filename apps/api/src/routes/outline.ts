/**
 * What a client that draws a case's lists needs (the terminal UI over HTTP): the case's outline at a
 * revision (default the head), and a day's views against it (`asOf`, default today), with what changed
 * since another day (`since`). Both are `@allegiance/present`'s, served as they are.
 */
import { asOfViewsAt, CaseService, caseOutlineAt } from "@allegiance/service"
import { Effect } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/guards.ts"
import * as C from "../contract.ts"
import { queryParameters, readAt } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import type { AppOptions } from "../http/runtime.ts"

export const outlineRoutes = (options: AppOptions) =>
  new Hono<ApiEnv>()
    .get("/:case/outline", queryParameters(C.standardQuery(C.RevisionQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = readAt(c.req.valid("query"))
          return yield* caseOutlineAt(yield* CaseService, c.req.param("case"), at)
        }),
        ({ revision, outline }) => tagged(c, { outline, revision }, revision.number)
      )
    )
    .get("/:case/views", queryParameters(C.standardQuery(C.ViewsQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const query = c.req.valid("query")
          return yield* asOfViewsAt(yield* CaseService, c.req.param("case"), readAt(query), query.since)
        }),
        ({ cached, view }) =>
          tagged(
            c,
            { view, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            `${cached.asOf}${new URL(c.req.url).search}`
          )
      )
    )

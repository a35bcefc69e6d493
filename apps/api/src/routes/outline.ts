/**
 * What a client that draws a case's lists needs (the terminal UI over HTTP): the case's outline at a
 * revision (default the head), and a day's views against it (`asOf`, default today), with what changed
 * since another day (`since`). Both are `@allegiance/present`'s, served as they are.
 */
import { asOfViewsAt, CaseService, caseOutlineAt } from "@allegiance/service"
import { Hono } from "hono"
import { RevisionQuery, standardQuery, ViewsQuery } from "../contract.ts"
import type { ApiEnv } from "../http/guards.ts"
import { queryParameters, readAt } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import type { AppContext } from "../http/runtime.ts"

export const outlineRoutes = (options: AppContext) =>
  new Hono<ApiEnv>()
    .get("/:case/outline", queryParameters(standardQuery(RevisionQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        CaseService.use((service) => caseOutlineAt(service, c.req.param("case"), at)),
        ({ revision, outline }) =>
          tagged(
            c,
            options,
            { outline, revision },
            { caseName: c.req.param("case"), revision: revision.number, requested: at }
          )
      )
    })
    .get("/:case/views", queryParameters(standardQuery(ViewsQuery)), (c) => {
      const query = c.req.valid("query")
      const at = readAt(query)
      return respond(
        c,
        options,
        CaseService.use((service) => asOfViewsAt(service, c.req.param("case"), at, query.since)),
        ({ cached, view }) =>
          tagged(
            c,
            options,
            { view, revision: cached.revision.number, asOf: cached.asOf },
            {
              caseName: c.req.param("case"),
              revision: cached.revision.number,
              asOf: cached.asOf,
              requested: at,
              variant: `${cached.asOf}${new URL(c.req.url).search}`
            }
          )
      )
    })

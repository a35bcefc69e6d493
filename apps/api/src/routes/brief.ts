/**
 * The case's brief as markdown, as `allegiance brief` writes it (`@allegiance/brief` builds it; see
 * the service's `caseBriefAt`), at a revision and day like the other views, tagged and kept as they are.
 */
import { CaseService, caseBriefAt } from "@allegiance/service"
import { Hono } from "hono"
import { BriefQuery, standardQuery } from "../contract.ts"
import type { ApiEnv } from "../http/guards.ts"
import { queryParameters, readAt } from "../http/request.ts"
import { respond, taggedText } from "../http/respond.ts"
import type { AppContext } from "../http/runtime.ts"

export const briefRoutes = (options: AppContext) =>
  new Hono<ApiEnv>().get("/:case/brief", queryParameters(standardQuery(BriefQuery)), (c) => {
    const query = c.req.valid("query")
    const at = readAt(query)
    return respond(
      c,
      options,
      CaseService.use((service) => caseBriefAt(service, c.req.param("case"), at, query.question)),
      ({ cached, markdown }) =>
        taggedText(c, options, markdown, "text/markdown; charset=utf-8", {
          caseName: c.req.param("case"),
          revision: cached.revision.number,
          asOf: cached.asOf,
          requested: at,
          variant: `${cached.asOf}${query.question === undefined ? "" : `:${query.question}`}`
        })
    )
  })

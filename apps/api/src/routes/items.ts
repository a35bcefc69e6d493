/**
 * One section of a case as a resource: `/cases/{case}/statements` lists (filtered, a page at a time)
 * and adds; `/cases/{case}/statements/{id}` reads, replaces and removes. Each write is one revision.
 */
import { attempt, CaseService, readItemFilter, type Section } from "@allegiance/service"
import { Effect } from "effect"
import { Hono } from "hono"
import { ItemListQuery, itemWrite, ReasonBody, RevisionQuery, standard, standardQuery } from "../contract.ts"
import type { ApiEnv } from "../http/guards.ts"
import { encodeItem } from "../http/items.ts"
import { jsonBody, pageQuery, queryParameters, readAt, writeRequest } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import { answerJson } from "../http/answer.ts"
import type { AppOptions } from "../http/runtime.ts"

export const itemRoutes = <S extends Section>(section: S, options: AppOptions) =>
  new Hono<ApiEnv>()
    .get("/", queryParameters(standardQuery(ItemListQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = readAt(c.req.valid("query"))
          const query = c.req.valid("query")
          const filter = yield* attempt(() => readItemFilter(query))
          return yield* (yield* CaseService).listItems(
            c.req.param("case")!,
            section,
            filter,
            pageQuery(query),
            at
          )
        }),
        ({ revision, page }) =>
          tagged(c, { ...page, revision: revision.number }, revision.number, new URL(c.req.url).search)
      )
    )
    .post("/", jsonBody(standard(itemWrite(section))), (c) => {
      const body = c.req.valid("json") as { readonly reason: string; readonly item: unknown }
      return respond(
        c,
        options,
        CaseService.use((service) =>
          service.createItem(
            c.req.param("case")!,
            section,
            encodeItem(section, body.item),
            writeRequest(c, body.reason)
          )
        ),
        (written) =>
          answerJson(c, written, 201, {
            etag: `"r${written.revision.number}"`,
            location: `${new URL(c.req.url).pathname.replace(/\/$/, "")}/${encodeURIComponent(encodeItem(section, body.item).id)}`
          })
      )
    })
    .get("/:id", queryParameters(standardQuery(RevisionQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = readAt(c.req.valid("query"))
          return yield* (yield* CaseService).item(c.req.param("case")!, section, c.req.param("id"), at)
        }),
        ({ item, revision }) => tagged(c, { item, revision: revision.number }, revision.number)
      )
    )
    .put("/:id", jsonBody(standard(itemWrite(section))), (c) => {
      const body = c.req.valid("json") as { readonly reason: string; readonly item: unknown }
      return respond(
        c,
        options,
        CaseService.use((service) =>
          service.replaceItem(
            c.req.param("case")!,
            section,
            c.req.param("id"),
            encodeItem(section, body.item),
            writeRequest(c, body.reason)
          )
        ),
        (written) => answerJson(c, written, 200, { etag: `"r${written.revision.number}"` })
      )
    })
    .delete("/:id", jsonBody(standard(ReasonBody)), (c) => {
      const body = c.req.valid("json") as { readonly reason: string; readonly item: unknown }
      return respond(
        c,
        options,
        CaseService.use((service) =>
          service.deleteItem(c.req.param("case")!, section, c.req.param("id"), writeRequest(c, body.reason))
        ),
        (written) => answerJson(c, written, 200, { etag: `"r${written.revision.number}"` })
      )
    })

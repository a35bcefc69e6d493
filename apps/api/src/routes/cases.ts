/**
 * Cases themselves: the list, a new case from a case file (admin), one case's overview, its own
 * section (title, summary, document), its export as a case file, its revisions and undoing one.
 */
import { CaseService, problem } from "@allegiance/service"
import { Effect } from "effect"
import { Hono } from "hono"
import { CaseInfoWrite, NewCase, ReasonBody, RevisionQuery, standard, standardQuery } from "../contract.ts"
import type { ApiEnv } from "../http/guards.ts"
import { jsonBody, queryParameters, readAt, writeRequest } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import { answerJson } from "../http/answer.ts"
import type { AppOptions } from "../http/runtime.ts"
import { Schema } from "effect"
import { CaseInfo } from "@allegiance/domain"

const encodeCaseInfo = Schema.encodeSync(CaseInfo)

export const caseRoutes = (options: AppOptions) =>
  new Hono<ApiEnv>()
    .get("/", (c) =>
      respond(
        c,
        options,
        CaseService.use((service) => service.listCases),
        (cases) => answerJson(c, { cases }, 200)
      )
    )
    .post("/", jsonBody(standard(NewCase)), (c) => {
      const body = c.req.valid("json")
      return respond(
        c,
        options,
        CaseService.use((service) =>
          service.createCase(body.name, body.caseFile, {
            author: c.get("principal").label,
            reason: body.reason
          })
        ),
        (created) =>
          answerJson(c, created, 201, {
            location: `/cases/${encodeURIComponent(created.name)}`,
            etag: `"r${created.revision.number}"`
          })
      )
    })
    .get("/:case", queryParameters(standardQuery(RevisionQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = readAt(c.req.valid("query"))
          return yield* (yield* CaseService).caseOverview(c.req.param("case"), at)
        }),
        (overview) => tagged(c, overview, overview.revision.number)
      )
    )
    .put("/:case", jsonBody(standard(CaseInfoWrite)), (c) => {
      const body = c.req.valid("json")
      return respond(
        c,
        options,
        CaseService.use((service) =>
          service.replaceCaseInfo(
            c.req.param("case"),
            encodeCaseInfo(body.case) as { readonly id: string },
            writeRequest(c, body.reason)
          )
        ),
        (written) => answerJson(c, written, 200, { etag: `"r${written.revision.number}"` })
      )
    })
    .get("/:case/export", queryParameters(standardQuery(RevisionQuery)), (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = readAt(c.req.valid("query"))
          return yield* (yield* CaseService).exportText(c.req.param("case"), at)
        }),
        ({ text, revision }) =>
          c.body(text, 200, {
            "content-type": "application/yaml; charset=utf-8",
            etag: `"r${revision.number}"`
          })
      )
    )
    .get("/:case/revisions", (c) =>
      respond(
        c,
        options,
        CaseService.use((service) => service.revisions(c.req.param("case"))),
        (revisions) => tagged(c, { revisions }, revisions[revisions.length - 1]?.number ?? 0)
      )
    )
    .get("/:case/revisions/:revision", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const revision = yield* revisionParam(c.req.param("revision"))
          return yield* (yield* CaseService).revisionChanges(c.req.param("case"), revision)
        }),
        (changes) => answerJson(c, changes, 200)
      )
    )
    .post("/:case/revisions/:revision/undo", jsonBody(standard(ReasonBody)), (c) => {
      const body = c.req.valid("json")
      return respond(
        c,
        options,
        Effect.gen(function* () {
          const revision = yield* revisionParam(c.req.param("revision"))
          return yield* (yield* CaseService).undo(c.req.param("case"), revision, writeRequest(c, body.reason))
        }),
        (written) => answerJson(c, written, 201, { etag: `"r${written.revision.number}"` })
      )
    })

const revisionParam = (value: string) =>
  /^[1-9]\d{0,14}$/.test(value)
    ? Effect.succeed(Number(value))
    : Effect.fail(problem(404, `"${value.slice(0, 40)}" is not a revision number (1, 2, ...).`))

/**
 * What the reasoning says of a case, as of a day (`asOf`, default today) and at a revision (default
 * the head): verdicts, one verdict and its history, an item's detail, the timeline, key judgments,
 * relationships, actors and their lifecycles, the hypotheses of a question, and a date check. The
 * views are `@allegiance/present`'s, served as they are.
 */
import { checkDualDate } from "@allegiance/domain/calendar/index"
import { CaseService, problem } from "@allegiance/service"
import type { ReadAt } from "@allegiance/service"
import { Effect, Result } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/guards.ts"
import * as C from "../contract.ts"
import { pageQuery, queryParameters, readAt } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import { answerJson } from "../http/answer.ts"
import type { AppContext } from "../http/runtime.ts"

const variant = (c: { req: { url: string } }, asOf: string) => `${asOf}${new URL(c.req.url).search}`

/** What a view was read from: the case, its revision and day, and what the request named. */
const readOf = (
  c: { req: { param: (name: "case") => string } },
  cached: { readonly revision: { readonly number: number }; readonly asOf: string },
  requested: ReadAt,
  tag: string = cached.asOf
) => ({
  caseName: c.req.param("case"),
  revision: cached.revision.number,
  asOf: cached.asOf,
  requested,
  variant: tag
})

export const viewRoutes = (options: AppContext) =>
  new Hono<ApiEnv>()
    .get("/:case/verdicts", queryParameters(C.standardQuery(C.VerdictListQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).verdicts(
            c.req.param("case"),
            at,
            { subject: c.req.valid("query").subject, status: c.req.valid("query").status },
            pageQuery(c.req.valid("query"))
          )
        }),
        ({ cached, page }) =>
          tagged(
            c,
            options,
            { ...page, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at, variant(c, cached.asOf))
          )
      )
    })
    .get("/:case/verdicts/:id", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).verdict(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, verdict }) =>
          tagged(
            c,
            options,
            // The domain gives the verdict as plain JSON; the contract says what it holds.
            {
              verdict: verdict as typeof C.Verdict.Encoded,
              revision: cached.revision.number,
              asOf: cached.asOf
            },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/verdicts/:id/history", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).verdictHistory(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, history }) =>
          tagged(
            c,
            options,
            { id: c.req.param("id"), history, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/detail/:id", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).detail(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, detail }) =>
          tagged(
            c,
            options,
            { detail, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/timeline", queryParameters(C.standardQuery(C.TimelineQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          const query = c.req.valid("query")
          return yield* (yield* CaseService).timeline(
            c.req.param("case"),
            at,
            {
              ...(query.actor === undefined ? {} : { actor: query.actor }),
              ...(query.channel === undefined ? {} : { channel: query.channel }),
              ...(query.status === undefined ? {} : { status: query.status }),
              ...(query.text === undefined ? {} : { text: query.text })
            },
            pageQuery(query)
          )
        }),
        ({ cached, page, around }) =>
          tagged(
            c,
            options,
            { ...page, around, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at, variant(c, cached.asOf))
          )
      )
    })
    .get("/:case/key-judgments", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).keyJudgments(c.req.param("case"), at)
        }),
        ({ cached, judgments }) =>
          tagged(
            c,
            options,
            { judgments, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/relationship-rows", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).relationshipRows(c.req.param("case"), at)
        }),
        ({ cached, rows }) =>
          tagged(
            c,
            options,
            { rows, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/lifecycles", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).actorRows(c.req.param("case"), at)
        }),
        ({ cached, rows }) =>
          tagged(
            c,
            options,
            { rows, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/hypotheses", queryParameters(C.standardQuery(C.RevisionQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).hypotheses(c.req.param("case"), at)
        }),
        ({ revision, items }) =>
          tagged(
            c,
            options,
            { items, revision: revision.number },
            { caseName: c.req.param("case"), revision: revision.number, requested: at }
          )
      )
    })
    .get("/:case/matrices", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).matrices(c.req.param("case"), at)
        }),
        ({ cached, matrices }) =>
          tagged(
            c,
            options,
            { matrices, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })
    .get("/:case/questions/:id/matrix", queryParameters(C.standardQuery(C.AtQuery)), (c) => {
      const at = readAt(c.req.valid("query"))
      return respond(
        c,
        options,
        Effect.gen(function* () {
          return yield* (yield* CaseService).matrix(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, matrix }) =>
          tagged(
            c,
            options,
            { matrix, revision: cached.revision.number, asOf: cached.asOf },
            readOf(c, cached, at)
          )
      )
    })

/** The date check needs no case: a Hijri date against the Gregorian date printed beside it. */
export const dateCheckRoutes = (options: AppContext) =>
  new Hono<ApiEnv>().get("/", queryParameters(C.standardQuery(C.DateCheckQuery)), (c) =>
    respond(
      c,
      options,
      Effect.gen(function* () {
        const { hijri, gregorian } = c.req.valid("query")
        const checked = checkDualDate(hijri, gregorian)
        if (Result.isFailure(checked))
          return yield* problem(422, checked.failure.message, {
            errors: [{ parameter: checked.failure.field ?? "hijri", detail: checked.failure.message }]
          })
        const { verdict, gapDays, explanation, matchedCalendar } = checked.success
        return { verdict, gapDays, explanation, ...(matchedCalendar === null ? {} : { matchedCalendar }) }
      }),
      (found) => answerJson(c, found, 200)
    )
  )

/**
 * What the reasoning says of a case, as of a day (`asOf`, default today) and at a revision (default
 * the head): verdicts, one verdict and its history, an item's detail, the timeline, key judgments,
 * relationships, actors and their lifecycles, the hypotheses of a question, and a date check. The
 * views are `@allegiance/present`'s, served as they are.
 */
import { checkDualDate } from "@allegiance/domain/calendar/index"
import { attempt, CaseService, problem } from "@allegiance/service"
import { Effect, Result } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/guards.ts"
import { pageQuery, readAt } from "../http/request.ts"
import { respond, tagged } from "../http/respond.ts"
import { answerJson } from "../http/answer.ts"
import type { AppOptions } from "../http/runtime.ts"

const statuses = new Set(["established", "refuted", "contested", "unsupported", "not-yet-known"])

const variant = (c: { req: { url: string } }, asOf: string) => `${asOf}${new URL(c.req.url).search}`

export const viewRoutes = (options: AppOptions) =>
  new Hono<ApiEnv>()
    .get("/:case/verdicts", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).verdicts(
            c.req.param("case"),
            at,
            { subject: c.req.query("subject"), status: c.req.query("status") },
            pageQuery(c)
          )
        }),
        ({ cached, page }) =>
          tagged(
            c,
            { ...page, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            variant(c, cached.asOf)
          )
      )
    )
    .get("/:case/verdicts/:id", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).verdict(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, verdict }) =>
          tagged(
            c,
            { verdict, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/verdicts/:id/history", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).verdictHistory(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, history }) =>
          tagged(
            c,
            { id: c.req.param("id"), history, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/detail/:id", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).detail(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, detail }) =>
          tagged(
            c,
            { detail, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/timeline", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          const status = c.req.query("status")
          if (status !== undefined && !statuses.has(status))
            return yield* problem(422, `status must be one of: ${[...statuses].join(", ")}.`, {
              errors: [{ parameter: "status", detail: "Not a status." }]
            })
          return yield* (yield* CaseService).timeline(
            c.req.param("case"),
            at,
            {
              ...(c.req.query("actor") === undefined ? {} : { actor: c.req.query("actor")! }),
              ...(c.req.query("channel") === undefined ? {} : { channel: c.req.query("channel")! }),
              ...(status === undefined ? {} : { status: status as "contested" }),
              ...(c.req.query("text") === undefined ? {} : { text: c.req.query("text")! })
            },
            pageQuery(c)
          )
        }),
        ({ cached, page, around }) =>
          tagged(
            c,
            { ...page, around, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            variant(c, cached.asOf)
          )
      )
    )
    .get("/:case/key-judgments", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).keyJudgments(c.req.param("case"), at)
        }),
        ({ cached, judgments }) =>
          tagged(
            c,
            { judgments, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/relationship-rows", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).relationshipRows(c.req.param("case"), at)
        }),
        ({ cached, rows }) =>
          tagged(
            c,
            { rows, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/lifecycles", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).actorRows(c.req.param("case"), at)
        }),
        ({ cached, rows }) =>
          tagged(
            c,
            { rows, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )
    .get("/:case/hypotheses", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).hypotheses(c.req.param("case"), at)
        }),
        ({ revision, items }) => tagged(c, { items, revision: revision.number }, revision.number)
      )
    )
    .get("/:case/questions/:id/matrix", (c) =>
      respond(
        c,
        options,
        Effect.gen(function* () {
          const at = yield* attempt(() => readAt(c))
          return yield* (yield* CaseService).matrix(c.req.param("case"), c.req.param("id"), at)
        }),
        ({ cached, matrix }) =>
          tagged(
            c,
            { matrix, revision: cached.revision.number, asOf: cached.asOf },
            cached.revision.number,
            cached.asOf
          )
      )
    )

/** The date check needs no case: a Hijri date against the Gregorian date printed beside it. */
export const dateCheckRoutes = (options: AppOptions) =>
  new Hono<ApiEnv>().get("/", (c) =>
    respond(
      c,
      options,
      Effect.gen(function* () {
        const hijri = c.req.query("hijri")
        const gregorian = c.req.query("gregorian")
        const missing = [
          ...(hijri === undefined ? [{ parameter: "hijri", detail: "Give the Hijri date as printed." }] : []),
          ...(gregorian === undefined
            ? [{ parameter: "gregorian", detail: "Give the Gregorian date as printed." }]
            : [])
        ]
        if (missing.length > 0)
          return yield* problem(422, "A date check needs both dates.", { errors: missing })
        const checked = checkDualDate(hijri!, gregorian!)
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

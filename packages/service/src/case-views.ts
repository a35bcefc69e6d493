/**
 * What a client that draws a case's lists needs of it, as `@allegiance/present` works it out: the
 * case's outline at a revision (every item a list or picker names, the timeline in date order, the
 * small sections a form checks against), and a day's views against that outline, with what changed
 * since another day. A terminal UI over HTTP draws from these what the local one draws from its worker.
 */
import type { IsoDay } from "@allegiance/domain"
import { asOfView, caseOutlineOf, viewSince } from "@allegiance/present"
import { Effect } from "effect"
import type { CaseServiceShape, ReadAt } from "./case-service.ts"
import { problem } from "./problems.ts"

const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** The case's outline at `at.revision` (default: its head). */
export const caseOutlineAt = (service: CaseServiceShape, caseName: string, at: ReadAt = {}) =>
  Effect.map(service.snapshot(caseName, at.revision), (loaded) => ({
    revision: loaded.revision,
    outline: caseOutlineOf(loaded.caseFile)
  }))

/**
 * The views of the case as of `at.asOf`, against its outline at `at.revision`; with `since`, what
 * changed since that day (at the same revision).
 */
export const asOfViewsAt = (
  service: CaseServiceShape,
  caseName: string,
  at: ReadAt,
  since: string | undefined
) =>
  Effect.gen(function* () {
    if (since !== undefined && (!isoDay.test(since) || Number.isNaN(Date.parse(since))))
      return yield* problem(422, `since must be a day written YYYY-MM-DD, not "${since.slice(0, 40)}".`, {
        errors: [{ parameter: "since", detail: "Expected a day as YYYY-MM-DD." }]
      })
    const cached = yield* service.evaluation(caseName, at)
    const outline = caseOutlineOf(cached.caseFile)
    const view = cached.derived("as-of view", () =>
      asOfView(cached.evaluation(), outline, undefined, cached.verdicts())
    )
    if (since === undefined || since === cached.asOf) return { cached, view }
    const earlier = yield* service.evaluation(caseName, {
      revision: cached.revision.number,
      asOf: since as IsoDay
    })
    return { cached, view: viewSince(view, outline, earlier.verdicts(), cached.verdicts()) }
  })

/**
 * What the edge API does with cases, apart from HTTP: reading items and pages of them, evaluations as
 * of a day and at a revision (cached, see `evaluations.ts`), the views `@allegiance/present` derives
 * from them, and writes, each one store revision with its author and reason. Failures are `Problem`s,
 * ready to send.
 */
import { writeCaseYaml } from "@allegiance/case-file/write-case"
import type { CaseFile, IsoDay, Status } from "@allegiance/domain"
import { verdictHistory } from "@allegiance/domain"
import { verdictJSON } from "@allegiance/domain/reasoning/verdict"
import {
  actorRows,
  filterTimeline,
  hypothesesMatrices,
  hypothesesMatrix,
  itemDetail,
  judgedItem,
  keyJudgments,
  neighbouringEvents,
  relationshipRows,
  type TimelineFilter,
  timelineRows,
  type VerdictShift,
  verdictShifts
} from "@allegiance/present"
import { createCaseFromText } from "@allegiance/store/case-create"
import { isCaseName } from "@allegiance/store/case-items"
import type { StoreError } from "@allegiance/store/errors"
import {
  type CommitResult,
  type ItemChange,
  type RevisionInfo,
  Store,
  type StoreShape,
  type WriteMeta
} from "@allegiance/store/store"
import { appendItems, isAppend } from "@allegiance/store/appends"
import { decodedCase, type LoadedCase } from "@allegiance/store/decoded-cases"
import { Clock, Context, Effect, Layer, Schema } from "effect"
import { type CachedEvaluation, EvaluationCache } from "./evaluations.ts"
import type { Precondition } from "./etags.ts"
import { type ItemFilter, itemMatcher, needsVerdicts } from "./item-filters.ts"
import { type Page, pageOf } from "./pages.ts"
import { Problem, problem, problemOfStoreError, type StoreErrorContext } from "./problems.ts"
import { CaseInfo, type Section, sectionNoun, sectionSchemas } from "./sections.ts"
import { VerdictEvents } from "./verdict-events.ts"

/** Which state of a case a read is about: a revision (default: the head) and an as-of day (default: today). */
export interface ReadAt {
  readonly revision?: number | undefined
  readonly asOf?: string | undefined
}

export interface Written {
  readonly revision: RevisionInfo
  readonly added: number
  readonly changed: number
  readonly removed: number
}

/** Who writes and why, and what revision they based the write on. */
export interface WriteRequest {
  readonly author: string
  readonly reason: string
  readonly precondition: Precondition
}

const encoders = Object.fromEntries(
  Object.entries(sectionSchemas).map(([section, schema]) => [
    section,
    Schema.encodeSync(schema as unknown as Schema.Codec<unknown, unknown>)
  ])
) as Record<Section, (item: unknown) => unknown>
const encodeCaseInfo = Schema.encodeSync(CaseInfo)

const isoDay = /^\d{4}-\d{2}-\d{2}$/
const today = (millis: number) => new Date(millis).toISOString().slice(0, 10) as IsoDay

/** Runs code that reports bad input by throwing a `Problem` (pages, filters), as an Effect. */
export const attempt = <A>(run: () => A): Effect.Effect<A, Problem> =>
  Effect.try({
    try: run,
    catch: (error) => {
      if (error instanceof Problem) return error
      throw error
    }
  })

const fromStore =
  (context?: StoreErrorContext) =>
  <A, R>(effect: Effect.Effect<A, StoreError | Problem, R>): Effect.Effect<A, Problem, R> =>
    Effect.mapError(effect, (error) =>
      error instanceof Problem ? error : problemOfStoreError(error, context)
    )

const readAsOf = (asOf: string | undefined) =>
  Effect.gen(function* () {
    if (asOf === undefined) return today(yield* Clock.currentTimeMillis)
    if (!isoDay.test(asOf) || Number.isNaN(Date.parse(asOf)))
      return yield* problem(422, `asOf must be a day written YYYY-MM-DD, not "${asOf}".`, {
        errors: [{ parameter: "asOf", detail: "Expected a day as YYYY-MM-DD." }]
      })
    return asOf as IsoDay
  })

const itemsOf = (caseFile: CaseFile, section: Section) =>
  caseFile[section] as ReadonlyArray<{ readonly id: string }>

/** Items by id, per case and section, built when first asked. */
const indexes = new WeakMap<CaseFile, Map<Section, Map<string, { readonly id: string }>>>()
const findIn = (caseFile: CaseFile, section: Section, id: string) => {
  let bySection = indexes.get(caseFile)
  if (bySection === undefined) {
    bySection = new Map()
    indexes.set(caseFile, bySection)
  }
  let byId = bySection.get(section)
  if (byId === undefined) {
    byId = new Map(itemsOf(caseFile, section).map((item) => [item.id, item]))
    bySection.set(section, byId)
  }
  return byId.get(id)
}

export const makeCaseService = Effect.gen(function* () {
  const store: StoreShape = yield* Store
  const events = yield* VerdictEvents
  const cache = new EvaluationCache()

  const snapshot = (caseName: string, revision?: number) =>
    fromStore()(decodedCase(store, caseName, revision === undefined ? undefined : { revision }))

  const evaluation = (caseName: string, at: ReadAt = {}) =>
    Effect.gen(function* () {
      const asOf = yield* readAsOf(at.asOf)
      const loaded = yield* snapshot(caseName, at.revision)
      return cache.get(caseName, loaded.revision, loaded.caseFile, asOf)
    })

  const notFound = (caseName: string, section: Section, id: string) =>
    problem(404, `Case "${caseName}" has no ${sectionNoun[section]} "${id}".`)

  const basedOn = (caseName: string, precondition: Precondition) =>
    Effect.gen(function* () {
      if (precondition.kind === "unreadable")
        return yield* problem(
          412,
          `If-Match must name one revision of the case as an ETag ("r12"), not ${precondition.given}.`,
          {
            errors: [{ header: "If-Match", detail: 'Expected an ETag of this API, like "r12".' }]
          }
        )
      const head = yield* fromStore()(store.head(caseName))
      return precondition.kind === "revision" ? precondition.revision : head.number
    })

  const meta = (write: WriteRequest): WriteMeta => ({ author: write.author, reason: write.reason })

  /** After a write: evaluations of the earlier revision are carried forward, and subscribers told. */
  const written = (caseName: string, result: CommitResult) =>
    Effect.sync(() => {
      events.publish(caseName, result.revision.number)
      return result satisfies Written
    })

  const commit = (
    caseName: string,
    write: WriteRequest,
    changes: ReadonlyArray<ItemChange>,
    context?: StoreErrorContext
  ) =>
    fromStore(context)(
      Effect.gen(function* () {
        const base = yield* basedOn(caseName, write.precondition)
        if (isAppend(changes)) {
          const appended = yield* Effect.provideService(
            appendItems(caseName, base, changes, meta(write)),
            Store,
            store
          )
          if (appended.result.revision.number === base + 1)
            cache.appended(caseName, base, appended.result.revision, appended.caseFile)
          return yield* written(caseName, appended.result)
        }
        return yield* written(caseName, yield* store.commit(caseName, base, changes, meta(write)))
      })
    )

  const item = (caseName: string, section: Section, id: string, at: ReadAt = {}) =>
    Effect.gen(function* () {
      if (at.revision === undefined) {
        // The head: one indexed lookup, and the stored body as it is.
        const head = yield* fromStore()(store.head(caseName))
        const found = yield* fromStore()(store.getItem(caseName, section, id))
        if (found._tag === "None") return yield* notFound(caseName, section, id)
        return { item: found.value.body, revision: head }
      }
      const loaded = yield* snapshot(caseName, at.revision)
      const found = findIn(loaded.caseFile, section, id)
      if (found === undefined) return yield* notFound(caseName, section, id)
      return { item: encoders[section](found), revision: loaded.revision }
    })

  const statusOf = (cached: CachedEvaluation) => (id: string) => cached.verdicts().get(id)?.status

  return {
    cache,
    events,
    store,
    evaluation,
    snapshot,

    listCases: fromStore()(
      Effect.gen(function* () {
        const cases = yield* store.listCases
        return cases.map((summary) => ({
          name: summary.name,
          createdAt: summary.createdAt,
          head: summary.head
        }))
      })
    ),

    caseOverview: (caseName: string, at: ReadAt = {}) =>
      Effect.gen(function* () {
        const loaded: LoadedCase = yield* snapshot(caseName, at.revision)
        const counts = Object.fromEntries(
          Object.keys(sectionSchemas).map((section) => [
            section,
            itemsOf(loaded.caseFile, section as Section).length
          ])
        )
        return {
          name: caseName,
          case: encodeCaseInfo(loaded.caseFile.case),
          revision: loaded.revision,
          counts
        }
      }),

    listItems: (
      caseName: string,
      section: Section,
      filter: ItemFilter,
      page: { readonly cursor?: string | undefined; readonly limit?: string | undefined },
      at: ReadAt = {}
    ) =>
      Effect.gen(function* () {
        const loaded = yield* snapshot(caseName, at.revision)
        const judged = needsVerdicts(filter) ? yield* evaluation(caseName, at) : undefined
        const statuses = judged === undefined ? (): Status | undefined => undefined : statusOf(judged)
        const matches = itemMatcher(filter, statuses)
        const all = itemsOf(loaded.caseFile, section)
        const rows = all.filter(matches)
        const found: Page<{ readonly id: string }> = yield* attempt(() => pageOf(rows, (row) => row.id, page))
        return {
          revision: loaded.revision,
          /** The day the statuses were judged as of, when the filter asked for them. */
          asOf: judged?.asOf,
          page: { ...found, items: found.items.map((row) => encoders[section](row)) }
        }
      }),

    item,

    hypotheses: (caseName: string, at: ReadAt = {}) =>
      Effect.map(snapshot(caseName, at.revision), (loaded) => ({
        revision: loaded.revision,
        items: loaded.caseFile.questions.flatMap((question) =>
          (encoders.questions(question) as { hypotheses: ReadonlyArray<object> }).hypotheses.map(
            (hypothesis) => ({
              question: question.id as string,
              ...hypothesis
            })
          )
        )
      })),

    createItem: (caseName: string, section: Section, body: { readonly id: string }, write: WriteRequest) =>
      Effect.gen(function* () {
        const existing = yield* fromStore()(store.getItem(caseName, section, body.id))
        if (existing._tag === "Some")
          return yield* problem(
            409,
            `Case "${caseName}" already has a ${sectionNoun[section]} "${body.id}": change it with PUT instead.`
          )
        return yield* commit(caseName, write, [{ kind: section, id: body.id, body }], {
          sent: { id: body.id, prefix: "/item" }
        })
      }),

    replaceItem: (
      caseName: string,
      section: Section,
      id: string,
      body: { readonly id: string },
      write: WriteRequest
    ) =>
      Effect.gen(function* () {
        if (body.id !== id)
          return yield* problem(
            422,
            `The item says its id is "${body.id}", but is sent to "${id}": an item cannot be renamed.`,
            {
              errors: [{ pointer: "/item/id", detail: `Expected "${id}", the id in the path.` }]
            }
          )
        const existing = yield* fromStore()(store.getItem(caseName, section, id))
        if (existing._tag === "None") return yield* notFound(caseName, section, id)
        return yield* commit(caseName, write, [{ kind: section, id, body }], {
          sent: { id, prefix: "/item" }
        })
      }),

    deleteItem: (caseName: string, section: Section, id: string, write: WriteRequest) =>
      Effect.gen(function* () {
        const existing = yield* fromStore()(store.getItem(caseName, section, id))
        if (existing._tag === "None") return yield* notFound(caseName, section, id)
        return yield* commit(caseName, write, [{ kind: section, id, body: null }])
      }),

    replaceCaseInfo: (caseName: string, body: { readonly id: string }, write: WriteRequest) =>
      Effect.gen(function* () {
        if (body.id !== caseName)
          return yield* problem(
            422,
            `The case section says its id is "${body.id}", but the case is "${caseName}".`,
            {
              errors: [{ pointer: "/case/id", detail: `Expected "${caseName}".` }]
            }
          )
        return yield* commit(caseName, write, [{ kind: "case", id: "case", body }])
      }),

    createCase: (caseName: string | undefined, text: string, write: Omit<WriteRequest, "precondition">) =>
      fromStore()(
        Effect.gen(function* () {
          if (caseName !== undefined && !isCaseName(caseName))
            return yield* problem(
              422,
              `"${caseName}" cannot name a case: use lower-case letters, digits, dots, dashes or underscores.`,
              {
                errors: [{ pointer: "/name", detail: "Not a case name." }]
              }
            )
          const parsed = yield* Effect.provideService(
            createCaseFromText({
              text,
              fileName: "the case file sent",
              caseName,
              meta: { author: write.author, reason: write.reason }
            }),
            Store,
            store
          )
          events.publish(parsed.caseName, parsed.result.revision.number)
          return { name: parsed.caseName, ...parsed.result }
        })
      ),

    undo: (caseName: string, revision: number, write: WriteRequest) =>
      fromStore()(
        Effect.gen(function* () {
          const base = yield* basedOn(caseName, write.precondition)
          return yield* written(caseName, yield* store.undo(caseName, revision, base, meta(write)))
        })
      ),

    verdicts: (
      caseName: string,
      at: ReadAt,
      filter: { readonly subject?: string | undefined; readonly status?: string | undefined },
      page: { readonly cursor?: string | undefined; readonly limit?: string | undefined }
    ) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        const rows = cached.derived("verdict rows", () => [...cached.verdicts().all()].map(judgedItem))
        const kept = rows.filter(
          (row) =>
            (filter.subject === undefined || row.subject === filter.subject) &&
            (filter.status === undefined || row.status === filter.status)
        )
        return { cached, page: yield* attempt(() => pageOf(kept, (row) => row.id, page)) }
      }),

    verdict: (caseName: string, id: string, at: ReadAt) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        const verdict = cached.verdicts().get(id)
        if (verdict === undefined)
          return yield* problem(
            404,
            `Case "${caseName}" gives no verdict on "${id}" as of ${cached.asOf}: no such item, or it was not yet known then.`
          )
        return { cached, verdict: verdictJSON(verdict) }
      }),

    verdictHistory: (caseName: string, id: string, at: ReadAt) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        if (cached.labels().kindOf(id) === undefined && cached.verdicts().get(id) === undefined)
          return yield* problem(404, `Case "${caseName}" has no item "${id}".`)
        return {
          cached,
          history: cached.derived(`history ${id}`, () => verdictHistory(cached.caseFile, cached.asOf, id))
        }
      }),

    detail: (caseName: string, id: string, at: ReadAt) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        const detail = itemDetail(cached.caseFile, cached.verdicts(), cached.labels(), id)
        if (detail === undefined) return yield* problem(404, `Case "${caseName}" has no item "${id}".`)
        return { cached, detail }
      }),

    timeline: (
      caseName: string,
      at: ReadAt,
      filter: TimelineFilter,
      page: { readonly cursor?: string | undefined; readonly limit?: string | undefined }
    ) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        const rows = cached.derived("timeline", () =>
          timelineRows(cached.caseFile, cached.verdicts(), cached.labels())
        )
        const kept = filterTimeline(rows, filter)
        return {
          cached,
          around: neighbouringEvents(rows, cached.asOf),
          page: yield* attempt(() => pageOf(kept, (row) => row.id, page))
        }
      }),

    keyJudgments: (caseName: string, at: ReadAt) =>
      Effect.map(evaluation(caseName, at), (cached) => ({
        cached,
        judgments: cached.derived("key judgments", () => keyJudgments(cached.evaluation(), cached.verdicts()))
      })),

    relationshipRows: (caseName: string, at: ReadAt) =>
      Effect.map(evaluation(caseName, at), (cached) => ({
        cached,
        rows: cached.derived("relationship rows", () =>
          relationshipRows(cached.evaluation(), cached.labels())
        )
      })),

    actorRows: (caseName: string, at: ReadAt) =>
      Effect.map(evaluation(caseName, at), (cached) => ({
        cached,
        rows: cached.derived("actor rows", () =>
          actorRows(
            cached.caseFile,
            cached.evaluation(),
            cached.labels(),
            relationshipRows(cached.evaluation(), cached.labels())
          )
        )
      })),

    matrices: (caseName: string, at: ReadAt) =>
      Effect.map(evaluation(caseName, at), (cached) => ({
        cached,
        matrices: cached.derived("matrices", () => hypothesesMatrices(cached.evaluation(), cached.labels()))
      })),

    matrix: (caseName: string, questionId: string, at: ReadAt) =>
      Effect.gen(function* () {
        const cached = yield* evaluation(caseName, at)
        const question = cached.evaluation().questions.find((assessed) => assessed.question === questionId)
        if (question === undefined)
          return yield* problem(404, `Case "${caseName}" has no question "${questionId}".`)
        return { cached, matrix: hypothesesMatrix(question, cached.labels()) }
      }),

    revisions: (caseName: string) => fromStore()(store.revisions(caseName)),

    revisionChanges: (caseName: string, revision: number) =>
      fromStore()(
        Effect.gen(function* () {
          const info = yield* store.resolveRevision(caseName, { revision })
          return { revision: info, changes: yield* store.changes(caseName, revision) }
        })
      ),

    exportText: (caseName: string, at: ReadAt) =>
      Effect.map(snapshot(caseName, at.revision), (loaded) => ({
        text: writeCaseYaml(loaded.caseFile),
        revision: loaded.revision
      })),

    /** Which verdicts changed at `revision` (against the one before), as of `asOf`. */
    verdictChangesAt: (caseName: string, revision: number, asOf: IsoDay) =>
      Effect.gen(function* () {
        const after = yield* snapshot(caseName, revision)
        const now = cache.get(caseName, after.revision, after.caseFile, asOf)
        let shifts: ReadonlyArray<VerdictShift>
        if (revision <= 1) shifts = []
        else {
          const before = yield* snapshot(caseName, revision - 1)
          const then = cache.get(caseName, before.revision, before.caseFile, asOf)
          // Work out the later one first: it is brought up to date from the earlier, which stays readable.
          const laterVerdicts = now.verdicts()
          shifts = verdictShifts(then.verdicts(), laterVerdicts)
        }
        return { revision: after.revision, asOf, changes: shifts }
      })
  }
})

export type CaseServiceShape = Effect.Success<typeof makeCaseService>

export class CaseService extends Context.Service<CaseService, CaseServiceShape>()(
  "@allegiance/service/CaseService"
) {}

export const layer: Layer.Layer<CaseService, never, Store | VerdictEvents> = Layer.effect(
  CaseService,
  makeCaseService
)

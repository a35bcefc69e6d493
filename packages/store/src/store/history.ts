/**
 * A case's history: which revision a selector picks (a number, or the latest saved at or
 * before a moment), every revision with what it added, changed and removed, what one
 * revision changed, and one item's versions.
 */
import { Effect } from "effect"
import { RevisionNotFound, storeError } from "../errors.ts"
import type { ItemVersion, RevisionChange, RevisionSelector, RevisionSummary, StoreShape } from "../store.ts"
import { type CaseRow, keyOf, type RevisionRow, revisionColumns, type StoreContext } from "./context.ts"

/** The columns of an item version that say what it is and check it. */
const versionColumns = "kind, item_id AS id, ordinal, valid_from AS since, valid_until, body, checksum"

type VersionRead = {
  kind: string
  id: string
  ordinal: number
  since: number
  valid_until: number | null
  body: string
  checksum: number | null
}

export const makeHistory = (context: StoreContext) => {
  const { sql, query, findCase, headOf, revisionInfo, readBody, bodiesChecked } = context

  const resolveRevisionOf = (kase: CaseRow, at: RevisionSelector | undefined) =>
    Effect.gen(function* () {
      const head = yield* headOf(kase)
      if (at === undefined) return head
      if ("revision" in at) {
        if (at.revision === head.number) return head
        const rows = yield* query("read the revision")(
          sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
            WHERE case_id = ${kase.id} AND number = ${at.revision}`
        )
        const row = rows[0]
        if (row === undefined) {
          return yield* storeError(
            new RevisionNotFound({ caseName: kase.name, head: head.number, revision: at.revision })
          )
        }
        return revisionInfo(kase, row)
      }
      const iso = at.asOf.toISOString()
      const rows = yield* query("read the revision")(
        sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
          WHERE case_id = ${kase.id} AND at <= ${iso} ORDER BY number DESC LIMIT 1`
      )
      const row = rows[0]
      if (row === undefined) {
        const first = yield* query("read the revision")(
          sql<{ at: string }>`SELECT at FROM revisions WHERE case_id = ${kase.id} AND number = 1`
        )
        return yield* storeError(
          new RevisionNotFound({
            caseName: kase.name,
            head: head.number,
            asOf: iso,
            firstAt: first[0]?.at ?? "?"
          })
        )
      }
      return revisionInfo(kase, row)
    }).pipe(bodiesChecked)

  const revisions: StoreShape["revisions"] = (caseName) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const rows = yield* query("read the case's history")(
        sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
          WHERE case_id = ${kase.id} ORDER BY number`
      )
      // A revision that writes a version while closing another of the same item changed it.
      const written = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT valid_from AS revision, COUNT(*) AS n FROM item_versions
          WHERE case_id = ${kase.id} GROUP BY valid_from`
      )
      const closed = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT valid_until AS revision, COUNT(*) AS n FROM item_versions
          WHERE case_id = ${kase.id} AND valid_until IS NOT NULL GROUP BY valid_until`
      )
      const replaced = yield* query("read the case's history")(
        sql<{ revision: number; n: number }>`SELECT v.valid_until AS revision, COUNT(*) AS n
          FROM item_versions v JOIN item_versions w ON w.case_id = v.case_id AND w.kind = v.kind
            AND w.item_id = v.item_id AND w.valid_from = v.valid_until
          WHERE v.case_id = ${kase.id} AND v.valid_until IS NOT NULL GROUP BY v.valid_until`
      )
      const countsOf = (list: ReadonlyArray<{ revision: number; n: number }>) =>
        new Map(list.map((row) => [Number(row.revision), Number(row.n)]))
      const writtenBy = countsOf(written)
      const closedBy = countsOf(closed)
      const replacedBy = countsOf(replaced)
      return rows.map((row): RevisionSummary => {
        const number = Number(row.number)
        const both = replacedBy.get(number) ?? 0
        return {
          ...revisionInfo(kase, row),
          added: (writtenBy.get(number) ?? 0) - both,
          changed: both,
          removed: (closedBy.get(number) ?? 0) - both
        }
      })
    }).pipe(bodiesChecked)

  const changesOf = (kase: CaseRow, revision: number) =>
    Effect.gen(function* () {
      const rows = yield* query("read the revision")(
        sql<VersionRead>`SELECT ${sql.literal(versionColumns)} FROM item_versions
          WHERE case_id = ${kase.id} AND (valid_from = ${revision} OR valid_until = ${revision})
          ORDER BY ordinal`
      )
      const byItem = new Map<string, { kind: string; id: string; before: unknown; after: unknown }>()
      for (const row of rows) {
        const key = keyOf(row.kind, row.id)
        const entry = byItem.get(key) ?? { kind: row.kind, id: row.id, before: null, after: null }
        if (Number(row.since) === revision) entry.after = readBody(kase, row)
        else entry.before = readBody(kase, row)
        byItem.set(key, entry)
      }
      return [...byItem.values()] as ReadonlyArray<RevisionChange>
    })

  const changes: StoreShape["changes"] = (caseName, revision) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      yield* resolveRevisionOf(kase, { revision })
      return yield* changesOf(kase, revision)
    }).pipe(bodiesChecked)

  const itemHistory: StoreShape["itemHistory"] = (caseName, kind, id) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const rows = yield* query("read the item's history")(
        sql<VersionRead>`SELECT ${sql.literal(versionColumns)} FROM item_versions
          WHERE case_id = ${kase.id} AND kind = ${kind} AND item_id = ${id} ORDER BY valid_from`
      )
      const history: Array<ItemVersion> = []
      for (const [index, row] of rows.entries()) {
        history.push({ revision: Number(row.since), body: readBody(kase, row) })
        const next = rows[index + 1]
        if (
          row.valid_until !== null &&
          (next === undefined || Number(next.since) !== Number(row.valid_until))
        ) {
          history.push({ revision: Number(row.valid_until), body: null })
        }
      }
      return history
    }).pipe(bodiesChecked)

  return { resolveRevisionOf, revisions, changes, itemHistory }
}

export type History = ReturnType<typeof makeHistory>

/**
 * Undoing a revision: a new revision that puts back what it changed, refused when those
 * items changed again since (undo that first) or when the case that results would break
 * the store's rules.
 */
import { Effect } from "effect"
import { InvalidChange, storeError } from "../errors.ts"
import type { ItemChange, StoreShape } from "../store.ts"
import { describeItem, keyOf, type StoreContext } from "./context.ts"
import type { Conflicts } from "./conflicts.ts"
import type { History } from "./history.ts"
import type { Writes } from "./writes.ts"

export const makeUndo = (context: StoreContext, history: History, conflicts: Conflicts, writes: Writes) => {
  const { sql, query, findCase, readBody, bodiesChecked } = context
  const { resolveRevisionOf } = history
  const { checkBase } = conflicts
  const { currentVersionsOf, writeRevision, checkWrite } = writes

  const undo: StoreShape["undo"] = (caseName, revision, basedOn, meta) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      yield* resolveRevisionOf(kase, { revision })
      yield* checkBase(kase, basedOn)
      const rows = yield* query("read the revision")(
        sql<{
          kind: string
          id: string
          ordinal: number
          body: string
          since: number
          valid_until: number | null
          checksum: number | null
        }>`SELECT kind, item_id AS id, ordinal, body, valid_from AS since, valid_until, checksum FROM item_versions
          WHERE case_id = ${kase.id} AND (valid_from = ${revision} OR valid_until = ${revision})`
      )
      const written = new Map<string, (typeof rows)[number]>()
      const replaced = new Map<string, (typeof rows)[number]>()
      for (const row of rows) {
        const key = keyOf(row.kind, row.id)
        if (Number(row.since) === revision) written.set(key, row)
        else replaced.set(key, row)
      }
      const touched = [...new Set([...written.keys(), ...replaced.keys()])]
      const problems: Array<string> = []
      const closes: Array<{ kind: string; id: string; checksum: number | null }> = []
      const inserts: Array<{ kind: string; id: string; ordinal: number; body: string }> = []
      let added = 0
      let changed = 0
      let removed = 0
      for (const key of touched) {
        const after = written.get(key)
        const before = replaced.get(key)
        const item = (after ?? before)!
        // The item must still be as `revision` left it, or undoing would discard a later change.
        const stillAsLeft = after === undefined ? true : after.valid_until === null
        if (!stillAsLeft) {
          problems.push(
            `${describeItem(item.kind, item.id)} was changed again in revision ${after?.valid_until}; undo that first`
          )
          continue
        }
        if (after !== undefined) {
          readBody(kase, after)
          closes.push({ kind: item.kind, id: item.id, checksum: after.checksum })
        }
        if (before !== undefined) {
          // Put back as it was written, once its checksum says it is.
          readBody(kase, before)
          inserts.push({
            kind: before.kind,
            id: before.id,
            ordinal: Number(before.ordinal),
            body: before.body
          })
        }
        if (after !== undefined && before !== undefined) changed++
        else if (after !== undefined) removed++
        else added++
      }
      // An item removed by `revision` and added back later cannot be restored a second time.
      if (replaced.size > 0) {
        const reAdded = yield* currentVersionsOf(
          kase.id,
          [...replaced.entries()].filter(([key]) => !written.has(key)).map(([, row]) => row)
        )
        for (const row of reAdded.values()) {
          problems.push(
            `${describeItem(row.kind, row.id)} was added back after revision ${revision}; undo that first`
          )
        }
      }
      if (problems.length > 0) return yield* storeError(new InvalidChange({ caseName, problems }))
      if (touched.length === 0) {
        return yield* storeError(
          new InvalidChange({
            caseName,
            problems: [`revision ${revision} changed no items, so there is nothing to undo`]
          })
        )
      }
      const effective = touched.map((key): ItemChange => {
        const after = written.get(key)
        const before = replaced.get(key)
        const item = (after ?? before)!
        return { kind: item.kind, id: item.id, body: before === undefined ? null : readBody(kase, before) }
      })
      yield* checkWrite({ caseName, basedOn, changes: effective }, kase)
      return yield* writeRevision(
        kase,
        basedOn,
        meta,
        revision,
        closes,
        inserts,
        { added, changed, removed },
        undefined
      )
    }).pipe(bodiesChecked)

  return undo
}

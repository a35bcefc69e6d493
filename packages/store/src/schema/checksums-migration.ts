/**
 * Layout 4: checksums (see `checksums.ts`). New columns for each item version's checksum, each
 * revision's seal (the sum of its items' checksums, and whether it was checked whole) and each revision
 * and case row's own checksum, filled in for what a store already holds. Revisions written before this
 * layout were checked only as they were written, item by item: they are recorded as not checked whole,
 * so that loading them checks the whole case.
 *
 * The same statements run on SQLite files and on D1; the sums are worked out here, not in SQL, which
 * has no function for them.
 */
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import {
  addChecksums,
  caseChecksum,
  removeChecksum,
  revisionChecksum,
  versionChecksum
} from "../checksums.ts"

/** Rows updated by one statement: five bound parameters each stays within D1's hundred. */
const rowsPerUpdate = 20

export const checksumsMigration = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const tableSql = (name: string) =>
    Effect.map(
      sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${name}`,
      (rows) => rows[0]?.sql ?? ""
    )
  // Each column added once: on D1, which runs a migration statement by statement, a run cut short
  // is taken up again.
  const addColumn = (table: string, column: string, type: string) =>
    Effect.gen(function* () {
      if (!new RegExp(`\\b${column}\\b`).test(yield* tableSql(table)))
        yield* sql.unsafe(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
    })
  yield* addColumn("item_versions", "checksum", "INTEGER")
  yield* addColumn("revisions", "items_sum", "INTEGER")
  yield* addColumn("revisions", "checked", "INTEGER NOT NULL DEFAULT 0")
  yield* addColumn("revisions", "checksum", "INTEGER")
  yield* addColumn("cases", "checksum", "INTEGER")

  const versions = yield* sql<{
    case_id: number
    kind: string
    item_id: string
    ordinal: number
    valid_from: number
    valid_until: number | null
    body: string
  }>`SELECT case_id, kind, item_id, ordinal, valid_from, valid_until, body FROM item_versions`
  const changesByCase = new Map<number, Map<number, number>>()
  const change = (caseId: number, revision: number, by: (sum: number) => number) => {
    let byRevision = changesByCase.get(caseId)
    if (byRevision === undefined) {
      byRevision = new Map()
      changesByCase.set(caseId, byRevision)
    }
    byRevision.set(revision, by(byRevision.get(revision) ?? 0))
  }
  const filled: Array<{ caseId: number; kind: string; id: string; from: number; checksum: number }> = []
  for (const version of versions) {
    const caseId = Number(version.case_id)
    const from = Number(version.valid_from)
    const checksum = versionChecksum(
      version.kind,
      version.item_id,
      Number(version.ordinal),
      from,
      version.body
    )
    filled.push({ caseId, kind: version.kind, id: version.item_id, from, checksum })
    change(caseId, from, (sum) => addChecksums(sum, checksum))
    if (version.valid_until !== null)
      change(caseId, Number(version.valid_until), (sum) => removeChecksum(sum, checksum))
  }
  for (let from = 0; from < filled.length; from += rowsPerUpdate) {
    const chunk = filled.slice(from, from + rowsPerUpdate)
    const params: Array<unknown> = []
    for (const row of chunk) params.push(row.caseId, row.kind, row.id, row.from, row.checksum)
    yield* sql.unsafe(
      `UPDATE item_versions SET checksum = v.column5 FROM (VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")}) AS v
       WHERE item_versions.case_id = v.column1 AND item_versions.kind = v.column2
         AND item_versions.item_id = v.column3 AND item_versions.valid_from = v.column4`,
      params
    )
  }

  const revisions = yield* sql<{
    case_id: number
    number: number
    parent: number | null
    author: string
    at: string
    reason: string
    undoes: number | null
  }>`SELECT case_id, number, parent, author, at, reason, undoes FROM revisions ORDER BY case_id, number`
  let caseId: number | undefined
  let itemsSum = 0
  for (const revision of revisions) {
    const id = Number(revision.case_id)
    if (id !== caseId) {
      caseId = id
      itemsSum = 0
    }
    const number = Number(revision.number)
    itemsSum = addChecksums(itemsSum, changesByCase.get(id)?.get(number) ?? 0)
    const checksum = revisionChecksum({
      caseId: id,
      number,
      parent: revision.parent === null ? null : Number(revision.parent),
      author: revision.author,
      at: revision.at,
      reason: revision.reason,
      undoes: revision.undoes === null ? null : Number(revision.undoes),
      itemsSum,
      checked: 0
    })
    yield* sql`UPDATE revisions SET items_sum = ${itemsSum}, checked = 0, checksum = ${checksum}
      WHERE case_id = ${id} AND number = ${number}`
  }

  const cases = yield* sql<{
    id: number
    name: string
    created_at: string
  }>`SELECT id, name, created_at FROM cases`
  for (const kase of cases) {
    const checksum = caseChecksum({ id: Number(kase.id), name: kase.name, createdAt: kase.created_at })
    yield* sql`UPDATE cases SET checksum = ${checksum} WHERE id = ${kase.id}`
  }
})

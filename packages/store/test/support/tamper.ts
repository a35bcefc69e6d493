/**
 * Changing a store file behind the store's back, as a store written by another program, an older
 * Allegiance or a hand with `sqlite3` could be: a stored item rewritten with checksums that agree, so
 * that what the store reads is put to its own checks of values and references, not only to its
 * checksums.
 */
import { DatabaseSync } from "node:sqlite"
import { removeChecksum, addChecksums, revisionChecksum, versionChecksum } from "../../src/checksums.ts"

interface VersionRow {
  case_id: number
  kind: string
  item_id: string
  ordinal: number
  valid_from: number
  valid_until: number | null
  body: string
  checksum: number
}

/** Recomputes the seal and checksum of every revision of a case in which a version's checksum changed. */
const reseal = (db: DatabaseSync, row: VersionRow, before: number, after: number, checked?: 0 | 1) => {
  const revisions = db
    .prepare("SELECT * FROM revisions WHERE case_id = ? ORDER BY number")
    .all(row.case_id) as Array<Record<string, number | string | null>>
  for (const revision of revisions) {
    const number = Number(revision.number)
    const holds = number >= row.valid_from && (row.valid_until === null || number < row.valid_until)
    const itemsSum = holds
      ? addChecksums(removeChecksum(Number(revision.items_sum), before), after)
      : Number(revision.items_sum)
    const flag = checked ?? Number(revision.checked)
    const checksum = revisionChecksum({
      caseId: row.case_id,
      number,
      parent: revision.parent === null ? null : Number(revision.parent),
      author: String(revision.author),
      at: String(revision.at),
      reason: String(revision.reason),
      undoes: revision.undoes === null ? null : Number(revision.undoes),
      itemsSum,
      checked: flag
    })
    db.prepare(
      "UPDATE revisions SET items_sum = ?, checked = ?, checksum = ? WHERE case_id = ? AND number = ?"
    ).run(itemsSum, flag, checksum, row.case_id, number)
  }
}

/**
 * Rewrites the current version of one item with `change` applied to its body, its checksum and the
 * case's seals made to agree; `checked` sets whether every revision counts as checked whole (0: as a
 * store written before checksums, whose cases are checked whole when loaded).
 */
export const rewriteStoredItem = (
  file: string,
  kind: string,
  id: string,
  change: (body: Record<string, unknown>) => unknown,
  options: { readonly checked?: 0 | 1 } = {}
) => {
  const db = new DatabaseSync(file)
  try {
    const row = db
      .prepare("SELECT * FROM item_versions WHERE kind = ? AND item_id = ? AND valid_until IS NULL")
      .get(kind, id) as VersionRow | undefined
    if (row === undefined) throw new Error(`no current ${kind} ${id} in ${file}`)
    const body = JSON.stringify(change(JSON.parse(row.body) as Record<string, unknown>))
    const checksum = versionChecksum(row.kind, row.item_id, row.ordinal, row.valid_from, body)
    db.prepare(
      "UPDATE item_versions SET body = ?, checksum = ? WHERE case_id = ? AND kind = ? AND item_id = ? AND valid_from = ?"
    ).run(body, checksum, row.case_id, row.kind, row.item_id, row.valid_from)
    reseal(db, row, row.checksum, checksum, options.checked)
  } finally {
    db.close()
  }
}

/** Removes the current version of one item, its case's seals made to agree (a store that lost an item). */
export const removeStoredItem = (
  file: string,
  kind: string,
  id: string,
  options: { readonly checked?: 0 | 1 } = {}
) => {
  const db = new DatabaseSync(file)
  try {
    const row = db
      .prepare("SELECT * FROM item_versions WHERE kind = ? AND item_id = ? AND valid_until IS NULL")
      .get(kind, id) as VersionRow | undefined
    if (row === undefined) throw new Error(`no current ${kind} ${id} in ${file}`)
    db.prepare(
      "DELETE FROM item_versions WHERE case_id = ? AND kind = ? AND item_id = ? AND valid_from = ?"
    ).run(row.case_id, row.kind, row.item_id, row.valid_from)
    reseal(db, row, row.checksum, 0, options.checked)
  } finally {
    db.close()
  }
}

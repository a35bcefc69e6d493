/**
 * Digests: what a reader worked out from a case's items at a revision (a terminal UI's lists, say),
 * kept as bytes under a name so that the next reader starts from it instead of reading every item
 * again. The store does not know what a digest says; it keeps the latest one per case and name, with
 * the revision it was worked out from and a checksum of its text.
 *
 * A digest is never taken for the head as it stands: it is handed back with the items changed since
 * its revision, read from the item versions that the revisions after it wrote in their own
 * transactions, so that digest and changes together are exactly what the store holds at the head,
 * whichever writer saved since and whether or not it kept a digest.
 */
import { Effect, Option } from "effect"
import { bytesChecksum } from "../checksums.ts"
import type { ItemChange, RevisionInfo } from "../store.ts"
import type { CaseRow, StoreContext } from "./context.ts"

/** A digest as a reader gets it back: the head, the digest's own revision and text, and what changed since. */
export interface HeadDigest {
  readonly head: RevisionInfo
  /** The revision the digest was worked out from (the head or an earlier one). */
  readonly revision: number
  readonly bytes: Uint8Array
  /**
   * The items whose current version differs from the one they had at `revision`, in the order they
   * entered the case: their body at the head, or `null` for an item removed since.
   */
  readonly changes: ReadonlyArray<ItemChange>
}

/** A blob as the database hands it back: bytes (SQLite), an ArrayBuffer or an array of numbers (D1). */
const bytesOf = (value: unknown): Uint8Array | undefined =>
  value instanceof Uint8Array
    ? value
    : value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : Array.isArray(value)
        ? Uint8Array.from(value as Array<number>)
        : undefined

export const makeDigests = (context: StoreContext) => {
  const { sql, query, findCase, headOf, headRow, readBody, bodiesChecked } = context

  /** The net changes from `base` to the head, or `undefined` when there are more than `most`. */
  const changesSince = (kase: CaseRow, base: number, most: number) =>
    Effect.gen(function* () {
      // Items added or replaced since: current versions written after `base` (the head's index holds
      // each current version's revision, so only the few that match are read whole).
      const written = yield* query("read the case")(
        sql<{
          kind: string
          id: string
          ordinal: number
          since: number
          body: string
          checksum: number | null
        }>`SELECT kind, item_id AS id, ordinal, valid_from AS since, body, checksum
          FROM item_versions INDEXED BY item_versions_head_order
          WHERE case_id = ${kase.id} AND valid_until IS NULL AND valid_from > ${base}
          ORDER BY ordinal LIMIT ${most + 1}`
      )
      if (written.length > most) return undefined
      // Items the case held at `base` and holds no longer.
      const removed = yield* query("read the case")(
        sql<{ kind: string; id: string; ordinal: number }>`SELECT kind, item_id AS id, ordinal
          FROM item_versions v INDEXED BY item_versions_closed
          WHERE case_id = ${kase.id} AND valid_until IS NOT NULL AND valid_until > ${base}
          AND valid_from <= ${base}
          AND NOT EXISTS (SELECT 1 FROM item_versions c WHERE c.case_id = v.case_id AND c.kind = v.kind
            AND c.item_id = v.item_id AND c.valid_until IS NULL)
          ORDER BY ordinal LIMIT ${most + 1 - written.length}`
      )
      if (written.length + removed.length > most) return undefined
      const changes: Array<ItemChange & { readonly ordinal: number }> = [
        ...written.map((row) => ({
          kind: row.kind,
          id: row.id,
          ordinal: Number(row.ordinal),
          body: readBody(kase, row)
        })),
        ...removed.map((row) => ({ kind: row.kind, id: row.id, ordinal: Number(row.ordinal), body: null }))
      ]
      return changes
        .sort((a, b) => a.ordinal - b.ordinal)
        .map(({ kind, id, body }): ItemChange => ({ kind, id, body }))
    })

  /**
   * The latest digest kept under `name` with the changes since it, or none when there is no digest,
   * its bytes are not the ones kept (damaged outside Allegiance: the reader works it out again), or more
   * than `mostChanges` items changed since. Read again when someone saved meanwhile.
   */
  const digest = (caseName: string, name: string, mostChanges: number) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      for (let attempt = 1; attempt <= 5; attempt++) {
        const head = yield* headOf(kase)
        const rows = yield* query("read the case")(
          sql<{ revision: number; body: unknown; checksum: number }>`SELECT revision, body, checksum
            FROM case_digests WHERE case_id = ${kase.id} AND name = ${name}`
        )
        const row = rows[0]
        if (row === undefined || Number(row.revision) > head.number) return Option.none<HeadDigest>()
        const bytes = bytesOf(row.body)
        if (bytes === undefined || bytesChecksum(bytes) !== Number(row.checksum))
          return Option.none<HeadDigest>()
        const changes = yield* changesSince(kase, Number(row.revision), mostChanges)
        if (changes === undefined) return Option.none<HeadDigest>()
        // The changes were read after the head: they are the head's only if no one saved meanwhile.
        const now = yield* headRow(kase.id)
        if (now !== undefined && Number(now.number) === head.number)
          return Option.some<HeadDigest>({ head, revision: Number(row.revision), bytes, changes })
      }
      return Option.none<HeadDigest>()
    }).pipe(bodiesChecked)

  /**
   * Keeps `bytes` as the digest under `name` of the case at `revision`, unless the one kept is of a
   * later revision (a reader that could not read the one kept, of the same revision, replaces it).
   */
  const keepDigest = (caseName: string, name: string, revision: number, bytes: Uint8Array) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      yield* query("keep a digest of the case")(
        sql`INSERT INTO case_digests (case_id, name, revision, body, checksum)
          SELECT ${kase.id}, ${name}, ${revision}, ${bytes}, ${bytesChecksum(bytes)}
          WHERE EXISTS (SELECT 1 FROM revisions WHERE case_id = ${kase.id} AND number = ${revision})
          ON CONFLICT (case_id, name) DO UPDATE SET revision = excluded.revision, body = excluded.body,
            checksum = excluded.checksum
          WHERE excluded.revision >= case_digests.revision`
      )
    })

  return { digest, keepDigest }
}

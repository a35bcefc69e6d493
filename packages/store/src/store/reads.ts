/**
 * Reading a case: all its items at a revision (the head, or an earlier one), in the order
 * they entered it, with bodies a caller lacks; one item at the head; the list of cases.
 */
import { Array as Arr, Cause, Effect, Option, Schema } from "effect"
import { SqlResolver } from "effect/sql"
import { addChecksums, arrayTextSum, removeChecksum, textSum, versionPlaceHash } from "../checksums.ts"
import { Corrupt, storeError, Unavailable } from "../errors.ts"
import type { LoadOptions, RevisionInfo, StoredItem, StoreShape } from "../store.ts"
import {
  type CaseRow,
  describeItem,
  keyOf,
  type RevisionRow,
  revisionColumns,
  type StoreContext
} from "./context.ts"
import type { History } from "./history.ts"

export const makeReads = (context: StoreContext, history: History) => {
  const {
    sql,
    location,
    fail,
    query,
    findCase,
    headRow,
    headOf,
    caseOf,
    revisionInfo,
    sealOf,
    damaged,
    rowsPerStatement,
    readBody,
    bodiesChecked
  } = context
  const { resolveRevisionOf } = history

  type KeyRow = { kind: string; id: string; ordinal: number; since: number; checksum: number }

  /**
   * Which rows hold a case's items at a revision. The head is read through its own index,
   * in entry order; an earlier revision by its validity interval, which no later write
   * can change.
   */
  const versionsWhere = (kase: CaseRow, revision: number, isHead: boolean) =>
    isHead
      ? sql`FROM item_versions INDEXED BY item_versions_head_order
          WHERE case_id = ${kase.id} AND valid_until IS NULL`
      : sql`FROM item_versions WHERE case_id = ${kase.id}
          AND valid_from <= ${revision} AND (valid_until IS NULL OR valid_until > ${revision})`

  /** The keys of a case's items at a revision, in the order the items entered it, with their checksums. */
  const keysAt = (kase: CaseRow, revision: number, isHead: boolean) =>
    Effect.map(
      Effect.mapError(
        sql`SELECT kind, item_id, ordinal, valid_from, checksum ${versionsWhere(kase, revision, isHead)}`
          .values,
        fail("load the case")
      ),
      (rows) => {
        const keys = rows.map(
          (row): KeyRow => ({
            kind: row[0] as string,
            id: row[1] as string,
            ordinal: Number(row[2]),
            since: Number(row[3]),
            checksum: Number(row[4] ?? Number.NaN)
          })
        )
        // Sorted here: the head's index gives entry order already, an earlier revision does not.
        return isHead ? keys : keys.sort((x, y) => x.ordinal - y.ordinal)
      }
    )

  /**
   * The revision's seal, and its items held to it: the checksums of the versions read must add up to
   * the sum the revision recorded, or a version was added, removed or changed outside Allegiance.
   */
  const sealedKeys = (kase: CaseRow, revision: RevisionInfo, keys: ReadonlyArray<KeyRow>) =>
    Effect.gen(function* () {
      const rows = yield* query("load the case")(
        sql<RevisionRow>`SELECT ${sql.literal(revisionColumns)} FROM revisions
          WHERE case_id = ${kase.id} AND number = ${revision.number}`
      )
      const row = rows[0]
      if (row === undefined)
        return yield* damaged(`revision ${revision.number} of case "${kase.name}" is missing`)
      revisionInfo(kase, row)
      const seal = sealOf(row)
      let sum = 0
      for (const key of keys) {
        if (!Number.isSafeInteger(key.checksum))
          return yield* damaged(`${describeItem(key.kind, key.id)} in case "${kase.name}" has no checksum`)
        sum = addChecksums(sum, key.checksum)
      }
      if (sum !== seal.itemsSum)
        return yield* damaged(
          `the items of case "${kase.name}" at revision ${revision.number} are not those the revision recorded: an item was added, removed or changed outside Allegiance`
        )
      return seal
    })

  /**
   * A run of a case's item bodies at a revision as one JSON array, in entry order: parsing
   * one text is about twice as fast as parsing a text per item. The order comes from a
   * subquery rather than from `group_concat(... ORDER BY)`, which would sort again what the
   * head's index already gives in order.
   */
  const bodiesText = (
    kase: CaseRow,
    revision: number,
    isHead: boolean,
    ordinals?: readonly [number, number]
  ) =>
    Effect.map(
      query("load the case")(
        sql<{ bodies: string | null }>`SELECT '[' || group_concat(body, ',') || ']' AS bodies
          FROM (SELECT body ${versionsWhere(kase, revision, isHead)}
            ${ordinals === undefined ? sql`` : sql`AND ordinal BETWEEN ${ordinals[0]} AND ${ordinals[1]}`}
            ORDER BY ordinal)`
      ),
      (rows) => rows[0]?.bodies ?? "[]"
    )

  // Texts of this many bodies: one text of a whole large case costs SQLite more to build.
  const bodiesPerText = 8192

  /**
   * The parsed bodies of `keys` (all of a case's items at a revision, in entry order), or
   * `undefined` when a body is damaged or the rows changed between reads. The head is read
   * in runs along its index; an earlier revision, which has no index by entry order, in one.
   * Each run's text is held to the checksums of its items before it is parsed.
   */
  const bodiesAt = (kase: CaseRow, revision: number, isHead: boolean, keys: ReadonlyArray<KeyRow>) =>
    Effect.gen(function* () {
      const bodies = new Array<unknown>(keys.length)
      const step = isHead ? bodiesPerText : Math.max(keys.length, 1)
      for (let from = 0; from < keys.length; from += step) {
        const to = Math.min(keys.length, from + step)
        const text = yield* bodiesText(
          kase,
          revision,
          isHead,
          isHead ? [keys[from]!.ordinal, keys[to - 1]!.ordinal] : undefined
        )
        let bodiesSum = 0
        for (let at = from; at < to; at++) {
          const key = keys[at]!
          bodiesSum = addChecksums(
            bodiesSum,
            removeChecksum(key.checksum, versionPlaceHash(key.kind, key.id, key.ordinal, key.since))
          )
        }
        if (textSum(text) !== arrayTextSum(to - from, bodiesSum)) return undefined
        let part: Array<unknown>
        try {
          part = JSON.parse(text) as Array<unknown>
        } catch {
          return undefined
        }
        if (part.length !== to - from) return undefined
        for (let at = 0; at < part.length; at++) bodies[from + at] = part[at]
      }
      return bodies
    })

  /** The bodies of the given item versions, keyed by kind, id and revision. */
  const bodiesOf = (kase: CaseRow, wanted: ReadonlyArray<KeyRow>) =>
    Effect.gen(function* () {
      const bodies = new Map<string, { readonly body: string; readonly checksum: number | null }>()
      for (const chunk of Arr.chunksOf(wanted, rowsPerStatement(3, 1))) {
        const params: Array<unknown> = [kase.id]
        for (const row of chunk) params.push(row.kind, row.id, row.since)
        const rows = yield* query("load the case")(
          sql.unsafe<KeyRow & { body: string; checksum: number | null }>(
            `SELECT kind, item_id AS id, valid_from AS since, body, checksum FROM item_versions WHERE case_id = ?
             AND (kind, item_id, valid_from) IN (VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")})`,
            params
          )
        )
        for (const row of rows)
          bodies.set(`${keyOf(row.kind, row.id)}\u0000${row.since}`, {
            body: row.body,
            checksum: row.checksum
          })
      }
      return bodies
    })

  /**
   * The items of a case at `revision`, or `undefined` when reading its head and someone
   * saved meanwhile. Reads at the head take more than one statement; the head is checked
   * again after them, and since every change makes a new revision, an unchanged head
   * means they all saw the same state.
   */
  const loadAt = (kase: CaseRow, revision: RevisionInfo, isHead: boolean, options: LoadOptions | undefined) =>
    Effect.gen(function* () {
      const keys = yield* keysAt(kase, revision.number, isHead)
      const seal = yield* sealedKeys(kase, revision, keys)
      const skip = options?.skipBody
      const missing = skip === undefined ? keys : keys.filter((key) => !skip(key))
      let bodies: Map<KeyRow, unknown> | Array<unknown> | undefined
      if (missing.length > keys.length / 2) {
        bodies = yield* bodiesAt(kase, revision.number, isHead, keys)
        // A damaged body, or rows that changed between the reads: find which, item by item.
        if (bodies === undefined) bodies = yield* parsedBodiesOf(kase, missing)
      } else if (missing.length > 0) {
        bodies = yield* parsedBodiesOf(kase, missing)
        if (bodies.size < missing.length) {
          const lost = missing.find((key) => !(bodies as Map<KeyRow, unknown>).has(key))!
          throw storeError(
            new Corrupt({ location, details: `${describeItem(lost.kind, lost.id)} lost its body` })
          )
        }
      }
      const wanted = skip === undefined || missing.length === keys.length ? undefined : new Set(missing)
      const items = new Array<StoredItem>(keys.length)
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index]!
        const body =
          bodies === undefined || (wanted !== undefined && !wanted.has(key))
            ? undefined
            : Array.isArray(bodies)
              ? bodies[index]
              : bodies.get(key)
        items[index] = { kind: key.kind, id: key.id, body, since: key.since }
      }
      if (isHead) {
        const now = yield* headRow(kase.id)
        if (now === undefined || Number(now.number) !== revision.number) return undefined
      }
      return { caseName: kase.name, revision, items, checkedWhole: seal.checked }
    })

  /** The parsed bodies of the given item versions, read one by one (a damaged one is reported). */
  const parsedBodiesOf = (kase: CaseRow, wanted: ReadonlyArray<KeyRow>) =>
    Effect.map(bodiesOf(kase, wanted), (byKey) => {
      const parsed = new Map<KeyRow, unknown>()
      for (const key of wanted) {
        const found = byKey.get(`${keyOf(key.kind, key.id)}\u0000${key.since}`)
        if (found !== undefined)
          parsed.set(key, readBody(kase, { ...key, body: found.body, checksum: found.checksum }))
      }
      return parsed
    })

  const load: StoreShape["load"] = (caseName, at, options) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      for (let attempt = 1; ; attempt++) {
        const head = yield* headOf(kase)
        const revision = yield* resolveRevisionOf(kase, at)
        const loaded = yield* loadAt(kase, revision, revision.number === head.number, options)
        if (loaded !== undefined) return loaded
        if (attempt === 5) {
          return yield* storeError(
            new Unavailable({
              location,
              operation: "load the case",
              details: "it kept changing while being read"
            })
          )
        }
      }
    }).pipe(bodiesChecked)

  const ItemKey = Schema.Tuple([Schema.Number, Schema.String, Schema.String])
  const ItemRow = Schema.Struct({
    case_id: Schema.Number,
    kind: Schema.String,
    id: Schema.String,
    ordinal: Schema.Number,
    body: Schema.String,
    since: Schema.Number,
    checksum: Schema.NullOr(Schema.Number)
  })
  // Keyed by a string, so that equal lookups made by separate fibers share one request.
  const itemResolver = SqlResolver.findById({
    Id: Schema.String,
    Result: ItemRow,
    ResultId: (row) => JSON.stringify([row.case_id, row.kind, row.id]),
    execute: (keys) =>
      Effect.gen(function* () {
        const rows: Array<typeof ItemRow.Encoded> = []
        for (const chunk of Arr.chunksOf(keys, rowsPerStatement(3))) {
          const params: Array<unknown> = []
          for (const key of chunk) {
            const [caseId, kind, id] = Schema.decodeUnknownSync(ItemKey)(JSON.parse(key))
            params.push(caseId, kind, id)
          }
          const found = yield* sql.unsafe<typeof ItemRow.Encoded>(
            `SELECT case_id, kind, item_id AS id, ordinal, body, valid_from AS since, checksum FROM item_versions
             WHERE valid_until IS NULL
             AND (case_id, kind, item_id) IN (VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")})`,
            params
          )
          rows.push(...found)
        }
        return rows
      })
  })
  const lookupItem = SqlResolver.request(itemResolver)

  const getItem: StoreShape["getItem"] = (caseName, kind, id) =>
    Effect.gen(function* () {
      const kase = yield* findCase(caseName)
      const found = yield* lookupItem(JSON.stringify([kase.id, kind, id])).pipe(
        Effect.map(Option.some),
        Effect.catchIf(Cause.isNoSuchElementError, () => Effect.succeed(Option.none())),
        Effect.catchTag("SchemaError", () =>
          storeError(
            new Corrupt({
              location,
              details: `the row of ${describeItem(kind, id)} in case "${caseName}" is damaged`
            })
          )
        ),
        Effect.catchTag("SqlError", (error) => Effect.fail(fail("read the item")(error)))
      )
      return Option.map(
        found,
        (row): StoredItem => ({ kind: row.kind, id: row.id, body: readBody(kase, row), since: row.since })
      )
    }).pipe(bodiesChecked)

  const listCases: StoreShape["listCases"] = Effect.gen(function* () {
    const rows = yield* query("list its cases")(
      sql<
        Omit<CaseRow, "checksum"> & { case_checksum: number | null } & RevisionRow
      >`SELECT c.id, c.name, c.created_at, c.checksum AS case_checksum, r.number, r.parent, r.author, r.at,
          r.reason, r.undoes, r.items_sum, r.checked, r.checksum
        FROM cases c JOIN revisions r ON r.case_id = c.id
        AND r.number = (SELECT MAX(number) FROM revisions WHERE case_id = c.id)
        ORDER BY c.name`
    )
    const summaries = []
    for (const row of rows) {
      const kase = yield* caseOf({
        id: row.id,
        name: row.name,
        created_at: row.created_at,
        checksum: row.case_checksum
      })
      summaries.push({ name: kase.name, createdAt: kase.created_at, head: revisionInfo(kase, row) })
    }
    return summaries
  }).pipe(bodiesChecked)

  return { load, getItem, listCases }
}

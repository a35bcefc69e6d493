/**
 * What the edge API keeps in the store beside the cases: access tokens (by the hash of their secret)
 * and per-token request windows for rate limits. Plain rows, no history: a token is issued, used and
 * revoked; a window is counted and replaced. The same statements run on SQLite and on D1, so tokens
 * and rate limits behave the same on Node and on Workers.
 */
import { Context, Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import type { SqlError } from "effect/sql/SqlError"
import { StoreBackend } from "./backend.ts"
import { changeMemo } from "./change-memo.ts"
import { type StoreError, storeError, Unavailable } from "./errors.ts"

export type TokenScope = "read" | "write" | "admin"

export interface TokenRow {
  readonly id: string
  readonly label: string
  /** Hex SHA-256 of the token's secret part. */
  readonly secretHash: string
  readonly scope: TokenScope
  /** The cases the token may reach; `undefined` for every case. */
  readonly cases: ReadonlyArray<string> | undefined
  readonly createdAt: string
  readonly revokedAt: string | undefined
}

export interface RateWindow {
  /** Requests counted in the window so far, this one included. */
  readonly count: number
  /** When the window started, in seconds since the epoch. */
  readonly windowStart: number
}

export interface EdgeTablesShape {
  readonly insertToken: (token: Omit<TokenRow, "revokedAt">) => Effect.Effect<void, StoreError>
  readonly findToken: (id: string) => Effect.Effect<TokenRow | undefined, StoreError>
  readonly listTokens: Effect.Effect<ReadonlyArray<TokenRow>, StoreError>
  /** Marks the token revoked; false when no live token has that id. */
  readonly revokeToken: (id: string, at: string) => Effect.Effect<boolean, StoreError>
  /**
   * Counts one request of `tokenId` in the window starting at `windowStart`: a later window starts
   * again from one. One statement, so concurrent requests never lose a count.
   */
  readonly countRequest: (tokenId: string, windowStart: number) => Effect.Effect<RateWindow, StoreError>
}

export class EdgeTables extends Context.Service<EdgeTables, EdgeTablesShape>()(
  "@allegiance/store/EdgeTables"
) {}

interface TokenRecord {
  readonly id: string
  readonly label: string
  readonly secret_hash: string
  readonly scope: TokenScope
  readonly cases: string | null
  readonly created_at: string
  readonly revoked_at: string | null
}

const tokenOf = (row: TokenRecord): TokenRow => ({
  id: row.id,
  label: row.label,
  secretHash: row.secret_hash,
  scope: row.scope,
  cases: row.cases === null ? undefined : (JSON.parse(row.cases) as ReadonlyArray<string>),
  createdAt: row.created_at,
  revokedAt: row.revoked_at ?? undefined
})

export const makeEdgeTables = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const { location, changeMark } = yield* StoreBackend
  // Every request looks up its token: kept while the database does not change (a revocation changes it).
  const tokens = changeMemo<string, TokenRow | undefined>(changeMark)
  const failed =
    (operation: string) =>
    (error: SqlError): StoreError => {
      const cause = error.reason.cause as { message?: unknown } | undefined
      const details = typeof cause?.message === "string" ? cause.message : error.message
      return storeError(new Unavailable({ location, operation, details }))
    }
  return EdgeTables.of({
    insertToken: (token) =>
      Effect.mapError(
        sql`INSERT INTO api_tokens (id, label, secret_hash, scope, cases, created_at)
          VALUES (${token.id}, ${token.label}, ${token.secretHash}, ${token.scope},
            ${token.cases === undefined ? null : JSON.stringify(token.cases)}, ${token.createdAt})`,
        failed("save the token")
      ).pipe(Effect.asVoid),
    findToken: (id) =>
      tokens.through(
        id,
        Effect.mapError(
          Effect.map(sql<TokenRecord>`SELECT * FROM api_tokens WHERE id = ${id}`, (rows) =>
            rows[0] === undefined ? undefined : tokenOf(rows[0])
          ),
          failed("read its tokens")
        )
      ),
    listTokens: Effect.mapError(
      Effect.map(sql<TokenRecord>`SELECT * FROM api_tokens ORDER BY created_at, id`, (rows) =>
        rows.map(tokenOf)
      ),
      failed("read its tokens")
    ),
    revokeToken: (id, at) =>
      Effect.mapError(
        Effect.map(
          sql<{ id: string }>`UPDATE api_tokens SET revoked_at = ${at}
            WHERE id = ${id} AND revoked_at IS NULL RETURNING id`,
          (rows) => rows.length > 0
        ),
        failed("revoke the token")
      ),
    countRequest: (tokenId, windowStart) =>
      Effect.mapError(
        Effect.map(
          // SET reads the row as it was: a request in a later window starts the count again.
          sql<{
            count: number
            window_start: number
          }>`INSERT INTO api_rate_windows (token_id, window_start, count)
            VALUES (${tokenId}, ${windowStart}, 1)
            ON CONFLICT (token_id) DO UPDATE SET
              count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
              window_start = excluded.window_start
            RETURNING count, window_start`,
          (rows) => ({
            count: Number(rows[0]?.count ?? 1),
            windowStart: Number(rows[0]?.window_start ?? windowStart)
          })
        ),
        failed("count the request")
      )
  })
})

/** The edge tables over the store's own connection (the store's layer migrates them). */
export const edgeTablesLayer: Layer.Layer<EdgeTables, never, SqlClient.SqlClient | StoreBackend> =
  Layer.effect(EdgeTables, makeEdgeTables)

/**
 * The edge API's tables, and an index that lets a write find the next free ordinal without reading
 * every version of the case. Kept apart from the case tables: nothing here is part of a case's
 * history, and a store that never serves the API simply leaves them empty.
 */
export const edgeApiTables = [
  // Access tokens. The secret is never stored, only its SHA-256 (hex); `id` is the public part
  // of the token, printed by `allegiance token list` and used to revoke it.
  `CREATE TABLE IF NOT EXISTS api_tokens (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    cases TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  )`,
  // One fixed window of requests per token: when it started (seconds since the epoch) and how many
  // requests it has seen. Shared by every process or Worker isolate that serves the same database.
  `CREATE TABLE IF NOT EXISTS api_rate_windows (
    token_id TEXT PRIMARY KEY,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS item_versions_ordinal ON item_versions (case_id, ordinal)`
]

/**
 * Access tokens: `alg_<id>_<secret>`. The id is public (it names the token in lists and revocations);
 * the secret is 32 random bytes, shown once when the token is made and stored only as its SHA-256.
 * A presented token is looked up by id and its secret's hash compared in constant time, with Web
 * Crypto, so that it runs the same on Node and on Workers.
 */
import { EdgeTables, type TokenRow, type TokenScope } from "@allegiance/store/edge-tables"
import { Clock, Effect } from "effect"
import { problem } from "./problems.ts"

export type { TokenRow, TokenScope } from "@allegiance/store/edge-tables"

export const scopes: ReadonlyArray<TokenScope> = ["read", "write", "admin"]
const rank: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 }

/** Who a request comes from: its token, and what the token allows. */
export interface Principal {
  readonly tokenId: string
  /** Recorded as the author of the revisions the token writes. */
  readonly label: string
  readonly scope: TokenScope
  readonly cases: ReadonlyArray<string> | undefined
}

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (byte) =>
    byte.toString(16).padStart(2, "0")
  ).join("")

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")

export const hashSecret = (secret: string): Effect.Effect<string> =>
  Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))).pipe(
    Effect.map(hex)
  )

/**
 * Hashes of secrets that matched a token, so that a client sending the same token on every request
 * is not hashed again each time (Web Crypto's digest is a round trip to another thread). Only matched
 * secrets are kept, at most `verifiedKept`, so unknown tokens cannot crowd them out; the token row is
 * still looked up on every request, so a revocation holds at once.
 */
const verifiedKept = 256
const verifiedHashes = new Map<string, string>()
const hashOfPresented = (secret: string): Effect.Effect<string> => {
  const known = verifiedHashes.get(secret)
  return known === undefined ? hashSecret(secret) : Effect.succeed(known)
}
const rememberVerified = (secret: string, hash: string) => {
  if (verifiedHashes.has(secret)) return
  if (verifiedHashes.size >= verifiedKept) verifiedHashes.delete(verifiedHashes.keys().next().value!)
  verifiedHashes.set(secret, hash)
}

/** Whether two strings are equal, taking the same time wherever they differ. */
export const constantTimeEqual = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length
  const length = Math.max(a.length, b.length)
  for (let at = 0; at < length; at++) difference |= (a.charCodeAt(at) | 0) ^ (b.charCodeAt(at) | 0)
  return difference === 0
}

const tokenPattern = /^alg_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/

export interface IssuedToken {
  /** The whole token, to be shown once: it cannot be read back. */
  readonly token: string
  readonly row: TokenRow
}

/** Makes a token, saves its hash, and returns it whole (the only time it is seen). */
export const issueToken = (options: {
  readonly scope: TokenScope
  readonly cases?: ReadonlyArray<string> | undefined
  readonly label?: string | undefined
}): Effect.Effect<IssuedToken, import("@allegiance/store").StoreError, EdgeTables> =>
  Effect.gen(function* () {
    const tables = yield* EdgeTables
    const idBytes = crypto.getRandomValues(new Uint8Array(8))
    const id = Array.from(idBytes, (byte) => (byte % 36).toString(36)).join("") + hex(idBytes).slice(0, 4)
    const secret = base64url(crypto.getRandomValues(new Uint8Array(32)))
    const now = new Date(yield* Clock.currentTimeMillis).toISOString()
    const row: TokenRow = {
      id,
      label: options.label ?? `token ${id}`,
      secretHash: yield* hashSecret(secret),
      scope: options.scope,
      cases: options.cases === undefined || options.cases.length === 0 ? undefined : options.cases,
      createdAt: now,
      revokedAt: undefined
    }
    yield* tables.insertToken(row)
    return { token: `alg_${id}_${secret}`, row }
  })

const challenge = (error?: string) => ({
  "www-authenticate": `Bearer realm="allegiance"${error === undefined ? "" : `, error="${error}"`}`
})

/** The principal an `Authorization` header names, or a 401 problem with `WWW-Authenticate`. */
export const authenticate = (authorization: string | undefined) =>
  Effect.gen(function* () {
    if (authorization === undefined || authorization.trim() === "")
      return yield* problem(401, "This API needs a token: send it as `Authorization: Bearer <token>`.", {
        headers: challenge()
      })
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    const parts = match === null ? null : tokenPattern.exec(match[1]!)
    if (parts === null)
      return yield* problem(
        401,
        "The Authorization header does not hold a token of this API (`Bearer alg_…`).",
        {
          headers: challenge("invalid_token")
        }
      )
    const row = yield* (yield* EdgeTables).findToken(parts[1]!)
    const hash = yield* hashOfPresented(parts[2]!)
    // Compare even when no token has that id, so that timing does not tell which ids exist.
    const matches = constantTimeEqual(hash, row?.secretHash ?? "0".repeat(64))
    if (row === undefined || !matches || row.revokedAt !== undefined)
      return yield* problem(401, "This token is not known, or was revoked: ask for a new one.", {
        headers: challenge("invalid_token")
      })
    rememberVerified(parts[2]!, hash)
    return { tokenId: row.id, label: row.label, scope: row.scope, cases: row.cases } satisfies Principal
  })

/** Whether the principal may act with `scope` on `caseName` (any case, when none is named); a 403 problem if not. */
export const authorize = (principal: Principal, scope: TokenScope, caseName?: string) =>
  Effect.gen(function* () {
    if (rank[principal.scope] < rank[scope])
      return yield* problem(
        403,
        `This needs a token with the ${scope} scope; yours has ${principal.scope}. Ask for one with: allegiance token create --scope ${scope}`
      )
    if (caseName !== undefined && principal.cases !== undefined && !principal.cases.includes(caseName))
      return yield* problem(
        403,
        `Your token does not reach case "${caseName}"; it reaches: ${principal.cases.join(", ")}.`
      )
    if (caseName === undefined && principal.cases !== undefined && scope === "admin")
      return yield* problem(403, "A token limited to named cases cannot do this: it concerns every case.")
  })

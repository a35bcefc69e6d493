/**
 * Who a request comes from and whether it may go ahead: its token (401), what the token may do to
 * which case (403), and its rate (429). Every request but the public ones passes here, so it runs
 * without an Effect runtime wherever what it needs is in memory: on a store file, the token row kept
 * under the store's change mark (see `KeptLookups`; a revocation anywhere is seen on the next
 * request), the hash of a secret that matched before, and the rate counted in this process. What is
 * not in memory (a token not seen since the last write, every token on D1, rates counted in D1) is
 * asked of the store through the runtime, as any other read is. Each step answers at once when it
 * can, and with a promise when it must wait.
 */
import {
  CaseService,
  digestSecret,
  KeptLookups,
  knownHashOf,
  type PresentedToken,
  type Principal,
  Problem,
  principalOf,
  problem,
  problemOfStoreError,
  type RateDecision,
  RateLimiter,
  type RateLimiterShape,
  readBearer,
  refusalOf,
  type TokenScope,
  tooManyRequests
} from "@allegiance/service"
import type { StoreError, StoreShape } from "@allegiance/store"
import { EdgeTables, type EdgeTablesShape, type TokenRow } from "@allegiance/store/edge-tables"
import { Clock, Effect, Exit } from "effect"
import { problemOfExit } from "./respond.ts"
import type { ApiRuntime, ApiServices } from "./runtime.ts"

/** A value now, or once something was looked up. */
export type Maybe<A> = A | Promise<A>

/** `next` applied to `value`: at once when it is there, once it arrives when it is a promise. */
export const after = <A, B>(value: Maybe<A>, next: (found: A) => Maybe<B>): Maybe<B> =>
  value instanceof Promise ? value.then(next) : next(value)

/** A request let through: who sent it, and its rate window as counted with it. */
export interface Admitted {
  readonly principal: Principal
  readonly decision: RateDecision
  /** The store's change mark when the request came in (see `KeptLookups`). */
  readonly mark: string | undefined
}

/** Paths anyone may read: the OpenAPI document, the reference page, the health check. */
export const isPublicPath = (path: string): boolean =>
  /^\/(?:$|health$|openapi\.json$|docs(?:\/.*)?$)/.test(path)

/** The scope a request needs: reading for safe methods, writing for the rest, admin for cases and tokens. */
export const scopeOf = (method: string, path: string): TokenScope =>
  method === "GET" || method === "HEAD" || method === "OPTIONS"
    ? "read"
    : path === "/cases" || path === "/cases/"
      ? "admin"
      : "write"

/** The case a path is about, if any. */
export const caseOf = (path: string): string | undefined => {
  const match = /^\/cases\/([^/]+)/.exec(path)
  if (match === null) return undefined
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    return match[1]
  }
}

/** What the gate takes from the runtime once, on the first request. */
interface Parts {
  readonly tables: EdgeTablesShape
  readonly limiter: RateLimiterShape
  readonly store: StoreShape
  readonly clock: Clock.Clock
  readonly kept: KeptLookups
}

const countFailed = () =>
  problem(503, "The store cannot count requests right now; try again shortly.", {
    headers: { "retry-after": "5" }
  })

export interface Gate {
  /** The request let through, or the problem it gets (401, 403, 429, or 503 when the store fails). */
  readonly admit: (
    method: string,
    path: string,
    authorization: string | undefined
  ) => Maybe<Admitted | Problem>
  /** The number of a case's head, for a request let through: kept under its mark, or looked up. */
  readonly head: (admitted: Admitted, caseName: string) => Maybe<number | Problem>
  /** Keeps what a route read as the case's head, for a request let through (see `KeptLookups`). */
  readonly keepHead: (admitted: Admitted, caseName: string, head: number) => void
  /**
   * Today (UTC), as the service's clock tells it: the as-of day of a read that names none. Empty
   * before the first request was let through (nothing read as of today is kept before then).
   */
  readonly today: () => string
}

export const makeGate = (runtime: ApiRuntime): Gate => {
  let parts: Parts | undefined
  let loading: Promise<Parts | Problem> | undefined

  /** Runs a lookup of the store through the runtime; a failure is the problem it is to the client. */
  const run = <A>(effect: Effect.Effect<A, StoreError | Problem, ApiServices>): Promise<A | Problem> =>
    runtime
      .runPromiseExit(
        Effect.mapError(effect, (error) => (error instanceof Problem ? error : problemOfStoreError(error)))
      )
      .then((exit) => (Exit.isSuccess(exit) ? exit.value : problemOfExit(exit.cause)))

  const load = (): Maybe<Parts | Problem> => {
    if (parts !== undefined) return parts
    loading ??= run(
      Effect.gen(function* () {
        const tables = yield* EdgeTables
        return {
          tables,
          limiter: yield* RateLimiter,
          store: (yield* CaseService).store,
          clock: yield* Clock.Clock,
          kept: new KeptLookups(tables.changeMark)
        } satisfies Parts
      })
    ).then((found) => {
      if (found instanceof Problem) loading = undefined
      else parts = found
      return found
    })
    return loading
  }

  const count = (found: Parts, tokenId: string): Maybe<RateDecision | Problem> => {
    const now = found.clock.currentTimeMillisUnsafe()
    if (found.limiter.countNow !== undefined) return found.limiter.countNow(tokenId, now)
    return run(Effect.mapError(found.limiter.hit(tokenId, now), countFailed))
  }

  const admittedOf = (
    decision: RateDecision | Problem,
    principal: Principal,
    mark: string | undefined
  ): Admitted | Problem => {
    if (decision instanceof Problem) return decision
    if (!decision.allowed) return tooManyRequests(decision)
    return { principal, decision, mark }
  }

  /** The rest of the gate once the token's row and the secret's hash are known. */
  const judge = (
    found: Parts,
    method: string,
    path: string,
    presented: PresentedToken,
    hash: string,
    row: TokenRow | undefined,
    kept: boolean,
    mark: string | undefined
  ): Maybe<Admitted | Problem> => {
    const principal = principalOf(presented, hash, row)
    if (principal instanceof Problem) return principal
    if (!kept && row !== undefined) found.kept.keepToken(mark, row)
    const refused = refusalOf(principal, scopeOf(method, path), caseOf(path))
    if (refused !== undefined) return refused
    const decision = count(found, principal.tokenId)
    return decision instanceof Promise
      ? decision.then((counted) => admittedOf(counted, principal, mark))
      : admittedOf(decision, principal, mark)
  }

  // Written out step by step rather than through `after`: a request whose token and hash are kept
  // (every request but the first after a write) goes through without a closure or a promise made.
  const admitWith = (
    found: Parts,
    method: string,
    path: string,
    authorization: string | undefined
  ): Maybe<Admitted | Problem> => {
    const presented = readBearer(authorization)
    if (presented instanceof Problem) return presented
    const mark = found.kept.markNow()
    const kept = found.kept.token(presented.id)
    const knownHash = knownHashOf(presented.secret)
    if (kept !== undefined && knownHash !== undefined)
      return judge(found, method, path, presented, knownHash, kept, true, mark)
    const row: Maybe<TokenRow | undefined | Problem> = kept ?? run(found.tables.findToken(presented.id))
    return after(row, (row) => {
      if (row instanceof Problem) return row
      return after(knownHash ?? digestSecret(presented.secret), (hash) =>
        judge(found, method, path, presented, hash, row, kept !== undefined, mark)
      )
    })
  }

  let day = Number.NaN
  let dayText = ""

  return {
    admit: (method, path, authorization) =>
      parts !== undefined
        ? admitWith(parts, method, path, authorization)
        : after(load(), (found) =>
            found instanceof Problem ? found : admitWith(found, method, path, authorization)
          ),
    head: (admitted, caseName) => {
      const kept = parts?.kept.head(caseName)
      if (kept !== undefined) return kept
      return after(load(), (found) => {
        if (found instanceof Problem) return found
        const known = found.kept.head(caseName)
        if (known !== undefined) return known
        return after(run(found.store.head(caseName)), (head) => {
          if (head instanceof Problem) return head
          found.kept.keepHead(admitted.mark, caseName, head.number)
          return head.number
        })
      })
    },
    keepHead: (admitted, caseName, head) => parts?.kept.keepHead(admitted.mark, caseName, head),
    today: () => {
      if (parts === undefined) return ""
      const now = parts.clock.currentTimeMillisUnsafe()
      const days = Math.floor(now / 86_400_000)
      if (days !== day) {
        day = days
        dayText = new Date(now).toISOString().slice(0, 10)
      }
      return dayText
    }
  }
}

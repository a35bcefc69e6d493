/**
 * Per-token rate limits: at most `limit` requests in each fixed window of `windowSeconds`. The count
 * is kept in memory on one Node process, or in the store's `api_rate_windows` table where several
 * instances serve one database (Workers isolates do); both count the same way, one request at a time.
 */
import { EdgeTables, type RateWindow } from "@allegiance/store/edge-tables"
import type { StoreError } from "@allegiance/store"
import { Context, Effect, Layer } from "effect"
import { problem } from "./problems.ts"

export interface RateLimitConfig {
  readonly limit: number
  readonly windowSeconds: number
}

export interface RateDecision {
  readonly allowed: boolean
  readonly limit: number
  readonly remaining: number
  /** Seconds until the window ends and requests are counted afresh. */
  readonly resetIn: number
}

export interface RateLimiterShape {
  readonly config: RateLimitConfig
  /** Counts one request of the token at `nowMs` and says whether it may go ahead. */
  readonly hit: (tokenId: string, nowMs: number) => Effect.Effect<RateDecision, StoreError>
  /**
   * The same, at once, where the count lives in this process: what every request does is not worth
   * a trip through an Effect runtime. Absent where counting asks the store.
   */
  readonly countNow?: ((tokenId: string, nowMs: number) => RateDecision) | undefined
}

export class RateLimiter extends Context.Service<RateLimiter, RateLimiterShape>()(
  "@allegiance/service/RateLimiter"
) {}

export const windowStartOf = (nowMs: number, config: RateLimitConfig): number => {
  const seconds = Math.floor(nowMs / 1000)
  return seconds - (seconds % config.windowSeconds)
}

/** What a counted window means for the request that was counted in it. */
export const decide = (window: RateWindow, nowMs: number, config: RateLimitConfig): RateDecision => ({
  allowed: window.count <= config.limit,
  limit: config.limit,
  remaining: Math.max(0, config.limit - window.count),
  resetIn: Math.max(1, window.windowStart + config.windowSeconds - Math.floor(nowMs / 1000))
})

/** Counts in this process: for one server process, which sees every request. */
export const memoryRateLimiter = (config: RateLimitConfig): RateLimiterShape => {
  const windows = new Map<string, { windowStart: number; count: number }>()
  const countNow = (tokenId: string, nowMs: number): RateDecision => {
    const windowStart = windowStartOf(nowMs, config)
    const known = windows.get(tokenId)
    let window: { windowStart: number; count: number }
    if (known !== undefined && known.windowStart === windowStart) {
      known.count += 1
      window = known
    } else {
      window = { windowStart, count: 1 }
      windows.set(tokenId, window)
      // Forget windows that ended: a long-running server would otherwise keep one per token forever.
      if (windows.size > 10_000)
        for (const [id, other] of windows) if (other.windowStart < windowStart) windows.delete(id)
    }
    return decide(window, nowMs, config)
  }
  return { config, countNow, hit: (tokenId, nowMs) => Effect.sync(() => countNow(tokenId, nowMs)) }
}

/** Counts in the store: for several instances over one database. */
export const storeRateLimiter = (config: RateLimitConfig) =>
  Effect.gen(function* () {
    const tables = yield* EdgeTables
    return {
      config,
      hit: (tokenId, nowMs) =>
        Effect.map(tables.countRequest(tokenId, windowStartOf(nowMs, config)), (window) =>
          decide(window, nowMs, config)
        )
    } satisfies RateLimiterShape
  })

export const memoryLayer = (config: RateLimitConfig) => Layer.succeed(RateLimiter, memoryRateLimiter(config))
export const storeLayer = (config: RateLimitConfig) => Layer.effect(RateLimiter, storeRateLimiter(config))

/** The headers every counted response carries, and the 429 problem for a request over the limit. */
export const rateHeaders = (decision: RateDecision): Record<string, string> => ({
  "ratelimit-limit": String(decision.limit),
  "ratelimit-remaining": String(decision.remaining),
  "ratelimit-reset": String(decision.resetIn)
})

export const tooManyRequests = (decision: RateDecision) =>
  problem(
    429,
    `This token sent more than ${decision.limit} requests in this window; try again in ${decision.resetIn} s.`,
    { headers: { ...rateHeaders(decision), "retry-after": String(decision.resetIn) } }
  )

/**
 * A clock a test sets: time stands still until the test moves it, so that what depends on the time
 * (a token's rate window, "today" as the default as-of day) does not change under a slow run. Sleeps
 * still take real time, so nothing that waits is stopped.
 */
import { Clock, Effect } from "effect"

export interface SetClock {
  readonly clock: Clock.Clock
  readonly advance: (ms: number) => void
}

export const setClock = (startMs: number): SetClock => {
  let now = startMs
  const real = Clock.Clock.defaultValue()
  return {
    clock: {
      currentTimeMillisUnsafe: () => now,
      currentTimeMillis: Effect.sync(() => now),
      currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
      currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
      monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
      monotonicTimeNanos: real.monotonicTimeNanos,
      sleep: (duration) => real.sleep(duration)
    },
    advance: (ms) => {
      now += ms
    }
  }
}

import { Effect } from "effect"

/**
 * A pause in which Node hears signals. A Ctrl-C or SIGTERM is delivered between turns of the event
 * loop, after timers and before `setImmediate` callbacks: long synchronous work (reading a large file)
 * only stops for it where the work yields through setImmediate, as here.
 */
export const signalsHeard: Effect.Effect<void> = Effect.callback<void>((resume) => {
  const pending = setImmediate(() => resume(Effect.void))
  return Effect.sync(() => clearImmediate(pending))
})

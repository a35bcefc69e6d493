/**
 * The service layer the app runs on, over a store that also holds the API's tables: cases and their
 * evaluations, verdict events, and the rate limiter (in memory for one process, in the store where
 * several instances share a database).
 */
import {
  CaseServiceModule,
  memoryRateLimits,
  type RateLimitConfig,
  storeRateLimits
} from "@allegiance/service"
import * as VerdictEventsModule from "@allegiance/service/verdict-events"
import type { StoreError } from "@allegiance/store"
import type { EdgeTables } from "@allegiance/store/edge-tables"
import type { Store } from "@allegiance/store"
import { Clock, Layer } from "effect"
import type { ApiServices } from "./http/runtime.ts"

export const defaultRateLimit: RateLimitConfig = { limit: 6000, windowSeconds: 60 }

export const apiServices = (
  store: Layer.Layer<Store | EdgeTables, StoreError>,
  options: {
    readonly rateLimit?: RateLimitConfig | undefined
    readonly sharedRateLimits?: boolean | undefined
    /** The time the service goes by (rate windows, "today"); the system's by default. Tests set it. */
    readonly clock?: Clock.Clock | undefined
  } = {}
): Layer.Layer<ApiServices, StoreError> => {
  const rate = options.rateLimit ?? defaultRateLimit
  const services = Layer.mergeAll(
    CaseServiceModule.layer.pipe(Layer.provide(VerdictEventsModule.layer)),
    options.sharedRateLimits === true ? storeRateLimits(rate) : memoryRateLimits(rate)
  ).pipe(Layer.provideMerge(store))
  return options.clock === undefined
    ? services
    : Layer.merge(services, Layer.succeed(Clock.Clock, options.clock))
}

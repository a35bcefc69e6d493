/**
 * How the app runs the service's Effects: one runtime per server (Node) or per Worker isolate, built
 * once from the store's layer, so that caches (decoded cases, evaluations) live as long as it does.
 */
import type { CaseService, Problem, RateLimiter } from "@allegiance/service"
import type { StoreError } from "@allegiance/store"
import type { EdgeTables } from "@allegiance/store/edge-tables"
import type { Effect, Exit } from "effect"
import type { AnswerCache } from "./answer-cache.ts"
import type { Admitted, Gate } from "./gate.ts"

export type ApiServices = CaseService | EdgeTables | RateLimiter

export interface ApiRuntime {
  /** Fails with a `StoreError` too when the store could not be opened (the layer failed to build). */
  readonly runPromiseExit: <A>(
    effect: Effect.Effect<A, Problem, ApiServices>
  ) => Promise<Exit.Exit<A, Problem | StoreError>>
}

export interface AppOptions {
  readonly runtime: ApiRuntime
  /** Origins allowed to call the API from a browser; none by default. */
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  /** Largest request body, in bytes, for item writes (default 1 MiB) and for whole case files (default 64 MiB). */
  readonly bodyLimit?: number | undefined
  readonly caseFileLimit?: number | undefined
  /** The API reference page's script (@scalar/api-reference's standalone bundle), served at /docs/scalar.js. */
  readonly docsScript?: (() => Promise<Response | undefined>) | undefined
  /** How often an open event stream looks at the case's head for writes made elsewhere, in ms (default 2000). */
  readonly eventPollMs?: number | undefined
  /**
   * How much of the answers to reads to keep for clients that ask again, in characters of their
   * bodies (default 64 Mi); 0 keeps none, and every read goes through its route.
   */
  readonly keptAnswers?: number | undefined
}

/** What the routes share besides the options: the gate, the answers kept, and who the gate let in. */
export interface AppContext extends AppOptions {
  readonly gate: Gate
  readonly answers: AnswerCache
  /** Requests the cached reads let through and handed to the routes: not to be counted again. */
  readonly admitted: WeakMap<Request, Admitted>
}

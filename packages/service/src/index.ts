/**
 * @allegiance/service: what the edge API does, apart from HTTP. The Hono app in `apps/api` reads a
 * request, calls one of these, and writes the answer; everything that is logic lives here.
 */
export * as CaseServiceModule from "./case-service.ts"
export { attempt, CaseService, type ReadAt, type WriteRequest, type Written } from "./case-service.ts"
export { asOfViewsAt, caseOutlineAt } from "./case-views.ts"
export { etagOf, noneMatchHolds, type Precondition, readIfMatch } from "./etags.ts"
export { EvaluationCache } from "./evaluations.ts"
export { type ItemFilter, readItemFilter } from "./item-filters.ts"
export { cursorAfter, defaultLimit, maxLimit, type Page, pageOf } from "./pages.ts"
export { FieldProblem, Problem, ProblemBody, pointerOf, problem, problemOfStoreError } from "./problems.ts"
export {
  memoryLayer as memoryRateLimits,
  type RateDecision,
  RateLimiter,
  type RateLimitConfig,
  rateHeaders,
  storeLayer as storeRateLimits,
  tooManyRequests
} from "./rate-limits.ts"
export { type Section, sectionNoun, sections, sectionSchemas } from "./sections.ts"
export { authenticate, authorize, issueToken, type Principal, scopes, type TokenScope } from "./tokens.ts"
export { VerdictEvents } from "./verdict-events.ts"

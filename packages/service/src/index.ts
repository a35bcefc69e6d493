/**
 * @allegiance/service: what the edge API does, apart from HTTP. The Hono app in `apps/api` reads a
 * request, calls one of these, and writes the answer; everything that is logic lives here.
 */

export { caseBriefAt } from "./case-brief.ts"
export * as CaseServiceModule from "./case-service.ts"
export { attempt, CaseService, type ReadAt, type WriteRequest, type Written } from "./case-service.ts"
export { asOfViewsAt, caseOutlineAt } from "./case-views.ts"
export { etagOf, noneMatchHolds, type Precondition, readIfMatch } from "./etags.ts"
export { EvaluationCache } from "./evaluations.ts"
export { type ItemFilter, itemStatuses, readItemFilter } from "./item-filters.ts"
export { KeptLookups } from "./kept-lookups.ts"
export { cursorAfter, defaultLimit, maxLimit, type Page, pageOf } from "./pages.ts"
export { FieldProblem, Problem, ProblemBody, pointerOf, problem, problemOfStoreError } from "./problems.ts"
export {
  memoryLayer as memoryRateLimits,
  type RateDecision,
  type RateLimitConfig,
  RateLimiter,
  type RateLimiterShape,
  rateHeaders,
  storeLayer as storeRateLimits,
  tooManyRequests
} from "./rate-limits.ts"
export { type Section, sectionNoun, sectionSchemas, sections } from "./sections.ts"
export {
  authenticate,
  authorize,
  digestSecret,
  issueToken,
  knownHashOf,
  type PresentedToken,
  type Principal,
  principalOf,
  readBearer,
  refusalOf,
  scopes,
  type TokenScope
} from "./tokens.ts"
export { VerdictEvents } from "./verdict-events.ts"

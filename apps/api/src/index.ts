/** @allegiance/api: the edge API's one Hono app, and what serves it on Node and on Workers. */
export { type App, type AppOptions, makeApp } from "./app.ts"
export { type Operation, openApiDocument, operations } from "./openapi.ts"
export { apiServices, defaultRateLimit } from "./services.ts"

/**
 * The API described: `/openapi.json` (OpenAPI 3.1, generated from the same Schemas the routes
 * validate with) and `/docs`, a reference page (Scalar) whose script the app serves itself at
 * `/docs/scalar.js`, so that the page works with no network beyond this server.
 */
import { problem } from "@allegiance/service"
import { Scalar } from "@scalar/hono-api-reference"
import { Hono } from "hono"
import { problemJson } from "../http/respond.ts"
import { answerJson } from "../http/answer.ts"
import type { AppOptions } from "../http/runtime.ts"
import { openApiDocument } from "../openapi.ts"

export const docsRoutes = (options: AppOptions) =>
  new Hono()
    .get("/openapi.json", (c) =>
      answerJson(c, openApiDocument(), 200, { "cache-control": "public, max-age=300" })
    )
    .get(
      "/docs",
      async (c, next) => {
        await next()
        // The page runs Scalar's script and its inline start-up code; it reaches nothing but this server.
        c.res.headers.set(
          "content-security-policy",
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
        )
      },
      Scalar({
        url: "/openapi.json",
        cdn: "/docs/scalar.js",
        pageTitle: "Allegiance API reference",
        withDefaultFonts: false,
        hideClientButton: true,
        // Nothing that calls Scalar's own services: no AI agent, no SDK or MCP generator, no
        // developer toolbar (it links to their dashboard), no telemetry.
        showDeveloperTools: "never",
        agent: { disabled: true },
        mcp: { disabled: true },
        telemetry: false
      })
    )
    .get("/docs/scalar.js", async (c) => {
      const script = await options.docsScript?.()
      if (script === undefined)
        return problemJson(c, problem(404, "The reference page's script is not served by this deployment."))
      return script
    })

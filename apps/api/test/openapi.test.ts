/** The OpenAPI document and the app's routes, held to each other both ways. */
import { describe, expect, it } from "vitest"
import { makeApp } from "../src/app.ts"
import { openApiDocument } from "../src/openapi.ts"

const app = makeApp({ runtime: { runPromiseExit: () => Promise.reject(new Error("not used")) } })
const routes = new Set(
  app.routes
    .filter((route) => route.method !== "ALL" && !route.path.endsWith("*"))
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}").replace(/\/$/, "") || "/"}`)
)
const documented = new Set(
  Object.entries((openApiDocument() as { paths: Record<string, Record<string, unknown>> }).paths).flatMap(
    ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
  )
)

describe("the OpenAPI document", () => {
  it("documents every route of the app", () => {
    expect([...routes].filter((route) => !documented.has(route))).toEqual([])
  })
  it("documents no route the app lacks", () => {
    expect([...documented].filter((route) => !routes.has(route))).toEqual([])
  })
  it("is OpenAPI 3.1 with every referenced schema defined", () => {
    const document = openApiDocument() as {
      openapi: string
      components: { schemas: Record<string, unknown> }
    }
    expect(document.openapi).toBe("3.1.0")
    const references = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1]!
    )
    expect(references.length).toBeGreaterThan(0)
    expect(references.filter((name) => !(name in document.components.schemas))).toEqual([])
  })
})

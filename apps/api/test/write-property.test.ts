/**
 * Arbitrary bodies, headers and paths sent to every write route: always a 2xx, or a 4xx problem, never
 * a 5xx; and after a 4xx the case exports byte for byte as before.
 */
import fc from "fast-check"
import { afterAll, beforeAll, expect, it } from "vitest"
import { caseName } from "./suite/route-suite.ts"
import { type NodeApp, nodeApp } from "./support/node-app.ts"

let context: NodeApp
beforeAll(async () => {
  // The property sends far more requests than the suite's rate limit: here it is not what is tested.
  context = await nodeApp({ rateLimit: 100_000 })
})
afterAll(async () => {
  await context.dispose()
})

const sections = [
  "actors",
  "channels",
  "sources",
  "statements",
  "claims",
  "observations",
  "relationships",
  "questions"
]
const target = fc.oneof(
  fc.constantFrom(...sections).map((section) => ({ method: "POST", path: `/cases/${caseName}/${section}` })),
  fc
    .tuple(
      fc.constantFrom(...sections),
      fc.constantFrom("st-449", "jai-syria", "ansarulsham", "nope", "%2e%2e", "x".repeat(300))
    )
    .chain(([section, id]) =>
      fc
        .constantFrom("PUT", "DELETE")
        .map((method) => ({ method, path: `/cases/${caseName}/${section}/${id}` }))
    ),
  fc.constantFrom(
    { method: "PUT", path: `/cases/${caseName}` },
    { method: "POST", path: "/cases" },
    { method: "POST", path: `/cases/${caseName}/revisions/1/undo` },
    { method: "POST", path: `/cases/${caseName}/revisions/abc/undo` },
    { method: "POST", path: "/cases/no-such/statements" }
  )
)
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.record(
    { reason: fc.oneof(fc.string(), fc.constant("why")), item: fc.jsonValue() },
    { requiredKeys: [] }
  ),
  fc.record({
    reason: fc.constant("why"),
    item: fc.record(
      {
        id: fc.constantFrom("st-449", "st-p"),
        issuer: fc.jsonValue(),
        observed: fc.oneof(fc.string(), fc.constant("9 January 2015")),
        cites: fc.jsonValue()
      },
      { requiredKeys: ["id"] }
    )
  })
)
const headers = fc.record(
  {
    "content-type": fc.constantFrom("application/json", "text/plain", "application/json; charset=utf-8", ""),
    "if-match": fc.oneof(fc.constantFrom('"r1"', '"r999"', "*", "garbage", '"r1", "r2"'), fc.string()),
    accept: fc.constantFrom("application/json", "*/*", "text/html", "application/problem+json")
  },
  { requiredKeys: [] }
)

it("answers every write with a 2xx or a 4xx problem, and a 4xx changes nothing stored", async () => {
  const exportNow = async () => {
    const exported = await context.request(`/cases/${caseName}/export`, {
      headers: { authorization: `Bearer ${context.tokens.read}` }
    })
    // Compare what is stored, never two refusals with each other.
    expect(exported.status).toBe(200)
    return exported.text()
  }
  await fc.assert(
    fc.asyncProperty(target, body, headers, async ({ method, path }, sent, more) => {
      const before = await exportNow()
      const response = await context.request(path, {
        method,
        headers: { authorization: `Bearer ${context.tokens.admin}`, ...more },
        body: typeof sent === "string" ? sent : JSON.stringify(sent)
      })
      expect(response.status).toBeLessThan(500)
      if (response.status >= 400) {
        expect(response.headers.get("content-type")).toBe("application/problem+json")
        const problem = (await response.json()) as { status: number; detail: string }
        expect(problem.status).toBe(response.status)
        expect(await exportNow()).toBe(before)
      }
    }),
    { numRuns: 60 }
  )
})

/**
 * The route suite inside the Workers runtime (workerd, through Miniflare) against D1: the Worker is
 * bundled with esbuild as a deployment would be, and must hold nothing of Node's store (node:sqlite).
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { bundledCasePath } from "@allegiance/case-file"
import { build } from "esbuild"
import { Miniflare } from "miniflare"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { routeCases } from "./suite/route-suite.ts"

let miniflare: Miniflare | undefined
let bundled = ""

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./worker/suite-worker.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker"],
    external: ["node:*"],
    define: { SEED_CASE: JSON.stringify(readFileSync(bundledCasePath(), "utf8")) },
    write: false,
    logLevel: "silent"
  })
  bundled = bundle.outputFiles[0]?.text ?? ""
  miniflare = new Miniflare({
    modules: true,
    script: bundled,
    compatibilityDate: "2025-09-01",
    compatibilityFlags: ["nodejs_compat"],
    d1Databases: Object.fromEntries(routeCases.map((_, index) => [`DB${index}`, `api-suite-${index}`]))
  })
  await miniflare.ready
}, 120_000)

afterAll(async () => {
  await miniflare?.dispose()
})

describe("the edge API on Workers with D1, inside workerd", () => {
  it("bundles without Node's SQLite or file system", () => {
    expect(bundled).not.toMatch(/["']node:(sqlite|fs)["']/)
  })
  for (const [index, suiteCase] of routeCases.entries()) {
    it(suiteCase.name, async () => {
      const response = await miniflare!.dispatchFetch(`http://suite.test/?case=${index}`)
      expect(await response.text()).toBe("ok")
    })
  }
})

/**
 * The shared store suite on Cloudflare D1, run inside the real Workers runtime
 * (workerd, through Miniflare): the suite and the store are bundled into a Worker.
 */
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { Miniflare } from "miniflare"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { storeCases } from "../suite/store-suite.ts"

let miniflare: Miniflare | undefined

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker"],
    write: false,
    logLevel: "silent"
  })
  const script = bundle.outputFiles[0]?.text ?? ""
  miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2025-09-01",
    d1Databases: Object.fromEntries(storeCases.map((_, index) => [`DB${index}`, `store-suite-${index}`]))
  })
  await miniflare.ready
}, 120_000)

afterAll(async () => {
  await miniflare?.dispose()
})

describe("store on D1 inside workerd", () => {
  for (const [index, suiteCase] of storeCases.entries()) {
    it(suiteCase.name, async () => {
      const response = await miniflare!.dispatchFetch(`http://store.test/?case=${index}`)
      const text = await response.text()
      expect(text).toBe("ok")
    })
  }
})

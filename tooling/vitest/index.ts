import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

/**
 * The shared `../shared` folder (reference data from real sources) sits beside a
 * checkout in CI but not in every clone. Tests that read it are the conformance
 * suite: they live in `*.conformance.test.ts` files and run only through the
 * `conformance` task, so the ordinary test command passes without it.
 */
export const sharedDirectory = fileURLToPath(new URL("../../../shared", import.meta.url))
export const sharedAvailable = existsSync(sharedDirectory)

export const unitConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["test/**/*.conformance.test.ts", "**/node_modules/**"],
    // The limit is there to stop a test that hangs, not to time one: a property that takes 10 s on a
    // quiet machine took over 60 s on a CI machine running ten packages' tests on 2 cores. Speed is
    // checked by the benchmarks.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Test files of a package share their workers' module graph instead of importing the package anew
    // for each file: on 2 cores that halves a package's run. Globals a test needs (the brief's DOM for
    // Mermaid) are put in place once, by the support module that needs them.
    isolate: false
  }
})

export const conformanceConfig = defineConfig({
  test: {
    include: ["test/**/*.conformance.test.ts"],
    testTimeout: 600_000
  }
})

import { unitConfig } from "@allegiance/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

export default mergeConfig(
  unitConfig,
  defineConfig({
    test: {
      globalSetup: ["test/support/build-first.ts"],
      // Two test files at a time, on 2 cores too: these tests spend much of their time waiting on the
      // command they started (a terminal to redraw, a signal to land, a server to answer), so a second
      // worker fills that time, and the longest chain of the whole suite (build, then these) ends sooner.
      maxWorkers: 2
    }
  })
)

import { unitConfig } from "@allegiance/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

export default mergeConfig(
  unitConfig,
  defineConfig({ test: { globalSetup: ["test/support/build-first.ts"] } })
)

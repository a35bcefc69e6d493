import { unitConfig } from "@allegiance/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

// The tests' terminal is no TTY; colour is forced so that a test can see it (and NO_COLOR turn it off).
export default mergeConfig(unitConfig, defineConfig({ test: { env: { FORCE_COLOR: "1" } } }))

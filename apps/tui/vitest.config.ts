import { unitConfig } from "@allegiance/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

export default mergeConfig(
  unitConfig,
  defineConfig({
    // React's production build and JSX, as the installed command bundles them: React 19's development
    // build records a stack trace for every element it creates, which made these tests cost three
    // times the CPU of the rendering itself.
    oxc: { jsx: { runtime: "automatic", development: false } },
    test: {
      // The tests' terminal is no TTY; colour is forced so that a test can see it (and NO_COLOR turn it off).
      env: { FORCE_COLOR: "1", NODE_ENV: "production" }
    }
  })
)

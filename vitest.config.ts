import { defineConfig } from "vitest/config"

/**
 * Every package's unit tests in one run: one Vitest process and one pool of workers for the whole
 * workspace, instead of a process per package that each starts Vite and loads the same packages again.
 * Each package keeps its own vitest.config.ts (its project here), so `pnpm --filter <package> test`
 * still runs that package alone.
 */
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "examples/*/vitest.config.ts",
      "tooling/*/vitest.config.ts"
    ],
    // Two cores: a third worker keeps them busy while a test waits on a command it started.
    maxWorkers: 3
  }
})

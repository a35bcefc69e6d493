// Runs every benchmark in turn, each in its own process so that
// peak-memory figures do not mix.
import { spawnSync } from "node:child_process"

for (const name of [
  "startup",
  "calendar",
  "argumentation",
  "reasoning",
  "validate",
  "store",
  "export",
  "brief",
  "tui",
  "api"
]) {
  console.log(`\n== ${name} ==`)
  const result = spawnSync("pnpm", ["run", `bench:${name}`], { stdio: "inherit" })
  if (result.status !== 0) process.exitCode = 1
}

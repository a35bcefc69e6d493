#!/usr/bin/env node
// The installed `allegiance` command. It runs the compiled bundle (see scripts/build.ts) with Node's
// compile cache on, so that a start costs a few tens of milliseconds, not a pass over every source file.
import { existsSync } from "node:fs"
import module from "node:module"

const [major] = process.versions.node.split(".").map(Number)
if (major < 24) {
  console.error(
    `Allegiance needs Node 24 or later; this is Node ${process.versions.node}. Run it through pnpm ` +
      "(npx pnpm@10.34.9 exec allegiance ...), which uses the Node 24 that the project installs."
  )
  process.exit(1)
}
const bundle = new URL("../dist/code/allegiance.js", import.meta.url)
if (!existsSync(bundle)) {
  console.error(
    "The allegiance command has not been built yet. Run npx pnpm@10.34.9 install (which builds it), " +
      "or npx pnpm@10.34.9 build after changing its sources."
  )
  process.exit(1)
}
module.enableCompileCache()
await import(bundle.href)

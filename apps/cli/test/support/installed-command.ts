import { fileURLToPath } from "node:url"

/**
 * The command as installed: the bin script that runs the compiled bundle, which the test setup builds
 * from the sources first, so a test never runs stale code. Started with process.execPath, which under
 * vitest run through pnpm is the project's Node 24.
 */
export const allegianceBin = fileURLToPath(new URL("../../bin/allegiance.js", import.meta.url))

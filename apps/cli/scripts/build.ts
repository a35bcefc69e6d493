/**
 * Builds the installed `allegiance` command: one esbuild bundle of `src/bin.ts` with code splitting, so
 * that each subcommand's work is a chunk loaded only when that subcommand runs, and Node starts from
 * compiled JavaScript instead of stripping types from every source file of every package.
 *
 *   dist/code/allegiance.js   the entry; dist/code/*.js its chunks
 *   dist/cases/               the bundled seed case, one folder up from the code as in packages/case-file
 *   dist/meta.json            esbuild's metafile: what each chunk holds and imports (tests read it)
 *
 * Run by `pnpm build` (a turbo task that `start` and the tests depend on, cached while nothing changed)
 * and by the command's own tests before they start it.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const app = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

export const buildCommand = async (): Promise<void> => {
  rmSync(app("dist"), { recursive: true, force: true })
  const result = await build({
    entryPoints: { allegiance: app("src/bin.ts") },
    outdir: app("dist/code"),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    chunkNames: "[name]-[hash]",
    minifyWhitespace: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
    // Some dependencies are CommonJS and call `require` for Node's own modules, which an ES module
    // bundle has no `require` for; this gives it Node's.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);'
    }
  })
  mkdirSync(app("dist/cases"), { recursive: true })
  cpSync(fileURLToPath(new URL("../../../packages/case-file/cases", import.meta.url)), app("dist/cases"), {
    recursive: true
  })
  // The API reference page's script, served by `allegiance serve` at /docs/scalar.js (no CDN).
  const scalar = createRequire(fileURLToPath(new URL("../../api/package.json", import.meta.url))).resolve(
    "@scalar/api-reference"
  )
  mkdirSync(app("dist/docs"), { recursive: true })
  cpSync(join(dirname(scalar), "browser", "standalone.js"), app("dist/docs/scalar.js"))
  writeFileSync(app("dist/meta.json"), JSON.stringify(result.metafile))
}

if (import.meta.main) await buildCommand()

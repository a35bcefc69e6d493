/**
 * Builds the installed `allegiance` command: one esbuild bundle of `src/bin.ts` with code splitting, so
 * that each subcommand's work is a chunk loaded only when that subcommand runs, and Node starts from
 * compiled JavaScript instead of stripping types from every source file of every package.
 *
 *   dist/code/allegiance.js   the entry; dist/code/*.js its chunks
 *   dist/code/tui-worker.js   the terminal UI's reasoning worker, started as a thread of its own
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
    // The terminal UI's reasoning runs in a worker thread, which starts from a module of its own.
    entryPoints: {
      allegiance: app("src/bin.ts"),
      "tui-worker": fileURLToPath(new URL("../../tui/src/reasoning/worker.ts", import.meta.url))
    },
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
    // The metafile names sources relative to this folder, wherever the build is started from.
    absWorkingDir: app(""),
    // The terminal UI is React (Ink): .tsx with the automatic runtime.
    jsx: "automatic",
    jsxImportSource: "react",
    // Ink loads React's devtools only when asked to (DEV=true); they are not installed.
    external: ["react-devtools-core"],
    // React's production build: its development build checks and warns as it renders, and is slower.
    define: { "process.env.NODE_ENV": '"production"' },
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

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
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const app = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

const seedCases = fileURLToPath(new URL("../../../packages/case-file/cases", import.meta.url))

/** Where the API reference page's script comes from. */
const scalarScript = () =>
  join(
    dirname(
      createRequire(fileURLToPath(new URL("../../api/package.json", import.meta.url))).resolve(
        "@scalar/api-reference"
      )
    ),
    "browser",
    "standalone.js"
  )

/**
 * Whether the last build is newer than everything it was built from: every source esbuild read (its
 * metafile lists them, dependencies included, so an upgraded dependency's new path counts as missing),
 * the bundled cases, the copied script and this file. Tests run outside turbo build only when it is not.
 */
export const buildIsCurrent = (): boolean => {
  const metaFile = app("dist/meta.json")
  if (!existsSync(metaFile)) return false
  const builtAt = statSync(metaFile).mtimeMs
  const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { inputs: Record<string, unknown> }
  const sources = [
    ...Object.keys(meta.inputs).map((input) => join(app(""), input)),
    ...readdirSync(seedCases).map((name) => join(seedCases, name)),
    scalarScript(),
    fileURLToPath(import.meta.url)
  ]
  return sources.every((source) => existsSync(source) && statSync(source).mtimeMs <= builtAt)
}

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
  cpSync(seedCases, app("dist/cases"), { recursive: true })
  // The API reference page's script, served by `allegiance serve` at /docs/scalar.js (no CDN).
  mkdirSync(app("dist/docs"), { recursive: true })
  cpSync(scalarScript(), app("dist/docs/scalar.js"))
  writeFileSync(app("dist/meta.json"), JSON.stringify(result.metafile))
}

if (import.meta.main) await buildCommand()

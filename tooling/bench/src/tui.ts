// Benchmark of the terminal UI on generated cases of 10k and 100k statements: the real app (apps/tui)
// in ink-testing-library's 80x24 terminal, on a store file with its reasoning worker, driven by keys.
// Per size, in a process of its own (so that peak memory is that size's alone), it prints: time to the
// first screen (case header and navigable lists), to the first verdicts, and from the evaluation's
// answer reaching the UI's thread to the verdicts on screen; keypress to next frame in the timeline;
// one as-of step forward past the material (nothing comes in) and back (a kept day); saving one
// statement through the form (Enter on the reason to the new revision on screen); five steps forward a
// day at a time through the middle of the material (each brings in a few hundred items, and some days
// move an actor in the tree, which makes the view afresh), pressed as soon as each day is on screen, and
// five more after reading each day three seconds (while the reasoning works the next day out ahead);
// peak memory, and the UI thread's heap
// (what the thread that draws holds). Beside each, a floor measured in the same run: a trivial Ink
// app's keypress to frame, Node starting, the store's load of the case alone, a whole evaluation
// alone, one appended statement's incremental re-evaluation alone, and the store's checked append of
// one statement alone (on a store holding the case decoded, as the worker does).
//
//   pnpm --filter @allegiance/bench run bench:tui                    (10k and 100k)
//   pnpm --filter @allegiance/bench run bench:tui -- 10000           (chosen sizes)
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { generateCaseInput } from "@allegiance/case-generator"
import { outlineDigestMaker } from "@allegiance/present"
import { importCaseText } from "@allegiance/store/case-file"
import * as FileStore from "@allegiance/store/node"
import { Effect } from "effect"
import { build } from "esbuild"

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The driver and the reasoning worker, bundled as the installed command bundles them. */
const bundle = async (folder: string) => {
  await build({
    entryPoints: {
      driver: here("./tui-driver.tsx"),
      worker: here("../../../apps/tui/src/reasoning/worker.ts")
    },
    outdir: folder,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    jsx: "automatic",
    external: ["react-devtools-core"],
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);'
    }
  })
  return { driver: join(folder, "driver.js"), worker: pathToFileURL(join(folder, "worker.js")).href }
}

interface Result {
  readonly statements: number
  readonly headerMs: number
  readonly firstScreenMs: number
  readonly uiHeapMb: number
  readonly firstVerdictsMs: number
  readonly verdictsAfterEvaluationMs: number
  readonly keyMedianMs: number
  readonly keyMaxMs: number
  readonly pageMedianMs: number
  readonly endMs: number
  readonly stepForwardMs: number
  readonly stepBackMs: number
  readonly saveMs: number
  readonly middleStepMedianMs: number
  readonly middleStepMaxMs: number
  readonly readStepMedianMs: number
  readonly readStepMaxMs: number
  readonly readingMs: number
  readonly peakRssMb: number
  readonly floors: {
    readonly trivialKeyMs: number
    readonly nodeStartMs: number
    readonly storeLoadMs: number
    readonly evaluateMs: number
    readonly reevaluateMs: number
    readonly commitMs: number
  }
}

const ms = (value: number) =>
  `${value >= 1000 ? (value / 1000).toFixed(2) : value.toFixed(value < 1 ? 2 : value < 10 ? 1 : 0)}${value >= 1000 ? " s" : " ms"}`
const row = (label: string, value: number, target: string, floorLabel: string, floor: number) =>
  console.log(
    `  ${label.padEnd(44)} ${ms(value).padStart(9)}  ${target.padEnd(10)} floor ${floorLabel.padEnd(34)} ${ms(floor).padStart(9)}  ×${(value / floor).toFixed(1)}`
  )

const prepare = async (size: number, db: string) => {
  const text = JSON.stringify(generateCaseInput({ statements: size, seed: 1 }))
  await Effect.runPromise(
    importCaseText({ text, fileName: "generated.json", author: "bench", caseName: "bench" }).pipe(
      // As `allegiance import` does: the case is kept with its outline's digest.
      Effect.provide(FileStore.layer({ filename: db, digests: [outlineDigestMaker] }))
    )
  )
}

const args = process.argv.slice(2).filter((arg) => arg !== "--")
if (args[0] === "--prepare") {
  await prepare(Number(args[1]), args[2]!)
} else {
  const sizes = args.length > 0 ? args.map(Number) : [10_000, 100_000]
  const folder = mkdtempSync(join(tmpdir(), "allegiance-bench-tui-"))
  try {
    const { driver, worker } = await bundle(folder)
    console.log(
      `Terminal UI benchmark (node ${process.version}; ink-testing-library terminal, 80x24; a store file in ${tmpdir()})`
    )
    for (const size of sizes) {
      const db = join(folder, `case-${size}.db`)
      console.log(
        `\n${size.toLocaleString("en")} statements (generating and importing the case first: not timed)`
      )
      const prepared = spawnSync(
        process.execPath,
        ["--max-old-space-size=8192", fileURLToPath(import.meta.url), "--prepare", String(size), db],
        {
          stdio: "inherit"
        }
      )
      if (prepared.status !== 0) {
        process.exitCode = 1
        continue
      }
      const run = spawnSync(process.execPath, ["--max-old-space-size=8192", driver, db, worker], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024
      })
      const line = run.stdout.split("\n").find((entry) => entry.startsWith("RESULT "))
      if (run.status !== 0 || line === undefined) {
        console.log(`  the run failed:\n${run.stderr.slice(-2000)}`)
        process.exitCode = 1
        continue
      }
      const result = JSON.parse(line.slice(7)) as Result
      const f = result.floors
      writeFileSync(join(folder, `result-${size}.json`), line)
      row("case header (name, as-of day, revision)", result.headerMs, "", "Node starting", f.nodeStartMs)
      row(
        "first screen (case header, navigable lists)",
        result.firstScreenMs,
        "≤ 1 s",
        "the store's load of the case",
        f.storeLoadMs
      )
      row(
        "first verdicts on screen, from the start",
        result.firstVerdictsMs,
        "",
        "a whole evaluation",
        f.evaluateMs
      )
      row(
        "verdicts on screen after the evaluation",
        result.verdictsAfterEvaluationMs,
        "≤ 1 s",
        "Node starting",
        f.nodeStartMs
      )
      row(
        "keypress (a row down) to next frame, median",
        result.keyMedianMs,
        "≤ 50 ms",
        "trivial Ink app, key to frame",
        f.trivialKeyMs
      )
      row(
        "keypress (a row down) to next frame, slowest",
        result.keyMaxMs,
        "≤ 50 ms",
        "trivial Ink app, key to frame",
        f.trivialKeyMs
      )
      row(
        "keypress (a page down) to next frame",
        result.pageMedianMs,
        "≤ 50 ms",
        "trivial Ink app, key to frame",
        f.trivialKeyMs
      )
      row(
        "keypress (End) to next frame",
        result.endMs,
        "≤ 50 ms",
        "trivial Ink app, key to frame",
        f.trivialKeyMs
      )
      row(
        "a day forward past the material, on screen",
        result.stepForwardMs,
        "≤ 200 ms",
        "a whole evaluation",
        f.evaluateMs
      )
      row(
        "a day forward mid-material, median of 5",
        result.middleStepMedianMs,
        "≤ 200 ms",
        "a whole evaluation",
        f.evaluateMs
      )
      row(
        "a day forward mid-material, slowest of 5",
        result.middleStepMaxMs,
        "≤ 200 ms",
        "a whole evaluation",
        f.evaluateMs
      )
      const reading = `${result.readingMs / 1000} s`
      row(
        `... after reading the day ${reading}, median of 5`,
        result.readStepMedianMs,
        "≤ 200 ms",
        "a whole evaluation",
        f.evaluateMs
      )
      row(
        `... after reading the day ${reading}, slowest of 5`,
        result.readStepMaxMs,
        "≤ 200 ms",
        "a whole evaluation",
        f.evaluateMs
      )
      row(
        "one as-of day back (a kept day)",
        result.stepBackMs,
        "",
        "trivial Ink app, key to frame",
        f.trivialKeyMs
      )
      row(
        "save one statement: Enter to new revision",
        result.saveMs,
        "≤ 500 ms",
        "checked append + incremental re-eval.",
        f.commitMs + f.reevaluateMs
      )
      console.log(
        `  ${"peak memory (RSS, UI thread and worker)".padEnd(44)} ${`${result.peakRssMb.toFixed(0)} MB`.padStart(9)}`
      )
      console.log(
        `  ${"UI thread's heap at the first screen".padEnd(44)} ${`${result.uiHeapMb.toFixed(0)} MB`.padStart(9)}`
      )
      console.log(
        `  floors alone: checked append ${ms(f.commitMs)}, incremental re-evaluation ${ms(f.reevaluateMs)}, store load ${ms(f.storeLoadMs)}, whole evaluation ${ms(f.evaluateMs)}`
      )
      rmSync(db, { force: true })
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

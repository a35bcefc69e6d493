/**
 * The command end to end, as a user (and ICCMA) times it: whole processes, from start to exit, each
 * beside a floor measured in the same run.
 *
 *   pnpm --filter @allegiance/bench run bench:startup            everything
 *   pnpm --filter @allegiance/bench run bench:startup -- --quick a 100k-argument framework instead of 1M
 *
 * - `allegiance --help` and `allegiance date-check` against a bare `node -e 0` (targets: at most 4 and
 *   5 times); `allegiance evaluate` on the bundled case from a store (target: at most 0.4 s).
 * - `allegiance af -p SE-GR` on a random framework of 1M arguments and 5M attacks against a plain C
 *   program of the counting algorithm (`c/grounded.c`, built here with `cc -O2`; target: at most 3
 *   times), with peak memory (target: at most 600 MB).
 * - DC-PR, DS-PR and SE-ST on the ICCMA instances in ../shared, end to end (target: under 0.5 s each,
 *   except where the search gives no answer within its time limit).
 *
 * Each figure is the median of several runs. Times and peak memory of a child process are read by a
 * small Python wrapper (`resource.getrusage` of its children), so they belong to that process alone.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { generate } from "./iccma-instances.ts"
import { type Measure, measure, measureOnce } from "./measure-process.ts"

const quick = process.argv.includes("--quick")
const node = process.execPath
const bin = fileURLToPath(new URL("../../../apps/cli/bin/allegiance.js", import.meta.url))
const cSource = fileURLToPath(new URL("../c/grounded.c", import.meta.url))
const shared = fileURLToPath(new URL("../../../../shared/data/iccma/", import.meta.url))
const work = mkdtempSync(join(tmpdir(), "allegiance-startup-"))

const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`
const verdict = (met: boolean) => (met ? "meets" : "MISSES")
const row = (label: string, measured: Measure, note: string) =>
  console.log(
    `  ${label.padEnd(44)} ${ms(measured.seconds).padStart(8)}  peak ${measured.peakMb.toFixed(0).padStart(4)} MB  ${note}`
  )

console.log(`Allegiance end to end (node ${process.version}; median of several runs each)\n`)

const floor = measure([node, "-e", "0"], 15)
row("node -e 0 (the floor)", floor, "")
const help = measure([node, bin, "--help"], 15)
const helpRatio = help.seconds / floor.seconds
row(
  "allegiance --help",
  help,
  `${helpRatio.toFixed(1)}x the floor; target at most 4x: ${verdict(helpRatio <= 4)}`
)
const dateCheck = measure(
  [node, bin, "date-check", "--hijri", "17 Rabi al-Awal 1436", "--gregorian", "4 January 2015"],
  15
)
const dateRatio = dateCheck.seconds / floor.seconds
row(
  "allegiance date-check --hijri --gregorian",
  dateCheck,
  `${dateRatio.toFixed(1)}x; target at most 5x: ${verdict(dateRatio <= 5)}`
)

const store = { ...process.env, ALLEGIANCE_DB: join(work, "store.db") }
measureOnce([node, bin, "show"], store) // the store is created and given the bundled case once
const evaluate = measure([node, bin, "evaluate", "--as-of", "2015-01-09"], 9, store)
row(
  "allegiance evaluate (bundled case, from the store)",
  evaluate,
  `${(evaluate.seconds / floor.seconds).toFixed(1)}x; target at most 400 ms: ${verdict(evaluate.seconds <= 0.4)}`
)

console.log("")
const arguments_ = quick ? 100_000 : 1_000_000
const framework = join(tmpdir(), `allegiance-startup-random-${arguments_}.af`)
if (!existsSync(framework)) generate("random", arguments_, 5 * arguments_, framework)
const reference = join(work, "grounded")
const compiled = spawnSync("cc", ["-O2", "-o", reference, cSource], { encoding: "utf8" })
const af = measure([node, bin, "af", "-p", "SE-GR", "-f", framework], 5)
if (af.status !== 0) throw new Error(`allegiance af failed on ${framework} (exit ${af.status})`)
const label = `af -p SE-GR, random ${arguments_ / 1000}k arguments / ${(5 * arguments_) / 1000}k attacks`
if (compiled.status === 0) {
  const c = measure([reference, framework], 5)
  // Both must print the same extension, byte for byte, or the comparison means nothing.
  const ours = spawnSync(node, [bin, "af", "-p", "SE-GR", "-f", framework], { maxBuffer: 1 << 30 }).stdout
  const theirs = spawnSync(reference, [framework], { maxBuffer: 1 << 30 }).stdout
  if (!ours.equals(theirs))
    throw new Error("allegiance af and the C reference print different grounded extensions")
  row(`C reference (cc -O2 ${cSource.split("/").slice(-2).join("/")})`, c, "")
  const ratio = af.seconds / c.seconds
  row(
    label,
    af,
    `${ratio.toFixed(1)}x the C reference; target at most 3x: ${verdict(ratio <= 3)}; at most 600 MB: ${verdict(af.peakMb <= 600)}`
  )
} else {
  row(label, af, `no C reference: cc failed (${(compiled.stderr || compiled.error?.message || "").trim()})`)
}

if (existsSync(shared)) {
  const tasks: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string?]>]> = [
    ["admbuster_50000.af", [["DC-PR", "1"], ["DS-PR", "1"], ["SE-ST"]]],
    ["a1210993_20150717_0403.gml.80.af", [["DC-PR", "1"], ["DS-PR", "1"], ["SE-ST"]]],
    ["st_890_86_9_572.af", [["DC-PR", "1"], ["DS-PR", "1"], ["SE-ST"]]]
  ]
  console.log("\nICCMA instances from ../shared, end to end (limit 10 s each; exit 3 is no answer in time)")
  for (const [name, problems] of tasks)
    for (const [problem, argument] of problems) {
      const run = measure(
        [
          node,
          bin,
          "af",
          "-p",
          problem,
          "-f",
          join(shared, name),
          ...(argument === undefined ? [] : ["-a", argument]),
          "--timeout",
          "10"
        ],
        3
      )
      const answered = run.status === 0
      row(
        `${problem}${argument === undefined ? "" : ` -a ${argument}`} ${name}`,
        run,
        answered
          ? `target under 500 ms: ${verdict(run.seconds < 0.5)}`
          : `no answer within 10 s (exit ${run.status})`
      )
    }
} else console.log(`\n(no ICCMA instances at ${shared}; skipped)`)

rmSync(work, { recursive: true, force: true })

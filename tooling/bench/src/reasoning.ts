// Benchmark of the validity reasoning on generated cases of 1k, 10k and 100k statements.
// Each size runs in its own process so that peak memory (maxRSS) belongs to that size alone.
// Per size it prints: generation time (building the plain case and decoding it as a case file,
// separately), evaluateCase time and peak memory, and the time to re-evaluate after one added
// statement, through the incremental evaluator (caseEvaluator) when the reasoning exports one (else
// whole re-evaluations, said so in the output).
//
//   pnpm --filter @allegiance/bench run bench:reasoning                      (1k, 10k, 100k)
//   pnpm --filter @allegiance/bench run bench:reasoning -- --sizes=1000,5000 (chosen sizes)
//   pnpm --filter @allegiance/bench run bench:reasoning -- --timeout=600     (seconds per size; default 900)
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { addStatement, generateCaseInput } from "@allegiance/case-generator"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { rssSampler } from "./rss-sampler.ts"

const SEED = 1
/** After every generated item (the material spans 2012-2015), so the whole case counts. */
const AS_OF = "2016-12-31" as IsoDay
const TARGET = { size: 100_000, evaluateMs: 5_000, peakMb: 2_048, reevaluateMs: 50 }
/** Whole evaluations per size: the first is cold, the median is held to the target. */
const EVALUATIONS = 3
/** Statements added one after another to measure re-evaluation. */
const REEVALUATIONS = 9

interface Row {
  readonly size: number
  readonly actors: number
  readonly claims: number
  readonly buildMs: number
  readonly decodeMs: number
  readonly evaluateMs?: number
  readonly firstEvaluateMs?: number
  readonly peakRssMb?: number
  /** The evaluation was stopped: the peak RSS is the highest seen before that, a lower bound. */
  readonly peakRssAtLeast?: boolean
  readonly maxRssMb: number
  readonly arguments?: number
  readonly attacks?: number
  readonly reevaluateMs?: number
  readonly reevaluateMaxMs?: number
  /** Starting an incremental evaluator: a whole evaluation that also keeps what later updates need. */
  readonly evaluatorStartMs?: number
  readonly evaluatorPeakMb?: number
  readonly evaluatorMaxRssMb?: number
  readonly reevaluation?: "incremental" | "full"
  readonly error?: string
}

const mb = (bytes: number) => bytes / 1024 / 1024

const time = <A>(run: () => A): [A, number] => {
  const start = performance.now()
  const result = run()
  return [result, performance.now() - start]
}

const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** One size, in this process: prints one JSON line for the parent. */
const runSize = async (size: number): Promise<Row> => {
  const [input, buildMs] = time(() => generateCaseInput({ statements: size, seed: SEED }))
  const [caseFile, decodeMs] = time(() => Schema.decodeUnknownSync(CaseFile)(input))
  const base = { size, actors: caseFile.actors.length, claims: caseFile.claims.length, buildMs, decodeMs }
  // Printed before evaluating, so that the parent still has the generation figures if it times out.
  console.log(`GENERATED ${JSON.stringify({ ...base, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`)

  let reasoning: typeof import("@allegiance/domain")
  try {
    reasoning = await import("@allegiance/domain")
    if (typeof reasoning.evaluateCase !== "function") throw new Error("it does not export evaluateCase")
  } catch (error) {
    return {
      ...base,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      error: `The reasoning engine could not be loaded from packages/domain/src/reasoning/index.ts (${String(error)}); only generation was measured.`
    }
  }

  const sampler = rssSampler({ reportToStdout: true })
  await sampler.peak()
  try {
    // Only the figures are kept, so that one evaluation's result is not in memory during the next.
    const evaluate = (target: CaseFile) => {
      const [evaluation, ms] = time(() => reasoning.evaluateCase(target, { asOf: AS_OF }))
      return { ms, arguments: evaluation.argumentCount, attacks: evaluation.attackCount }
    }
    if (process.argv.includes("--evaluator")) {
      // An analyst adds statements one after another: each re-evaluation brings the last one up to date.
      let [evaluator, startMs] = time(() => reasoning.caseEvaluator(caseFile, { asOf: AS_OF }))
      const evaluatorPeakMb = mb(await sampler.peak())
      const reevaluations: Array<number> = []
      let current = caseFile
      let allIncremental = true
      for (let seed = 1; seed <= REEVALUATIONS; seed++) {
        current = addStatement(current, seed)
        const [next, ms] = time(() => evaluator.reevaluate(current))
        evaluator = next
        allIncremental &&= next.incremental
        reevaluations.push(ms)
      }
      return {
        ...base,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        evaluatorStartMs: startMs,
        evaluatorPeakMb,
        evaluatorMaxRssMb: process.resourceUsage().maxRSS / 1024,
        reevaluateMs: median(reevaluations),
        reevaluateMaxMs: Math.max(...reevaluations),
        reevaluation: allIncremental ? "incremental" : "full"
      }
    }
    // The first evaluation is cold (code not yet optimised); later ones show the steady cost. The machine
    // is noisy, so the target is checked against the median of the runs, and the first is printed too.
    // Memory is read after the first: the later runs are for time, and the collector may not yet have
    // returned what the first left behind.
    const first = evaluate(caseFile)
    const peakRssMb = mb(await sampler.peak())
    const maxRssMb = process.resourceUsage().maxRSS / 1024
    const times = [first.ms]
    for (let run = 1; run < EVALUATIONS; run++) times.push(evaluate(caseFile).ms)
    const row = {
      ...base,
      evaluateMs: median(times),
      firstEvaluateMs: first.ms,
      peakRssMb,
      maxRssMb,
      arguments: first.arguments,
      attacks: first.attacks
    }
    if (typeof reasoning.caseEvaluator === "function") return row
    // No incremental evaluator: the re-evaluation after one change is a full one.
    const reevaluations: Array<number> = []
    const runs = first.ms > 10_000 ? 1 : 3
    for (let seed = 1; seed <= runs; seed++) reevaluations.push(evaluate(addStatement(caseFile, seed)).ms)
    return { ...row, reevaluateMs: median(reevaluations), reevaluation: "full" }
  } catch (error) {
    return {
      ...base,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      error: `evaluateCase failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    }
  } finally {
    await sampler.stop()
  }
}

const pad = (text: string, width: number) => text.padStart(width)
const fixed = (value: number | undefined, digits = 0) => (value === undefined ? "-" : value.toFixed(digits))

const printTable = (rows: ReadonlyArray<Row>) => {
  const header = [
    "statements",
    "actors",
    "claims",
    "build ms",
    "decode ms",
    "evaluate ms (median, first)",
    "peak RSS MB",
    "maxRSS MB",
    "arguments",
    "attacks",
    "evaluator start ms",
    "its peak RSS MB",
    "its maxRSS MB",
    "re-eval ms (median, max)"
  ]
  const lines = rows.map((row) => [
    row.size.toLocaleString("en"),
    String(row.actors),
    String(row.claims),
    fixed(row.buildMs),
    fixed(row.decodeMs),
    row.evaluateMs === undefined
      ? "-"
      : `${fixed(row.evaluateMs)}${row.firstEvaluateMs === undefined ? "" : `, ${fixed(row.firstEvaluateMs)}`}`,
    `${row.peakRssAtLeast === true ? "≥ " : ""}${fixed(row.peakRssMb)}`,
    fixed(row.maxRssMb),
    row.arguments === undefined ? "-" : String(row.arguments),
    row.attacks === undefined ? "-" : String(row.attacks),
    fixed(row.evaluatorStartMs),
    fixed(row.evaluatorPeakMb),
    fixed(row.evaluatorMaxRssMb),
    row.reevaluateMs === undefined
      ? "-"
      : `${fixed(row.reevaluateMs, 1)}${row.reevaluateMaxMs === undefined ? "" : `, ${fixed(row.reevaluateMaxMs, 1)}`}${row.reevaluation === "full" ? " (full)" : ""}`
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)))
  const format = (cells: ReadonlyArray<string>) => cells.map((cell, i) => pad(cell, widths[i]!)).join("  ")
  console.log(format(header))
  console.log(widths.map((width) => "-".repeat(width)).join("  "))
  for (const line of lines) console.log(format(line))
  console.log(
    "\nbuild: generating the plain case (seeded); decode: Schema.decodeUnknownSync(CaseFile), as a case file is read;",
    `\nevaluate: evaluateCase run ${EVALUATIONS} times on the same case, median and first (cold);`,
    "\npeak RSS: highest process.memoryUsage.rss() sampled every 5 ms during the first evaluation (includes the case itself);",
    "\nmaxRSS: process.resourceUsage().maxRSS of the process up to the end of the first evaluation (generation included);",
    "\nevaluator start: caseEvaluator(case) in a process of its own, a whole evaluation that also keeps what later updates need;",
    "\n  its peak RSS sampled during the start, and the maxRSS of that process (generation and re-evaluations included);",
    `\nre-eval: ${REEVALUATIONS} statements (each with its claims, addStatement) added one after another, each followed by`,
    `\n  evaluator.reevaluate(case): median and slowest, as of ${AS_OF};`,
    "\n  (full) = the re-evaluations were whole evaluations (no incremental evaluator exported, or it declined)."
  )
  for (const row of rows)
    if (row.error !== undefined) console.log(`\n${row.size.toLocaleString("en")} statements: ${row.error}`)

  const atTarget = rows.find((row) => row.size === TARGET.size)
  if (atTarget === undefined) return
  const verdict = (value: number | undefined, limit: number, unit: string) =>
    value === undefined
      ? "not measured"
      : `${value.toFixed(unit === "ms" && value < 100 ? 1 : 0)} ${unit} ${value <= limit ? "meets" : "MISSES"} the target of ≤ ${limit} ${unit}`
  console.log(`\nTargets at ${TARGET.size.toLocaleString("en")} statements:`)
  console.log(
    `  evaluation time   ${verdict(atTarget.evaluateMs, TARGET.evaluateMs, "ms")} (median of ${EVALUATIONS}; the first, cold, ${fixed(atTarget.firstEvaluateMs)} ms)`
  )
  const stopped = atTarget.evaluateMs === undefined
  console.log(
    `  peak memory       ${stopped && atTarget.peakRssMb !== undefined ? `at least ${atTarget.peakRssMb.toFixed(0)} MB before the evaluation was stopped` : verdict(atTarget.peakRssMb, TARGET.peakMb, "MB")} (sampled RSS)`
  )
  console.log(
    `  maxRSS            ${stopped ? "not measured (the evaluation did not finish)" : `${verdict(atTarget.maxRssMb, TARGET.peakMb, "MB")} (the process, up to the end of the first evaluation)`}`
  )
  console.log(
    `  re-evaluation     ${verdict(atTarget.reevaluateMs, TARGET.reevaluateMs, "ms")} (median; slowest ${fixed(atTarget.reevaluateMaxMs, 1)} ms)${atTarget.reevaluation === "full" ? " (whole re-evaluations)" : ""}`
  )
}

const sizeAt = process.argv.indexOf("--size")
if (sizeAt >= 0) {
  const row = await runSize(Number(process.argv[sizeAt + 1]))
  console.log(`RESULT ${JSON.stringify(row)}`)
} else {
  const sizesArgument = process.argv.find((argument) => argument.startsWith("--sizes="))
  const sizes =
    sizesArgument === undefined ? [1_000, 10_000, 100_000] : sizesArgument.slice(8).split(",").map(Number)
  const timeoutArgument = process.argv.find((argument) => argument.startsWith("--timeout="))
  const timeoutSeconds = timeoutArgument === undefined ? 900 : Number(timeoutArgument.slice(10))
  console.log(`Reasoning benchmark: generated cases (seed ${SEED}), as of ${AS_OF}, node ${process.version}`)
  const rows: Array<Row> = []
  for (const size of sizes) {
    process.stdout.write(`  ${size.toLocaleString("en")} statements ... `)
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--size", String(size)],
      { encoding: "utf8", maxBuffer: 1 << 26, timeout: timeoutSeconds * 1000 }
    )
    const output = child.stdout.split("\n")
    const result = output.find((text) => text.startsWith("RESULT "))
    const generated = output.find((text) => text.startsWith("GENERATED "))
    if (result === undefined && generated !== undefined) {
      const why =
        child.signal === null
          ? `the evaluation failed: ${child.stderr.trim().split("\n").slice(0, 5).join(" / ")}`
          : `the evaluation did not finish within ${timeoutSeconds} s and was stopped (${child.signal})`
      const sampled = output.filter((text) => text.startsWith("RSS ")).map((text) => Number(text.slice(4)))
      console.log("generation only")
      rows.push({
        ...(JSON.parse(generated.slice(10)) as Row),
        ...(sampled.length === 0 ? {} : { peakRssMb: mb(Math.max(...sampled)), peakRssAtLeast: true }),
        error: `${why}; only generation was measured (maxRSS is as of the end of generation${sampled.length === 0 ? "" : "; peak RSS is the highest sampled before the stop"}).`
      })
      process.exitCode = 1
      continue
    }
    if (result === undefined) {
      console.log("failed")
      console.log(child.stderr.trim() || child.stdout.trim())
      process.exitCode = 1
      continue
    }
    let row = JSON.parse(result.slice(7)) as Row
    if (row.error === undefined && row.reevaluation === undefined) {
      // The incremental evaluator runs in a process of its own, so that its memory is its own too.
      const evaluator = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), "--size", String(size), "--evaluator"],
        { encoding: "utf8", maxBuffer: 1 << 26, timeout: timeoutSeconds * 1000 }
      )
      const measured = evaluator.stdout.split("\n").find((text) => text.startsWith("RESULT "))
      if (measured === undefined)
        row = {
          ...row,
          error: `the incremental evaluator failed: ${evaluator.stderr.trim().split("\n").slice(0, 5).join(" / ")}`
        }
      else {
        const {
          evaluatorStartMs,
          evaluatorPeakMb,
          evaluatorMaxRssMb,
          reevaluateMs,
          reevaluateMaxMs,
          reevaluation,
          error
        } = JSON.parse(measured.slice(7)) as Row
        row = {
          ...row,
          ...(error === undefined ? {} : { error }),
          ...(evaluatorStartMs === undefined ? {} : { evaluatorStartMs }),
          ...(evaluatorPeakMb === undefined ? {} : { evaluatorPeakMb }),
          ...(evaluatorMaxRssMb === undefined ? {} : { evaluatorMaxRssMb }),
          ...(reevaluateMs === undefined ? {} : { reevaluateMs }),
          ...(reevaluateMaxMs === undefined ? {} : { reevaluateMaxMs }),
          ...(reevaluation === undefined ? {} : { reevaluation })
        }
      }
    }
    console.log(row.error === undefined ? "done" : "generation only")
    rows.push(row)
  }
  console.log()
  printTable(rows)
}

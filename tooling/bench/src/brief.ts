// Benchmark of the brief: the time and peak memory to produce the markdown brief of a generated case of
// 10k and 100k statements, from the case as read (evaluation included, and the brief alone), beside a
// floor measured in the same process: JSON.parse of the same case as JSON text.
// Each size runs in its own process so that its peak memory is its own.
//
//   pnpm --filter @allegiance/bench run bench:brief                       (10k, 100k)
//   pnpm --filter @allegiance/bench run bench:brief -- --sizes=1000,5000  (chosen sizes)
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { briefMarkdown, briefTree } from "@allegiance/brief"
import { generateCaseInput } from "@allegiance/case-generator"
import { evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import { CaseFile } from "@allegiance/domain/model/case-file"
import { briefContent } from "@allegiance/present"
import { Schema } from "effect"
import { rssSampler } from "./rss-sampler.ts"

const SEED = 1
/** After every generated item (the material spans 2012-2015), so the whole case counts. */
const AS_OF = "2016-12-31" as IsoDay
const TARGET_MS = new Map([
  [10_000, 2_000],
  [100_000, 10_000]
])

interface Row {
  readonly size: number
  readonly caseMb: number
  readonly floorMs: number
  readonly evaluateMs: number
  readonly contentMs: number
  readonly treeMs: number
  readonly markdownMs: number
  readonly briefMs: number
  /** The CPU time of the first brief (user and system): steadier than its wall time on a shared machine. */
  readonly briefCpuMs: number
  readonly warmBriefMs: number
  readonly markdownKb: number
  readonly peakRssMb: number
  readonly maxRssMb: number
}

const time = <A>(run: () => A): [A, number] => {
  const start = performance.now()
  const result = run()
  return [result, performance.now() - start]
}
const mb = (bytes: number) => bytes / 1024 / 1024

const runSize = async (size: number): Promise<Row> => {
  const input = generateCaseInput({ statements: size, seed: SEED })
  const text = JSON.stringify(input)
  // The floor: reading the same case as JSON, the least any tool does with it. Best of three.
  const floors: Array<number> = []
  for (let run = 0; run < 3; run++) floors.push(time(() => JSON.parse(text))[1])
  const caseFile = Schema.decodeUnknownSync(CaseFile)(input)
  const sampler = rssSampler()
  await sampler.peak()
  const [evaluation, evaluateMs] = time(() => evaluateCase(caseFile, { asOf: AS_OF }))
  const cpuBefore = process.cpuUsage()
  const [content, contentMs] = time(() => briefContent(caseFile, evaluation))
  const [tree, treeMs] = time(() => briefTree(content))
  const [markdown, markdownMs] = time(() => briefMarkdown(tree))
  const briefCpu = process.cpuUsage(cpuBefore)
  const peakRssMb = mb(await sampler.peak())
  const maxRssMb = process.resourceUsage().maxRSS / 1024
  await sampler.stop()
  // Once more on the same evaluation, now that the code is optimised: the brief's steady cost.
  const [, warmBriefMs] = time(() => briefMarkdown(briefTree(briefContent(caseFile, evaluation))))
  return {
    size,
    caseMb: mb(Buffer.byteLength(text)),
    floorMs: Math.min(...floors),
    evaluateMs,
    contentMs,
    treeMs,
    markdownMs,
    briefMs: contentMs + treeMs + markdownMs,
    briefCpuMs: (briefCpu.user + briefCpu.system) / 1000,
    warmBriefMs,
    markdownKb: Buffer.byteLength(markdown) / 1024,
    peakRssMb,
    maxRssMb
  }
}

const sizeAt = process.argv.indexOf("--size")
if (sizeAt >= 0) {
  console.log(`RESULT ${JSON.stringify(await runSize(Number(process.argv[sizeAt + 1])))}`)
} else {
  const sizesArgument = process.argv.find((argument) => argument.startsWith("--sizes="))
  const sizes =
    sizesArgument === undefined ? [10_000, 100_000] : sizesArgument.slice(8).split(",").map(Number)
  console.log(`Brief benchmark: generated cases (seed ${SEED}), as of ${AS_OF}, node ${process.version}`)
  const rows: Array<Row> = []
  for (const size of sizes) {
    process.stdout.write(`  ${size.toLocaleString("en")} statements ... `)
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), "--size", String(size)],
      { encoding: "utf8", maxBuffer: 1 << 26 }
    )
    const result = child.stdout.split("\n").find((line) => line.startsWith("RESULT "))
    if (result === undefined) {
      console.log("failed")
      console.log(child.stderr.trim() || child.stdout.trim())
      process.exitCode = 1
      continue
    }
    console.log("done")
    rows.push(JSON.parse(result.slice(7)) as Row)
  }
  const header = [
    "statements",
    "case MB",
    "floor ms",
    "evaluate ms",
    "content ms",
    "tree ms",
    "markdown ms",
    "brief ms (warm)",
    "brief CPU ms",
    "total ms",
    "× floor",
    "brief KB",
    "peak RSS MB",
    "maxRSS MB"
  ]
  const lines = rows.map((row) => {
    const total = row.evaluateMs + row.briefMs
    return [
      row.size.toLocaleString("en"),
      row.caseMb.toFixed(0),
      row.floorMs.toFixed(0),
      row.evaluateMs.toFixed(0),
      row.contentMs.toFixed(0),
      row.treeMs.toFixed(0),
      row.markdownMs.toFixed(0),
      `${row.briefMs.toFixed(0)} (${row.warmBriefMs.toFixed(0)})`,
      row.briefCpuMs.toFixed(0),
      total.toFixed(0),
      (total / row.floorMs).toFixed(1),
      row.markdownKb.toFixed(0),
      row.peakRssMb.toFixed(0),
      row.maxRssMb.toFixed(0)
    ]
  })
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)))
  const format = (cells: ReadonlyArray<string>) =>
    cells.map((cell, i) => cell.padStart(widths[i]!)).join("  ")
  console.log()
  console.log(format(header))
  console.log(widths.map((width) => "-".repeat(width)).join("  "))
  for (const line of lines) console.log(format(line))
  console.log(
    "\nfloor: JSON.parse of the same case as JSON text (best of 3), in the same process;",
    "\nevaluate: evaluateCase as of the day; content: briefContent (what the brief says); tree: briefTree (mdast);",
    "\nmarkdown: briefMarkdown (mdast-util-to-markdown with GFM); brief = content + tree + markdown, first run",
    "\n  (warm: a second run on the same evaluation); brief CPU: the first brief's CPU time, user and system",
    "\n  (GC threads included), steadier than wall time when other processes share the cores;",
    "\ntotal = evaluate + brief, from the case as read;",
    "\npeak RSS: highest RSS sampled every 5 ms from the evaluation to the markdown (the case itself included);",
    "\nmaxRSS: the process's maxRSS up to then (generation included)."
  )
  for (const row of rows) {
    const target = TARGET_MS.get(row.size)
    if (target === undefined) continue
    const total = row.evaluateMs + row.briefMs
    console.log(
      `\n${row.size.toLocaleString("en")} statements: total ${total.toFixed(0)} ms ${total <= target ? "meets" : "MISSES"} the target of ≤ ${target} ms` +
        ` (the brief alone ${row.briefMs.toFixed(0)} ms, ${row.briefMs <= target ? "within" : "over"} it; the evaluation ${row.evaluateMs.toFixed(0)} ms is bench:reasoning's to hold).`
    )
  }
}

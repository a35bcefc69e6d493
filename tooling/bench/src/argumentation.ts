// Benchmark of the abstract-argumentation core. Generates ICCMA'23 files (random, acyclic,
// admbuster-like, many small components) with a seeded generator, then runs each case in its
// own process so that peak memory (maxRSS) belongs to that case alone. Prints read, parse,
// build and solve times separately. Also runs the real ICCMA instances in ../shared if present.
//
//   pnpm --filter @allegiance/bench run bench:argumentation            (all cases)
//   pnpm --filter @allegiance/bench run bench:argumentation -- --quick (smaller sizes)
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { groundedLabelling } from "@allegiance/domain/argumentation/grounded"
import { buildScanned, i23Instance, scanI23 } from "@allegiance/domain/argumentation/i23-reader"
import { type IccmaProblem, solveIccmaTask } from "@allegiance/domain/argumentation/iccma-task"
import { generate, type Kind } from "./iccma-instances.ts"

/** CPU time of this process so far (user + system): unlike wall time, not inflated by other load. */
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)
const ms = (t: number) => `${t.toFixed(0)} ms`

/** One case, run inside a child process: read, scan (parse), build, solve. */
const runCase = (
  file: string,
  problem: IccmaProblem | "GR-LABELS",
  argument: string | undefined,
  timeout: number
) => {
  const t0 = performance.now()
  const bytes = readFileSync(file)
  const t1 = performance.now()
  const scanned = scanI23(bytes)
  if (!scanned.ok) throw new Error(`${file}: ${scanned.error.message}`)
  const t2 = performance.now()
  const framework = buildScanned(scanned.scan)
  const t3 = performance.now()
  let answer: string
  if (problem === "GR-LABELS") {
    const labels = groundedLabelling(framework)
    let undec = 0
    for (let i = 0; i < labels.length; i++) if (labels[i] === 0) undec++
    answer = `grounded labelling, ${undec} UNDEC`
  } else {
    const instance = i23Instance(framework)
    const deadline = Date.now() + timeout * 1000
    const arg = argument === undefined ? undefined : instance.argumentNamed(argument)
    const outcome = solveIccmaTask(instance, problem, arg, { shouldStop: () => Date.now() >= deadline })
    answer = outcome.decided
      ? outcome.value.length > 40
        ? `${outcome.value.slice(0, 30).trim()}... (${outcome.value.split(" ").length - 1} arguments)`
        : outcome.value.trim()
      : `no answer within ${timeout} s`
  }
  const t4 = performance.now()
  console.log(
    [
      `  ${problem}${argument === undefined ? "" : ` -a ${argument}`}`.padEnd(22),
      `args ${framework.size}`.padEnd(14),
      `attacks ${framework.attackCount}`.padEnd(17),
      `read ${ms(t1 - t0)}`.padEnd(12),
      `parse ${ms(t2 - t1)}`.padEnd(13),
      `build ${ms(t3 - t2)}`.padEnd(13),
      `solve ${ms(t4 - t3)}`.padEnd(14),
      `total ${ms(t4 - t0)}`.padEnd(14),
      `cpu ${ms(cpuMs())}`.padEnd(12),
      `peak ${peakMb()} MB`.padEnd(14),
      answer
    ].join(" ")
  )
}

const self = fileURLToPath(import.meta.url)

const child = (file: string, problem: string, argument?: string, timeout = 10) => {
  const args = ["--max-old-space-size=4096", self, "--case", file, problem, argument ?? "-", String(timeout)]
  const result = spawnSync(process.execPath, args, { stdio: "inherit" })
  if (result.status !== 0) process.exitCode = 1
}

const main = () => {
  const caseAt = process.argv.indexOf("--case")
  if (caseAt >= 0) {
    const [file, problem, argument, timeout] = process.argv.slice(caseAt + 1) as [
      string,
      string,
      string,
      string
    ]
    runCase(file, problem as IccmaProblem, argument === "-" ? undefined : argument, Number(timeout))
    return
  }
  const quick = process.argv.includes("--quick")
  const dir = join(tmpdir(), "allegiance-af-bench")
  mkdirSync(dir, { recursive: true })
  const big = quick ? 100_000 : 1_000_000
  const cases: Array<{ kind: Kind; n: number; m: number; tasks: Array<[string, string?]> }> = [
    { kind: "random", n: big, m: 5 * big, tasks: [["GR-LABELS"], ["GR-LABELS"], ["GR-LABELS"], ["SE-GR"]] },
    {
      kind: "random-sorted",
      n: big,
      m: 5 * big,
      tasks: [["GR-LABELS"], ["GR-LABELS"], ["GR-LABELS"], ["SE-GR"]]
    },
    { kind: "acyclic", n: big, m: 5 * big, tasks: [["GR-LABELS"], ["SE-PR"]] },
    {
      kind: "admbuster",
      n: big,
      m: 0,
      tasks: [["GR-LABELS"], ["SE-PR"], ["DC-PR", "1"], ["DS-PR", "1"], ["SE-ST"]]
    },
    { kind: "components", n: big, m: 3 * big, tasks: [["GR-LABELS"], ["SE-PR"], ["SE-ST"], ["DS-PR", "7"]] }
  ]
  console.log(`Generated instances in ${dir} (node ${process.version}, one process per line)`)
  for (const c of cases) {
    const file = join(dir, `${c.kind}-${c.n}-${c.m}.af`)
    if (!existsSync(file)) generate(c.kind, c.n, c.m, file)
    console.log(`${c.kind} (${file})`)
    for (const [problem, argument] of c.tasks) child(file, problem, argument)
  }
  const shared = fileURLToPath(new URL("../../../../shared/data/iccma/", import.meta.url))
  if (existsSync(shared)) {
    const real: Array<[string, Array<[string, string?]>]> = [
      [
        "admbuster_50000.af",
        [["SE-PR"], ["DC-PR", "1"], ["DS-PR", "1"], ["DC-PR", "2"], ["DS-PR", "2"], ["SE-ST"], ["DC-ST", "2"]]
      ],
      [
        "a1210993_20150717_0403.gml.80.af",
        [
          ["SE-PR"],
          ["DC-PR", "1"],
          ["DS-PR", "1"],
          ["DC-PR", "1000"],
          ["DS-PR", "1000"],
          ["SE-ST"],
          ["DS-ST", "1"]
        ]
      ],
      ["st_890_86_9_572.af", [["SE-GR"], ["DC-PR", "1"], ["SE-ST"]]]
    ]
    for (const [name, tasks] of real) {
      console.log(`ICCMA ${name}`)
      for (const [problem, argument] of tasks) child(join(shared, name), problem, argument, 10)
    }
  } else {
    console.log(`(no ICCMA instances at ${shared}; skipped)`)
  }
}

main()

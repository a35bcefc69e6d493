// Benchmark of the abstract-argumentation core. Generates ICCMA'23 files (random, acyclic,
// admbuster-like, many small components) with a seeded generator, then runs each case in its
// own process so that peak memory (maxRSS) belongs to that case alone. Prints read, parse,
// build and solve times separately. Also runs the real ICCMA instances in ../shared if present.
//
//   pnpm --filter @allegiance/bench run bench:argumentation            (all cases)
//   pnpm --filter @allegiance/bench run bench:argumentation -- --quick (smaller sizes)
import { spawnSync } from "node:child_process"
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { buildScanned, i23Instance, scanI23 } from "@allegiance/domain/argumentation/iccma-format"
import { groundedLabelling } from "@allegiance/domain/argumentation/grounded"
import { type IccmaProblem, solveIccmaTask } from "@allegiance/domain/argumentation/iccma-task"

const seeded = (seed: number) => {
  let s = seed >>> 0
  return () => {
    // xorshift32: deterministic, fast, good enough for instance generation
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x100000000
  }
}

/** Streams "i j" lines into a file through a byte buffer (no per-line strings). */
const writer = (path: string, header: string) => {
  const fd = openSync(path, "w")
  const buffer = Buffer.allocUnsafe(1 << 22)
  let used = 0
  const flush = () => {
    writeSync(fd, buffer, 0, used)
    used = 0
  }
  const writeNumber = (v: number) => {
    if (v >= 10) writeNumber(Math.floor(v / 10))
    buffer[used++] = 48 + (v % 10)
  }
  used += buffer.write(header, used)
  return {
    attack: (a: number, b: number) => {
      if (used > buffer.length - 32) flush()
      writeNumber(a)
      buffer[used++] = 32
      writeNumber(b)
      buffer[used++] = 10
    },
    close: () => {
      flush()
      closeSync(fd)
    }
  }
}

type Kind = "random" | "random-sorted" | "acyclic" | "admbuster" | "components"

const generate = (kind: Kind, n: number, m: number, path: string): void => {
  const rnd = seeded(n * 31 + m + kind.length)
  const pick = (k: number) => Math.floor(rnd() * k)
  if (kind === "admbuster") {
    // Argument a (1) attacked by b1 and c1; b(i+1) -> b(i), c(i+1) -> c(i), crossing at every other level.
    const k = Math.floor((n - 1) / 2)
    const out = writer(path, `p af ${2 * k + 1}\n`)
    const b = (i: number) => 2 * i
    const c = (i: number) => 2 * i + 1
    out.attack(b(1), 1)
    out.attack(c(1), 1)
    for (let i = 1; i < k; i++) {
      out.attack(b(i + 1), b(i))
      out.attack(c(i + 1), c(i))
      if (i % 2 === 1) {
        out.attack(c(i + 1), b(i))
        out.attack(b(i + 1), c(i))
      }
    }
    out.close()
    return
  }
  const out = writer(path, `p af ${n}\n`)
  if (kind === "random") {
    for (let i = 0; i < m; i++) out.attack(1 + pick(n), 1 + pick(n))
  } else if (kind === "random-sorted") {
    // The same distribution, written attacker by attacker as ICCMA generators usually do.
    const perSource = new Int32Array(n + 1)
    for (let i = 0; i < m; i++) perSource[1 + pick(n)]!++
    for (let a = 1; a <= n; a++) for (let k = perSource[a]!; k > 0; k--) out.attack(a, 1 + pick(n))
  } else if (kind === "acyclic") {
    // Attacks only from a lower to a higher number: no cycles, grounded decides everything.
    for (let i = 0; i < m; i++) {
      const a = 1 + pick(n - 1)
      out.attack(a, a + 1 + pick(Math.min(n - a, 1000)))
    }
  } else {
    // Components of 2-8 arguments with dense random attacks inside, plus a few attacks
    // from each component to the next (so components form a chain of SCCs).
    let first = 1
    let written = 0
    while (first <= n) {
      const size = Math.min(2 + pick(7), n - first + 1)
      const per = Math.max(1, Math.round((m / n) * size) - 1)
      for (let i = 0; i < per && written < m; i++, written++)
        out.attack(first + pick(size), first + pick(size))
      if (first + size <= n && written < m) {
        out.attack(first + pick(size), first + size + pick(Math.min(8, n - first - size + 1)))
        written++
      }
      first += size
    }
  }
  out.close()
}

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

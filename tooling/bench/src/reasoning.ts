/**
 * Benchmark of reading and reasoning over generated cases, against the floor of any evaluation: parsing
 * the case's own file. Each case is written as one JSON file, and every figure is printed beside
 * `JSON.parse` of that file timed in the same process (median of a few), with its ratio (issue 18).
 *
 *   pnpm --filter @allegiance/bench run bench:reasoning                       (10k and 100k statements)
 *   pnpm --filter @allegiance/bench run bench:reasoning -- --sizes=1000,5000  (chosen sizes)
 *   pnpm --filter @allegiance/bench run bench:reasoning -- --timeout=600      (seconds per step; default 1800)
 *   pnpm --filter @allegiance/bench run bench:reasoning -- --only=reading     (reading and validate alone)
 *
 * Per size, each step runs in a process of its own, so that its memory is its own:
 * - read: `readCaseText` (parse, decode, integrity), `allegiance validate FILE` end to end (the built
 *   command), and whole evaluations (`evaluateCase`), median of a few and the first (cold);
 * - memory: a process that reads the file as the command does, drops the text, and evaluates once: its
 *   peak RSS, against the size of the file;
 * - evaluator: the incremental evaluator's start, re-evaluations after one appended statement each, and
 *   moving the as-of day back by one day from the last day of the material (items leave the view),
 *   against a whole evaluation as of that earlier day in the same process; and moving it forward one day
 *   in the middle of the material (items come in), against a whole evaluation as of that day.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { readCaseText } from "@allegiance/case-file"
import { addStatement, dayOfIso, generateCaseInput, isoOf } from "@allegiance/case-generator"
import { type CaseEvaluation, type CaseEvaluator, caseEvaluator, evaluateCase } from "@allegiance/domain"
import type { IsoDay } from "@allegiance/domain/calendar/printed-date"
import type { CaseFile } from "@allegiance/domain/model/case-file"
import { Result } from "effect"
import { measure } from "./measure-process.ts"
import { rssSampler } from "./rss-sampler.ts"

const SEED = 1
/** After every generated item (the material spans 2012-2015), so the whole case counts. */
const AS_OF = "2016-12-31" as IsoDay
/** Runs of each in-process figure: the median is held to the target, the first is printed too. */
const RUNS = 3
/** Statements added one after another to measure re-evaluation. */
const REEVALUATIONS = 9
const bin = fileURLToPath(new URL("../../../apps/cli/bin/allegiance.js", import.meta.url))

/** The targets of issue 18, as ratios to `JSON.parse` of the case file (or as said). */
const TARGETS = {
  read: 2,
  validate: 2.5,
  evaluate: 3,
  evaluatorStart: 3.5,
  reevaluateMedianMs: 20,
  reevaluateMaxMs: 50,
  backOneDay: 0.5,
  memory: 8
}

const time = <A>(run: () => A): [A, number] => {
  const start = performance.now()
  const result = run()
  return [result, performance.now() - start]
}

const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** `JSON.parse` of the file's text, median of `RUNS`: the floor every figure of this process is set against. */
const parseFloor = (text: string) =>
  median(Array.from({ length: RUNS }, () => time(() => JSON.parse(text))[1]))

const readCase = (text: string, file: string): CaseFile => {
  const read = readCaseText(text, file)
  if (Result.isFailure(read))
    throw new Error(`the generated case does not read: ${read.failure[0]?.message ?? "no reason given"}`)
  return read.success
}

/**
 * Step "read": reading, validating end to end, and whole evaluations, each beside the floor; with
 * `readingOnly`, no evaluations (for work on the reader, whose figures then come in minutes).
 */
const readStep = (file: string, readingOnly: boolean) => {
  const text = readFileSync(file, "utf8")
  const parseMs = parseFloor(text)
  // Only the first read's case is kept: the evaluations below should not run beside two more copies of it.
  const [caseFile, firstReadMs] = time(() => readCase(text, file))
  const readTimes = [
    firstReadMs,
    ...Array.from({ length: RUNS - 1 }, () => time(() => readCase(text, file))[1])
  ]
  const validate = measure([process.execPath, "--max-old-space-size=8192", bin, "validate", file], 1)
  if (validate.status !== 0) throw new Error(`allegiance validate exited with ${validate.status}`)
  // Only the figures are kept, so that one evaluation's result is not in memory during the next.
  const evaluations = Array.from({ length: readingOnly ? 0 : RUNS }, () => {
    const [evaluation, ms] = time(() => evaluateCase(caseFile, { asOf: AS_OF }))
    return { ms, arguments: evaluation.argumentCount, attacks: evaluation.attackCount }
  })
  return {
    parseMs,
    readMs: median(readTimes),
    validateMs: validate.seconds * 1000,
    validatePeakMb: validate.peakMb,
    evaluateMs: readingOnly ? undefined : median(evaluations.map((run) => run.ms)),
    firstEvaluateMs: evaluations[0]?.ms,
    arguments: evaluations[0]?.arguments,
    attacks: evaluations[0]?.attacks,
    actors: caseFile.actors.length,
    claims: caseFile.claims.length
  }
}

/** Step "memory": the peak RSS of a process that reads the file and evaluates it once. */
const memoryStep = async (file: string) => {
  let caseFile: CaseFile | undefined = readCase(readFileSync(file, "utf8"), file)
  const sampler = rssSampler()
  await sampler.peak()
  // What reading left resident, so that the evaluation's own share of the peak can be told from it.
  const beforeRssBytes = process.memoryUsage.rss()
  const [evaluation] = time(() => evaluateCase(caseFile!, { asOf: AS_OF }))
  const peak = await sampler.peak()
  await sampler.stop()
  caseFile = undefined
  return {
    peakRssBytes: Math.max(peak, 0),
    beforeRssBytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    found: evaluation.findings.length
  }
}

/** The evaluator moved to `asOf`: by its own move where it has one, else a whole evaluation. */
const movedTo = (
  evaluator: CaseEvaluator,
  caseFile: CaseFile,
  asOf: IsoDay
): { way: string; run: () => unknown } => {
  const move = (evaluator as { readonly atDay?: (day: IsoDay) => CaseEvaluator }).atDay
  return typeof move === "function"
    ? { way: "the evaluator's own move", run: () => move(asOf) }
    : {
        way: "a whole evaluation (the evaluator has no move of its own)",
        run: () => evaluateCase(caseFile, { asOf })
      }
}

/** Step "evaluator": its start, re-evaluations after appended statements, and moving back one day. */
const evaluatorStep = (file: string) => {
  const text = readFileSync(file, "utf8")
  const parseMs = parseFloor(text)
  const caseFile = readCase(text, file)
  // A large case's start takes long: it is started twice there, the later start (warm) counting.
  const large = caseFile.statements.length >= 50_000
  // Each start drops the evaluator before it, so that no start runs beside another's whole state.
  let evaluator: CaseEvaluator | undefined
  const startTimes: Array<number> = []
  for (let run = 0; run < (large ? 2 : RUNS); run++) {
    evaluator = undefined
    const [started, ms] = time(() => caseEvaluator(caseFile, { asOf: AS_OF }))
    evaluator = started
    startTimes.push(ms)
  }
  const startMs = large ? startTimes.at(-1)! : median(startTimes)
  const reevaluations: Array<number> = []
  let current = caseFile
  let allIncremental = true
  // An analyst adds statements one after another: each re-evaluation brings the last one up to date.
  for (let seed = 1; seed <= REEVALUATIONS; seed++) {
    current = addStatement(current, seed)
    const [next, ms] = time(() => evaluator!.reevaluate(current))
    evaluator = next
    allIncremental &&= next.incremental
    reevaluations.push(ms)
  }
  // Done with it: what follows should not run beside its state.
  evaluator = undefined
  // Moving back one day from the last day a statement was seen: that day's items leave the view.
  const lastSeen = caseFile.statements
    .map((statement) => statement.observed.end as string)
    .sort()
    .at(-1)!
  const lastDay = lastSeen as IsoDay
  const dayBefore = isoOf(dayOfIso(lastSeen) - 1) as IsoDay
  const wholeBefore = Array.from(
    { length: large ? 2 : RUNS },
    () => time(() => evaluateCase(caseFile, { asOf: dayBefore }))[1]
  )
  // The same evaluator moves back each time: a move leaves the evaluator it starts from as it was.
  const fromLastDay = caseEvaluator(caseFile, { asOf: lastDay })
  const backs: Array<number> = []
  let way = ""
  let moved: unknown
  for (let run = 0; run < (large ? 2 : RUNS); run++) {
    const moving = movedTo(fromLastDay, caseFile, dayBefore)
    way = moving.way
    const [result, ms] = time(moving.run)
    moved = result
    backs.push(ms)
  }
  const countOf = (evaluation: CaseEvaluation) =>
    evaluation.statements.length + evaluation.claims.length + evaluation.observations.length
  const movedEvaluation = (moved as { evaluation?: CaseEvaluation }).evaluation ?? (moved as CaseEvaluation)
  const leaving = countOf(fromLastDay.evaluation) - countOf(movedEvaluation)
  // Moving forward one day in the middle of the material, as an analyst steps through it: the items known
  // since come in. One move per start (a move forward moves the evaluator's line on), so one run.
  const midDay = caseFile.statements.map((statement) => statement.observed.end as string).sort()[
    Math.floor(caseFile.statements.length / 2)
  ]! as IsoDay
  const midBefore = isoOf(dayOfIso(midDay) - 1) as IsoDay
  const [, wholeMidMs] = time(() => evaluateCase(caseFile, { asOf: midDay }))
  const fromMidBefore = caseEvaluator(caseFile, { asOf: midBefore })
  const [movedOn, forwardMs] = time(() => fromMidBefore.atDay(midDay))
  const entering = countOf(movedOn.evaluation) - countOf(fromMidBefore.evaluation)
  return {
    parseMs,
    evaluatorStartMs: startMs,
    forwardMs,
    forwardIncremental: movedOn.incremental,
    wholeMidMs,
    entering,
    midDay,
    midBefore,
    reevaluateMs: median(reevaluations),
    reevaluateMaxMs: Math.max(...reevaluations),
    reevaluation: allIncremental ? "incremental" : "full",
    wholeBeforeMs: large ? wholeBefore.at(-1)! : median(wholeBefore),
    backMs: large ? backs.at(-1)! : median(backs),
    backWay: way,
    leaving,
    lastDay,
    dayBefore
  }
}

type ReadFigures = ReturnType<typeof readStep>
type MemoryFigures = Awaited<ReturnType<typeof memoryStep>>
type EvaluatorFigures = ReturnType<typeof evaluatorStep>

const stepAt = process.argv.indexOf("--step")
if (stepAt >= 0) {
  const [name, file] = [process.argv[stepAt + 1]!, process.argv[stepAt + 2]!]
  const figures =
    name === "read"
      ? readStep(file, process.argv.includes("--only=reading"))
      : name === "memory"
        ? await memoryStep(file)
        : evaluatorStep(file)
  console.log(`RESULT ${JSON.stringify(figures)}`)
} else {
  const sizesArgument = process.argv.find((argument) => argument.startsWith("--sizes="))
  const sizes =
    sizesArgument === undefined ? [10_000, 100_000] : sizesArgument.slice(8).split(",").map(Number)
  const timeoutArgument = process.argv.find((argument) => argument.startsWith("--timeout="))
  const timeoutSeconds = timeoutArgument === undefined ? 1800 : Number(timeoutArgument.slice(10))
  const readingOnly = process.argv.includes("--only=reading")
  console.log(
    `Reasoning benchmark: generated cases (seed ${SEED}) written as one JSON file each, as of ${AS_OF}, node ${process.version}`
  )
  const run = <A>(step: string, file: string): A | undefined => {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        "--step",
        step,
        file,
        ...(readingOnly ? ["--only=reading"] : [])
      ],
      { encoding: "utf8", maxBuffer: 1 << 26, timeout: timeoutSeconds * 1000 }
    )
    const result = child.stdout.split("\n").find((line) => line.startsWith("RESULT "))
    if (result !== undefined) return JSON.parse(result.slice(7)) as A
    const why =
      child.signal === null
        ? child.stderr.trim().split("\n").slice(0, 6).join("\n    ")
        : `stopped after ${timeoutSeconds} s`
    console.log(`\n  the ${step} step failed: ${why}`)
    process.exitCode = 1
    return undefined
  }
  const directory = mkdtempSync(join(tmpdir(), "allegiance-reasoning-"))
  const summary: Array<string> = []
  try {
    for (const size of sizes) {
      const file = join(directory, `case-${size}.json`)
      writeFileSync(file, JSON.stringify(generateCaseInput({ statements: size, seed: SEED })))
      const bytes = statSync(file).size
      const mb = bytes / 1024 / 1024
      console.log(`\n${size.toLocaleString("en")} statements: a ${mb.toFixed(1)} MB JSON file`)
      const read = run<ReadFigures>("read", file)
      const memory = readingOnly ? undefined : run<MemoryFigures>("memory", file)
      const evaluator = readingOnly ? undefined : run<EvaluatorFigures>("evaluator", file)
      const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0).padStart(8)} ms`
      const line = (label: string, value: number, floor: number, target: number | undefined, note = "") => {
        const ratio = value / floor
        const verdict =
          target === undefined ? "" : ratio <= target ? `meets ≤${target}x` : `MISSES ≤${target}x`
        console.log(
          `  ${label.padEnd(52)} ${ms(value)}  ${`${ratio.toFixed(2)}x`.padStart(7)}  ${verdict}${note}`
        )
        if (target !== undefined)
          summary.push(
            `${size.toLocaleString("en").padStart(7)}  ${label.padEnd(52)} ${`${ratio.toFixed(2)}x`.padStart(7)}  ${verdict}`
          )
      }
      if (read !== undefined) {
        console.log(
          `  ${read.actors} actors, ${read.claims.toLocaleString("en")} claims` +
            (read.arguments === undefined
              ? ""
              : `; ${read.arguments.toLocaleString("en")} arguments, ${(read.attacks ?? 0).toLocaleString("en")} attacks`)
        )
        console.log(
          `  ${"JSON.parse of the file (the floor)".padEnd(52)} ${ms(read.parseMs)}  ${"1.00x".padStart(7)}`
        )
        line("reading it (readCaseText: parse, decode, integrity)", read.readMs, read.parseMs, TARGETS.read)
        line(
          "allegiance validate FILE, end to end",
          read.validateMs,
          read.parseMs,
          TARGETS.validate,
          `  (peak ${read.validatePeakMb.toFixed(0)} MB)`
        )
        if (read.evaluateMs !== undefined)
          line(
            "a whole evaluation (evaluateCase)",
            read.evaluateMs,
            read.parseMs,
            TARGETS.evaluate,
            `  (first, cold: ${(read.firstEvaluateMs ?? 0).toFixed(0)} ms)`
          )
      }
      if (evaluator !== undefined) {
        console.log(
          `  ${"JSON.parse, in the evaluator's process".padEnd(52)} ${ms(evaluator.parseMs)}  ${"1.00x".padStart(7)}`
        )
        line(
          "the incremental evaluator's start",
          evaluator.evaluatorStartMs,
          evaluator.parseMs,
          TARGETS.evaluatorStart
        )
        const reevaluation = (label: string, value: number, limit: number) => {
          const verdict = value <= limit ? `meets ≤${limit} ms` : `MISSES ≤${limit} ms`
          console.log(
            `  ${label.padEnd(52)} ${ms(value)}  ${`${(value / evaluator.parseMs).toFixed(3)}x`.padStart(7)}  ${size >= 100_000 ? verdict : ""}`
          )
          if (size >= 100_000)
            summary.push(
              `${size.toLocaleString("en").padStart(7)}  ${label.padEnd(52)} ${ms(value)}  ${verdict}`
            )
        }
        reevaluation(
          `re-evaluation after one statement, median`,
          evaluator.reevaluateMs,
          TARGETS.reevaluateMedianMs
        )
        reevaluation(
          `re-evaluation, slowest of ${REEVALUATIONS}`,
          evaluator.reevaluateMaxMs,
          TARGETS.reevaluateMaxMs
        )
        if (evaluator.reevaluation === "full")
          console.log("    (the re-evaluations were whole ones: the evaluator declined)")
        console.log(
          `  ${`a whole evaluation as of ${evaluator.dayBefore}`.padEnd(52)} ${ms(evaluator.wholeBeforeMs)}  ${`${(evaluator.wholeBeforeMs / evaluator.parseMs).toFixed(2)}x`.padStart(7)}`
        )
        const back = evaluator.backMs / evaluator.wholeBeforeMs
        const verdict =
          back <= TARGETS.backOneDay ? `meets ≤${TARGETS.backOneDay}x` : `MISSES ≤${TARGETS.backOneDay}x`
        console.log(
          `  ${`as of ${evaluator.lastDay} moved back to ${evaluator.dayBefore}`.padEnd(52)} ${ms(evaluator.backMs)}  ${`${(evaluator.backMs / evaluator.parseMs).toFixed(2)}x`.padStart(7)}  ` +
            `${back.toFixed(2)}x a whole evaluation, ${verdict}  (${evaluator.leaving} items leave; by ${evaluator.backWay})`
        )
        summary.push(
          `${size.toLocaleString("en").padStart(7)}  ${"moving the as-of day back one day".padEnd(52)} ${`${back.toFixed(2)}x`.padStart(7)}  ${verdict} (of a whole evaluation)`
        )
        const forward = evaluator.forwardMs / evaluator.wholeMidMs
        console.log(
          `  ${`a whole evaluation as of ${evaluator.midDay}`.padEnd(52)} ${ms(evaluator.wholeMidMs)}  ${`${(evaluator.wholeMidMs / evaluator.parseMs).toFixed(2)}x`.padStart(7)}`
        )
        console.log(
          `  ${`as of ${evaluator.midBefore} moved forward to ${evaluator.midDay}`.padEnd(52)} ${ms(evaluator.forwardMs)}  ${`${(evaluator.forwardMs / evaluator.parseMs).toFixed(2)}x`.padStart(7)}  ` +
            `${forward.toFixed(3)}x a whole evaluation (${evaluator.entering} items come in; ${evaluator.forwardIncremental ? "moved on by the evaluator" : "evaluated whole: the evaluator declined"})`
        )
        summary.push(
          `${size.toLocaleString("en").padStart(7)}  ${"moving the as-of day forward one day".padEnd(52)} ${`${forward.toFixed(3)}x`.padStart(7)}  (of a whole evaluation; no target of its own: issue 16 holds the terminal UI's step to 200 ms)`
        )
      }
      if (memory !== undefined) {
        const ratio = memory.peakRssBytes / bytes
        const verdict = ratio <= TARGETS.memory ? `meets ≤${TARGETS.memory}x` : `MISSES ≤${TARGETS.memory}x`
        console.log(
          `  ${"peak RSS of reading and a whole evaluation".padEnd(52)} ${`${(memory.peakRssBytes / 1024 / 1024).toFixed(0)} MB`.padStart(11)}  ${`${ratio.toFixed(2)}x`.padStart(7)}  ${verdict} of the file's size (maxRSS ${(memory.maxRssBytes / 1024 / 1024).toFixed(0)} MB)`
        )
        console.log(
          `  ${"  of which resident once the case was read".padEnd(52)} ${`${(memory.beforeRssBytes / 1024 / 1024).toFixed(0)} MB`.padStart(11)}  ${`${(memory.beforeRssBytes / bytes).toFixed(2)}x`.padStart(7)}  (the evaluation added ${((memory.peakRssBytes - memory.beforeRssBytes) / 1024 / 1024).toFixed(0)} MB)`
        )
        summary.push(
          `${size.toLocaleString("en").padStart(7)}  ${"peak memory of a whole evaluation".padEnd(52)} ${`${ratio.toFixed(2)}x`.padStart(7)}  ${verdict} (of the file's size)`
        )
      }
      rmSync(file, { force: true })
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
  console.log(
    "\nRatios are to JSON.parse of the same file in the same process (median of " +
      `${RUNS}); times are medians of ${RUNS} runs unless said. validate is the built command, started once after a warm-up run.` +
      (readingOnly
        ? "\nReading alone (--only=reading): no evaluation was timed."
        : "\nPeak RSS is sampled every 5 ms from a worker during the evaluation, in a process that read the file as the command does." +
          `\nRe-evaluation: ${REEVALUATIONS} statements (each with its claims) appended one after another, each followed by evaluator.reevaluate(case).`)
  )
  console.log("\nTargets (issue 18):")
  for (const line of summary) console.log(`  ${line}`)
}

import { readFileSync } from "node:fs"
import {
  type InstanceFormat,
  instanceFormats,
  isIccmaProblem,
  needsArgument,
  parseInstance,
  problemsLine,
  solveIccmaTask
} from "@allegiance/domain/argumentation/index"
import { Data, Effect, Option, Runtime } from "effect"
import type { AfInput } from "../commands/af.ts"

/** What one run printed and how it ended; the command writes it out verbatim. */
export interface AfRun {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

/** Exit codes: 0 answered, 1 bad input or usage, 2 internal failure, 3 no answer within the time limit. */
export const AfExit = { Answered: 0, BadInput: 1, Failed: 2, NoAnswer: 3 } as const

export interface AfRequest {
  readonly problem?: string
  readonly file?: string
  readonly argument?: string
  readonly format?: InstanceFormat
  readonly timeoutSeconds?: number
  readonly certificate?: boolean
  readonly problems?: boolean
  readonly formats?: boolean
}

const formatFromName = (file: string): InstanceFormat | undefined => {
  const lower = file.toLowerCase()
  if (lower.endsWith(".apx")) return "apx"
  if (lower.endsWith(".tgf")) return "tgf"
  if (lower.endsWith(".af") || lower.endsWith(".i23")) return "i23"
  return undefined
}

const bad = (stderr: string): AfRun => ({ stdout: "", stderr: `${stderr}\n`, exitCode: AfExit.BadInput })

/**
 * One ICCMA-style run: `-p TASK -f FILE [-a ARG]`, `--problems`, `--formats`. The clock and
 * the file system come from the caller so that tests can drive it.
 */
export const runAf = (
  request: AfRequest,
  io: { readonly readFile: (path: string) => Uint8Array; readonly now: () => number }
): AfRun => {
  const started = io.now()
  if (request.problems === true) return { stdout: problemsLine(), stderr: "", exitCode: AfExit.Answered }
  if (request.formats === true) {
    return { stdout: `[${instanceFormats.join(",")}]\n`, stderr: "", exitCode: AfExit.Answered }
  }
  if (request.problem === undefined) {
    if (request.file === undefined) {
      return { stdout: "Allegiance af 0.1.0\n", stderr: "", exitCode: AfExit.Answered }
    }
    return bad(`Give a task with -p (one of ${problemsLine().trim()}).`)
  }
  const problem = request.problem.toUpperCase()
  if (!isIccmaProblem(problem)) {
    return bad(`Unknown task "${request.problem}". Tasks: ${problemsLine().trim()}.`)
  }
  if (request.file === undefined) return bad(`${problem} needs a framework file: give it with -f FILE.`)
  if (needsArgument(problem) && request.argument === undefined) {
    return bad(`${problem} asks whether one argument is accepted: name it with -a ARG.`)
  }
  let bytes: Uint8Array
  try {
    bytes = io.readFile(request.file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return bad(`Cannot read the framework file ${request.file}: ${reason}`)
  }
  const format = request.format ?? formatFromName(request.file)
  let parsed: ReturnType<typeof parseInstance>
  try {
    parsed = parseInstance(bytes, format)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return bad(`Cannot load the framework in ${request.file}: ${reason}`)
  }
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    return bad(`${request.file}:${line}:${column}: ${message}`)
  }
  const instance = parsed.instance
  let argument: number | undefined
  if (request.argument !== undefined) {
    argument = instance.argumentNamed(request.argument)
    if (argument === undefined) {
      const n = instance.framework.size
      const known = instance.format === "i23" ? ` (its arguments are 1..${n})` : ""
      return bad(`Argument "${request.argument}" is not in ${request.file}${known}.`)
    }
  }
  const deadline = request.timeoutSeconds === undefined ? undefined : started + request.timeoutSeconds * 1000
  let outcome: ReturnType<typeof solveIccmaTask>
  try {
    outcome = solveIccmaTask(instance, problem, needsArgument(problem) ? argument : undefined, {
      ...(deadline === undefined ? {} : { shouldStop: () => io.now() >= deadline }),
      ...(request.certificate === true ? { certificate: true } : {})
    })
  } catch (error) {
    // Out of memory or a broken invariant: say so plainly rather than print a guess.
    const reason = error instanceof Error ? error.message : String(error)
    return {
      stdout: "",
      stderr: `Failed to solve ${problem} on ${request.file}: ${reason}\n`,
      exitCode: AfExit.Failed
    }
  }
  if (!outcome.decided) {
    return {
      stdout: "",
      stderr: `No answer: ${problem} on ${request.file} was not decided within ${request.timeoutSeconds} s (the search was stopped; nothing is claimed).\n`,
      exitCode: AfExit.NoAnswer
    }
  }
  return { stdout: outcome.value, stderr: "", exitCode: AfExit.Answered }
}

class AfFailed extends Data.TaggedError("AfFailed")<{ readonly code: number }> {
  override get [Runtime.errorExitCode](): number {
    return this.code
  }
  override readonly [Runtime.errorReported] = false
}

const optionalValue = <A>(option: Option.Option<A>): A | undefined => Option.getOrUndefined(option)

export const af = (flags: AfInput) =>
  Effect.gen(function* () {
    const problem = optionalValue(flags.problem)
    const file = optionalValue(flags.file)
    const argument = optionalValue(flags.argument)
    const format = optionalValue(flags.format)
    const timeoutSeconds = optionalValue(flags.timeout)
    const run = runAf(
      {
        ...(problem === undefined ? {} : { problem }),
        ...(file === undefined ? {} : { file }),
        ...(argument === undefined ? {} : { argument }),
        ...(format === undefined ? {} : { format }),
        ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
        certificate: flags.certificate,
        problems: flags.problems,
        formats: flags.formats
      },
      { readFile: (path) => readFileSync(path), now: () => Date.now() }
    )
    yield* Effect.sync(() => {
      if (run.stdout.length > 0) process.stdout.write(run.stdout)
      if (run.stderr.length > 0) process.stderr.write(run.stderr)
    })
    if (run.exitCode !== AfExit.Answered) return yield* new AfFailed({ code: run.exitCode })
  })

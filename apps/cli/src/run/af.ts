import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import {
  type InstanceFormat,
  instanceFormats,
  instanceReader,
  isIccmaProblem,
  needsArgument,
  problemsLine,
  solveIccma,
  writeAnswer
} from "@allegiance/domain/argumentation/index"
import { fileProblem } from "@allegiance/files"
import { Data, Effect, Option, Runtime } from "effect"
import type { AfInput } from "../commands/af.ts"

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

/**
 * What a run reads and writes, from the caller so that tests can drive it: a file as a series of chunks
 * (with its size when known, which sizes the reader's arrays once), the clock, and where the answer
 * (bytes, in chunks) and messages go.
 */
export interface AfIo {
  readonly open: (path: string) => { readonly size?: number; readonly chunks: Iterable<Uint8Array> }
  readonly now: () => number
  readonly stdout: (bytes: Uint8Array) => void
  readonly stderr: (text: string) => void
}

const formatFromName = (file: string): InstanceFormat | undefined => {
  const lower = file.toLowerCase()
  if (lower.endsWith(".apx")) return "apx"
  if (lower.endsWith(".tgf")) return "tgf"
  if (lower.endsWith(".af") || lower.endsWith(".i23")) return "i23"
  return undefined
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * One ICCMA-style run: `-p TASK -f FILE [-a ARG]`, `--problems`, `--formats`. The file is read a chunk
 * at a time and the answer written a chunk at a time, so neither is ever held as one string. Returns the
 * exit code.
 */
export const runAf = (request: AfRequest, io: AfIo): number => {
  const started = io.now()
  const text = (line: string) => io.stdout(new TextEncoder().encode(line))
  const bad = (message: string) => {
    io.stderr(`${message}\n`)
    return AfExit.BadInput
  }
  if (request.problems === true) {
    text(problemsLine())
    return AfExit.Answered
  }
  if (request.formats === true) {
    text(`[${instanceFormats.join(",")}]\n`)
    return AfExit.Answered
  }
  if (request.problem === undefined) {
    if (request.file === undefined) {
      text("Allegiance af 0.1.0\n")
      return AfExit.Answered
    }
    return bad(`Give a task with -p (one of ${problemsLine().trim()}).`)
  }
  const problem = request.problem.toUpperCase()
  if (!isIccmaProblem(problem))
    return bad(`Unknown task "${request.problem}". Tasks: ${problemsLine().trim()}.`)
  if (request.file === undefined) return bad(`${problem} needs a framework file: give it with -f FILE.`)
  if (needsArgument(problem) && request.argument === undefined)
    return bad(`${problem} asks whether one argument is accepted: name it with -a ARG.`)

  const format = request.format ?? formatFromName(request.file)
  let read: ReturnType<ReturnType<typeof instanceReader>["end"]>
  try {
    const file = io.open(request.file)
    const reader = instanceReader(format, file.size)
    for (const chunk of file.chunks) {
      const problemFound = reader.push(chunk)
      if (problemFound !== undefined) break
    }
    read = reader.end()
  } catch (error) {
    return bad(fileProblem(error, request.file, "read"))
  }
  if (!read.ok) {
    const { line, column, message } = read.error
    return bad(`${request.file}:${line}:${column}: ${message}`)
  }
  const instance = read.instance
  let argument: number | undefined
  if (request.argument !== undefined) {
    argument = instance.argumentNamed(request.argument)
    if (argument === undefined) {
      const known = instance.format === "i23" ? ` (its arguments are 1..${instance.framework.size})` : ""
      return bad(`Argument "${request.argument}" is not in ${request.file}${known}.`)
    }
  }
  const deadline = request.timeoutSeconds === undefined ? undefined : started + request.timeoutSeconds * 1000
  let outcome: ReturnType<typeof solveIccma>
  try {
    outcome = solveIccma(instance, problem, needsArgument(problem) ? argument : undefined, {
      ...(deadline === undefined ? {} : { shouldStop: () => io.now() >= deadline }),
      ...(request.certificate === true ? { certificate: true } : {})
    })
  } catch (error) {
    // Out of memory or a broken invariant: say so plainly rather than print a guess.
    io.stderr(`Failed to solve ${problem} on ${request.file}: ${reason(error)}\n`)
    return AfExit.Failed
  }
  if (!outcome.decided) {
    io.stderr(
      `No answer: ${problem} on ${request.file} was not decided within ${request.timeoutSeconds} s (the search was stopped; nothing is claimed).\n`
    )
    return AfExit.NoAnswer
  }
  writeAnswer(instance, outcome.value, io.stdout)
  return AfExit.Answered
}

const CHUNK_BYTES = 1 << 20

/** A file as chunks of up to 1 MiB, read into one buffer in turn: each chunk is used before the next is read. */
const fileChunks = (path: string): { readonly size: number; readonly chunks: Iterable<Uint8Array> } => {
  const fd = openSync(path, "r")
  let size: number
  try {
    size = fstatSync(fd).size
  } catch (error) {
    closeSync(fd)
    throw error
  }
  return {
    size,
    chunks: {
      *[Symbol.iterator]() {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
        try {
          for (;;) {
            const n = readSync(fd, buffer, 0, CHUNK_BYTES, null)
            if (n === 0) return
            yield buffer.subarray(0, n)
          }
        } finally {
          closeSync(fd)
        }
      }
    }
  }
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
    const exitCode = yield* Effect.sync(() =>
      runAf(
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
        {
          open: fileChunks,
          now: () => Date.now(),
          // Standard output is written synchronously on Linux, so each chunk is out before the next is made;
          // the copy keeps that true wherever it is not.
          stdout: (bytes) => process.stdout.write(Buffer.from(bytes)),
          stderr: (message) => process.stderr.write(message)
        }
      )
    )
    if (exitCode !== AfExit.Answered) return yield* new AfFailed({ code: exitCode })
  })

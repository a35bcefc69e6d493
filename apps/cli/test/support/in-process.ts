/**
 * The command run in this process, as `bin.ts` runs it (the same presenter, the same report of an
 * unforeseen fault), with what it writes caught: for tests of what a command does and says, where a
 * process each would cost a few tenths of a second of CPU. Tests of the process itself (exit on a
 * signal, the bundle, the terminal) start the installed command instead.
 */
import { NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { CliOutput, Command } from "effect/cli"
import { allegiance } from "../../src/main.ts"
import { presenter } from "../../src/presenter.ts"
import { reportUnexpected } from "../../src/unexpected.ts"

/** What no message for an analyst holds: an error's name, a stack frame, a parser's or Schema's words, the whole help. */
export const internals =
  /Error\b|\bat .*\.(ts|js):\d+|undefined|NaN|SchemaError|Expected a string representing|finite number|USAGE|FLAGS|ENOENT|EACCES|node_modules/

export interface InProcessRun {
  /** Whether the command failed (as the installed command would exit non-zero). */
  readonly failed: boolean
  /** The exit status the installed command would end with: the one the command set, else 1 on a failure. */
  readonly status: number
  readonly stdout: string
  readonly stderr: string
  /** Standard output and error as they were written, interleaved. */
  readonly text: string
}

/**
 * The command run in this process on `args`. `env` is put in place for the run and taken back after
 * it (a variable given as undefined is unset), so a run sees only the environment its test gives it;
 * `TZ` among them changes the process's time zone, as Node reads it anew when it is set.
 */
export const runInProcess = async (
  args: ReadonlyArray<string>,
  options: { readonly env?: Readonly<Record<string, string | undefined>> } = {}
): Promise<InProcessRun> => {
  const written: Array<string> = []
  const out: Array<string> = []
  const err: Array<string> = []
  const keep = (into: Array<string>) => (chunk: unknown) => {
    const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8")
    written.push(text)
    into.push(text)
    return true
  }
  const line =
    (into: Array<string>) =>
    (...parts: Array<unknown>) =>
      keep(into)(`${parts.join(" ")}\n`)
  const saved = {
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    log: console.log,
    info: console.info,
    error: console.error,
    warn: console.warn
  }
  const savedEnv = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]))
  const putEnv = (values: Readonly<Record<string, string | undefined>>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
  process.stdout.write = keep(out) as typeof process.stdout.write
  process.stderr.write = keep(err) as typeof process.stderr.write
  console.log = line(out)
  console.info = console.log
  console.error = line(err)
  console.warn = console.error
  process.exitCode = undefined
  putEnv(options.env ?? {})
  let failed = false
  let status = 0
  try {
    await Effect.runPromise(
      Command.runWith(allegiance, { version: "0.1.0" })(args).pipe(
        reportUnexpected,
        Effect.provide(CliOutput.layerPresenter(presenter)),
        Effect.provide(NodeServices.layer)
      )
    ).catch(() => {
      failed = true
    })
    const set = Number(process.exitCode ?? 0)
    failed ||= set !== 0
    status = set !== 0 ? set : failed ? 1 : 0
  } finally {
    putEnv(savedEnv)
    Object.assign(process.stdout, { write: saved.stdout })
    Object.assign(process.stderr, { write: saved.stderr })
    console.log = saved.log
    console.info = saved.info
    console.error = saved.error
    console.warn = saved.warn
    process.exitCode = undefined
  }
  return { failed, status, stdout: out.join(""), stderr: err.join(""), text: written.join("") }
}

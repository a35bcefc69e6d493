/**
 * The command run in this process, as `bin.ts` runs it (the same presenter, the same report of an
 * unforeseen fault), with what it writes caught: for tests that try many inputs, where a process each
 * would cost a tenth of a second or more.
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

/** The command run in this process on `args`: what it wrote, and whether it failed. */
export const runInProcess = async (args: ReadonlyArray<string>) => {
  const written: Array<string> = []
  const keep = (chunk: unknown) => {
    written.push(String(chunk))
    return true
  }
  const saved = {
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    log: console.log,
    error: console.error
  }
  process.stdout.write = keep as typeof process.stdout.write
  process.stderr.write = keep as typeof process.stderr.write
  console.log = (...parts: Array<unknown>) => keep(`${parts.join(" ")}\n`)
  console.error = console.log
  process.exitCode = undefined
  let failed = false
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
    failed ||= (process.exitCode ?? 0) !== 0
  } finally {
    Object.assign(process.stdout, { write: saved.stdout })
    Object.assign(process.stderr, { write: saved.stderr })
    console.log = saved.log
    console.error = saved.error
    process.exitCode = undefined
  }
  return { failed, text: written.join("") }
}

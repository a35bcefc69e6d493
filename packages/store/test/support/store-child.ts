/**
 * A separate process working on a store file, for tests that need a real second
 * process: one that gets killed mid-import, or two writers racing.
 *
 *   node store-child.ts import DB STATEMENTS CASE   imports a generated case, reporting progress
 *   node store-child.ts race DB CASE AUTHOR         reads the head, says "ready", waits for "go" on
 *                                                  stdin, then saves a change based on that head
 *
 * Lines go to stdout with writeSync, so the parent sees them at once, even from inside
 * the import's transaction.
 */
import { writeSync } from "node:fs"
import { createInterface } from "node:readline"
import { generateCaseInput } from "@allegiance/case-generator"
import { Effect } from "effect"
import { importCaseText } from "../../src/case-file.ts"
import * as FileStore from "../../src/node.ts"
import { Store } from "../../src/store.ts"
import { actorBody } from "./small-case.ts"

const say = (line: string) => writeSync(1, `${line}\n`)

const [mode, db, ...rest] = process.argv.slice(2)
if (db === undefined) throw new Error("usage: store-child.ts import|race DB ...")

// Holds each step of the import back a little, so the parent has time to kill it mid-transaction.
const pauseMs = Number(process.env.STEP_PAUSE_MS ?? 0)
const blocker = new Int32Array(new SharedArrayBuffer(4))
/**
 * Blocks the process for `ms` without returning to the event loop, so the transaction stays open, as
 * a busy wait would, but without spending a core on it while the rest of the suite runs.
 */
const pause = (ms: number) => {
  Atomics.wait(blocker, 0, 0, ms)
}

const importMode = Effect.gen(function* () {
  const [statements, caseName] = rest as [string, string]
  const text = JSON.stringify(generateCaseInput({ statements: Number(statements), seed: 1 }))
  say("parsed")
  const result = yield* importCaseText({
    text,
    fileName: "generated.json",
    caseName,
    author: "child",
    onProgress: (done, total) =>
      Effect.sync(() => {
        say(`progress ${done} ${total}`)
        if (pauseMs > 0) pause(pauseMs)
      })
  })
  say(`committed ${result.result.revision.number} ${result.result.added}`)
})

const raceMode = Effect.gen(function* () {
  const [caseName, author] = rest as [string, string]
  const store = yield* Store
  const head = yield* store.head(caseName)
  say(`ready ${head.number}`)
  yield* Effect.promise(
    () =>
      new Promise<void>((resolve) => {
        const lines = createInterface({ input: process.stdin })
        lines.on("line", (line) => {
          if (line.trim() === "go") {
            lines.close()
            // An open stdin would keep the process alive after its work is done.
            process.stdin.destroy()
            resolve()
          }
        })
      })
  )
  const outcome = yield* Effect.result(
    store.commit(
      caseName,
      head.number,
      [{ kind: "actors", id: "contested", body: actorBody("contested", `${author}'s wording`) }],
      { author, reason: `${author} edits` }
    )
  )
  if (outcome._tag === "Success") say(`saved ${outcome.success.revision.number}`)
  else say(`refused ${outcome.failure.reason._tag}: ${outcome.failure.message}`)
})

const program = mode === "import" ? importMode : raceMode
Effect.runPromise(program.pipe(Effect.provide(FileStore.layer({ filename: db })))).catch((error) => {
  say(`failed ${String(error)}`)
  process.exitCode = 1
})

/**
 * The terminal UI benchmark's driver: the real app (apps/tui's `App`), its real access (the store file
 * and the reasoning worker) in ink-testing-library's terminal at 80x24, driven by keys. Bundled by
 * `tui.ts` with esbuild (Node cannot run .tsx) and run once per case size; prints one JSON line.
 *
 *   node tui-driver.js DB WORKER_URL
 */
import { spawnSync } from "node:child_process"
import type { IsoDay } from "@allegiance/domain"
import { appendToCase, caseEvaluator, Statement } from "@allegiance/domain"
import { prepareAppendCheck } from "@allegiance/store/append-check"
import { appendItems } from "@allegiance/store/appends"
import { loadCaseFile } from "@allegiance/store/case-file"
import * as FileStore from "@allegiance/store/node"
import { App, type CaseAccess, localAccess } from "@allegiance/tui"
import { Effect, Schema } from "effect"
import { Text, useInput } from "ink"
import { render } from "ink-testing-library"
import { useState } from "react"

const [db, workerHref] = process.argv.slice(2) as [string, string]
const caseName = "bench"
/** After every generated item (the material spans 2012-2015): the whole case counts. */
const asOf = "2016-12-31" as IsoDay
/** A day in the middle of the generated material (2012-2015), and how many steps to take on from it. */
const middleFrom = "2014-01-15"
const middleStepCount = 5
/**
 * How long the analyst reads each day before stepping on, in the steps taken after a pause: the
 * reasoning works the next day out ahead once no request has come for a moment.
 */
const readingMs = 3000
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10)
/** A day as the status line says it: "16 January 2014". */
const longDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC"
  })
// biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are stripped
const ansi = /\u001b\[[0-9;]*m/g

// ink-testing-library's terminal has 100 columns and no rows: give it 80x24.
{
  const probe = render(<Text />)
  const prototype = Object.getPrototypeOf(probe.stdout) as object
  Object.defineProperty(prototype, "columns", { configurable: true, get: () => 80 })
  Object.defineProperty(prototype, "rows", { configurable: true, get: () => 24 })
  probe.unmount()
}

let peakRss = 0
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}, 20)

const now = () => performance.now()
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Instance = ReturnType<typeof render>
const screenOf = (instance: Instance) => (instance.lastFrame() ?? "").replace(ansi, "")
/** Polls (every millisecond) until the screen satisfies `predicate`; the time it took. */
const until = async (
  instance: Instance,
  predicate: (screen: string) => boolean,
  what: string,
  timeout = 600_000
) => {
  const start = now()
  while (!predicate(screenOf(instance))) {
    if (now() - start > timeout) throw new Error(`never showed ${what}:\n${screenOf(instance)}`)
    await wait(1)
  }
  return now() - start
}
/** The time from writing `keys` to the next frame drawn. */
const keyToFrame = async (instance: Instance, keys: string) => {
  const frames = instance.frames.length
  const start = now()
  instance.stdin.write(keys)
  while (instance.frames.length === frames) {
    if (now() - start > 60_000) throw new Error(`no frame after ${JSON.stringify(keys)}`)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return now() - start
}
const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The access, with the moment each evaluation's answer reached the UI's thread. */
const timedAccess = (access: CaseAccess) => {
  const arrivals: Array<number> = []
  const timed: CaseAccess = {
    ...access,
    evaluate: async (day) => {
      const answer = await access.evaluate(day)
      arrivals.push(now())
      return answer
    }
  }
  return { access: timed, arrivals }
}

// ---------------------------------------------------------------- the UI
const base = localAccess({ filename: db, caseName, author: "bench", workerUrl: new URL(workerHref) })
const { access, arrivals } = timedAccess(base)
const started = now()
const ui = render(<App access={access} asOf={asOf} colour={true} />)
// The case header (name and revision), then the first screen: the header and navigable lists (the
// overview's count of what the case holds comes with them).
await until(ui, (screen) => screen.includes(`${caseName}  as of`) && screen.includes("rev 1"), "the case")
const headerMs = now() - started
await until(ui, (screen) => screen.includes(" statements, "), "the lists")
const firstScreenMs = now() - started
const uiHeapMb = process.memoryUsage().heapUsed / 1024 / 1024
await until(ui, (screen) => !screen.includes("evaluating"), "the verdicts")
const verdictsShown = now()
const verdictsAfterEvaluationMs = verdictsShown - arrivals[0]!
const firstVerdictsMs = verdictsShown - started

// Keys in the timeline: a row down, a page down, the end.
ui.stdin.write("3")
await until(ui, (screen) => /\d+ of \d+ rows/.test(screen), "the timeline")
const moves: Array<number> = []
for (let i = 0; i < 15; i++) moves.push(await keyToFrame(ui, "j"))
const pages: Array<number> = []
for (let i = 0; i < 5; i++) pages.push(await keyToFrame(ui, "\u001b[6~"))
const endMs = await keyToFrame(ui, "\u001b[F")

// One as-of day forward (the evaluation of the day before moved on), then back (kept).
const stepStart = now()
ui.stdin.write("]")
await until(
  ui,
  (screen) => screen.includes("as of 1 January 2017") && !screen.includes("evaluating"),
  "the next day"
)
const stepForwardMs = now() - stepStart
const backStart = now()
ui.stdin.write("[")
await until(
  ui,
  (screen) => screen.includes("as of 31 December 2016") && !screen.includes("evaluating"),
  "the day back"
)
const stepBackMs = now() - backStart

// Saving one statement through the form: Enter on the reason to the new revision on screen.
const type = async (keys: string) => {
  for (const key of keys) {
    ui.stdin.write(key)
    await wait(2)
  }
}
const field = async (label: string) => {
  ui.stdin.write("\u001b[H")
  for (let i = 0; i < 40; i++) {
    await wait(5)
    const row = screenOf(ui)
      .split("\n")
      .find((line) => line.includes("▏"))
    if (row?.trimStart().startsWith(label)) return
    ui.stdin.write("\u001b[B")
  }
  throw new Error(`no field ${label}`)
}
const outlined = await base.outline()
if (!outlined.ok) throw new Error(outlined.problem.message)
const actor = (outlined.value.outline.parts.actors[0] as { readonly id: string }).id
ui.stdin.write("s")
await until(ui, (screen) => screen.includes("New statement"), "the form")
await field("Issuer as printed")
await type("Bench issuer")
await field("Issued for")
await type(actor)
await field("Appeared")
await type("2 January 2017")
await field("Paragraph 1")
await type("1")
await until(ui, (screen) => screen.includes("ready to save"), "a valid form")
ui.stdin.write("\u0013")
await until(ui, (screen) => screen.includes("Why this change?"), "the reason prompt")
await type("bench")
const saveStart = now()
ui.stdin.write("\r")
await until(ui, (screen) => screen.includes("Saved revision 2"), "the saved revision")
const saveMs = now() - saveStart

// Steps through the middle of the material, where each day brings in a few hundred statements, claims
// and observations: to a typed day first (not timed), then a day forward at a time.
ui.stdin.write("g")
await until(ui, (screen) => screen.includes("As of"), "the as-of prompt")
await type(middleFrom)
ui.stdin.write("\r")
await until(
  ui,
  (screen) => screen.includes(`as of ${longDay(middleFrom)}`) && !screen.includes("evaluating"),
  "the typed day"
)
const middleSteps: Array<number> = []
for (let step = 1; step <= middleStepCount; step++) {
  const day = longDay(dayAfter(middleFrom, step))
  const start = now()
  ui.stdin.write("]")
  await until(ui, (screen) => screen.includes(`as of ${day}`) && !screen.includes("evaluating"), day)
  middleSteps.push(now() - start)
}
// On through the middle, reading each day a while before stepping on.
const readSteps: Array<number> = []
for (let step = middleStepCount + 1; step <= 2 * middleStepCount; step++) {
  await wait(readingMs)
  const day = longDay(dayAfter(middleFrom, step))
  const start = now()
  ui.stdin.write("]")
  await until(ui, (screen) => screen.includes(`as of ${day}`) && !screen.includes("evaluating"), day)
  readSteps.push(now() - start)
}
ui.unmount()
await access.close()

// ---------------------------------------------------------------- floors, in the same process
// A trivial Ink app: keypress to the next frame.
const Counter = () => {
  const [count, setCount] = useState(0)
  useInput(() => setCount((value) => value + 1))
  return <Text>{count}</Text>
}
const trivial = render(<Counter />)
await wait(20)
const trivialKeys: Array<number> = []
for (let i = 0; i < 15; i++) trivialKeys.push(await keyToFrame(trivial, "j"))
trivial.unmount()
// Node starting and doing nothing.
const nodeStart = now()
spawnSync(process.execPath, ["-e", "0"])
const nodeStartMs = now() - nodeStart
// Loading the case from the store alone (on a connection of its own), and evaluating it whole.
const loadStart = now()
const loaded = await Effect.runPromise(
  loadCaseFile(caseName).pipe(Effect.provide(FileStore.layer({ filename: db })))
)
const storeLoadMs = now() - loadStart
const evaluateStart = now()
const evaluator = caseEvaluator(loaded.caseFile, { asOf: "2017-01-01" as IsoDay })
const evaluateMs = now() - evaluateStart
// One statement appended: the incremental re-evaluation alone, and the store's commit alone.
const statement = Schema.decodeUnknownSync(Statement)({
  id: "bench-floor",
  issuer: { nameAsPrinted: "Bench issuer", actor },
  observed: "2 January 2017",
  cites: [{ paragraph: 1 }]
})
const reevaluateStart = now()
evaluator.reevaluate(appendToCase(loaded.caseFile, { statements: [statement] }))
const reevaluateMs = now() - reevaluateStart
// The store's checked append of one statement, on a store that holds the case decoded and has worked
// out its first check ahead: what the UI's worker does on a save.
const commitMs = await Effect.runPromise(
  Effect.gen(function* () {
    const base = yield* loadCaseFile(caseName)
    prepareAppendCheck(base.caseFile)
    const start = now()
    yield* appendItems(
      caseName,
      base.revision.number,
      [{ kind: "statements", id: "bench-floor", body: Schema.encodeSync(Statement)(statement) }],
      { author: "bench", reason: "floor" }
    )
    return now() - start
  }).pipe(Effect.provide(FileStore.layer({ filename: db })))
)
clearInterval(sampler)

console.log(
  `RESULT ${JSON.stringify({
    statements: loaded.caseFile.statements.length,
    headerMs,
    firstScreenMs,
    uiHeapMb,
    firstVerdictsMs,
    verdictsAfterEvaluationMs,
    keyMedianMs: median(moves),
    keyMaxMs: Math.max(...moves),
    pageMedianMs: median(pages),
    endMs,
    stepForwardMs,
    stepBackMs,
    saveMs,
    middleStepMedianMs: median(middleSteps),
    middleStepMaxMs: Math.max(...middleSteps),
    readStepMedianMs: median(readSteps),
    readStepMaxMs: Math.max(...readSteps),
    readingMs,
    peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1024 / 1024,
    floors: {
      trivialKeyMs: median(trivialKeys),
      nodeStartMs,
      storeLoadMs,
      evaluateMs,
      reevaluateMs,
      commitMs
    }
  })}`
)
process.exit(0)

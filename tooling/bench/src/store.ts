/**
 * Store benchmark: importing generated cases of 10,000 and 100,000 statements into a
 * new SQLite store file, and loading them back for evaluation.
 *
 *   pnpm --filter @allegiance/bench run bench:store           both sizes
 *   pnpm --filter @allegiance/bench run bench:store 100000    one size
 *
 * Each step runs in a process of its own, as each `allegiance` command does, so that
 * times and peak memory are those of that step alone. Targets from the issue: import
 * of 100k statements in at most 15 s, load for evaluation of 100k in at most 2 s, and (issue 18) at
 * most 1.5 times `JSON.parse` of the case's export as one JSON text, timed in the same process.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { generateCaseInput } from "@allegiance/case-generator"
import { exportCaseText, importCaseText, loadCaseFile, parseCaseFile } from "@allegiance/store/case-file"
import * as FileStore from "@allegiance/store/node"
import { Store } from "@allegiance/store/store"
import { Effect } from "effect"

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const peak = () => megabytes(process.resourceUsage().maxRSS * 1024)

const report = (label: string, ms: number, extra = "") =>
  console.log(`  ${label.padEnd(46)} ${seconds(ms).padStart(9)}   peak ${peak()}${extra}`)

const onStore = <A, E>(db: string, effect: Effect.Effect<A, E, Store>) =>
  Effect.runPromise(effect.pipe(Effect.provide(FileStore.layer({ filename: db }))))

const time = async <A>(run: () => Promise<A>): Promise<[A, number]> => {
  const start = performance.now()
  const result = await run()
  return [result, performance.now() - start]
}

/** One measured step, in this process. */
const step = async (name: string, file: string, db: string) => {
  switch (name) {
    case "validate": {
      const [, ms] = await time(() =>
        Effect.runPromise(parseCaseFile(readFileSync(file, "utf8"), "generated.json"))
      )
      return report("validate the file (read, decode, integrity)", ms)
    }
    case "import": {
      const [result, ms] = await time(() =>
        onStore(
          db,
          importCaseText({
            text: readFileSync(file, "utf8"),
            fileName: "generated.json",
            author: "bench",
            caseName: "bench"
          })
        )
      )
      return report("import into a new store (whole command)", ms, `   (${result.result.added} items)`)
    }
    case "reimport": {
      const [result, ms] = await time(() =>
        onStore(
          db,
          importCaseText({
            text: readFileSync(file, "utf8"),
            fileName: "generated.json",
            author: "bench",
            caseName: "bench"
          })
        )
      )
      return report(
        "re-import the same file (nothing changes)",
        ms,
        `   (revision ${result.result.revision.number})`
      )
    }
    case "snapshot": {
      const [, ms] = await time(() =>
        onStore(
          db,
          Effect.gen(function* () {
            return yield* (yield* Store).load("bench")
          })
        )
      )
      return report("open the store, read the head (SQL + JSON)", ms)
    }
    case "load": {
      const start = performance.now()
      const figures = await onStore(
        db,
        Effect.gen(function* () {
          const store = yield* Store
          const first = yield* loadCaseFile("bench")
          const cold = performance.now() - start
          let lap = performance.now()
          yield* loadCaseFile("bench")
          const unchanged = performance.now() - lap
          // One statement edited, as the API or the terminal UI would save it.
          const statement = first.caseFile.statements[0]!
          const stored = (yield* store.load("bench", undefined, {
            skipBody: (item) => item.id !== statement.id
          })).items.find((item) => item.id === statement.id)!
          lap = performance.now()
          yield* store.commit(
            "bench",
            first.revision.number,
            [
              {
                kind: "statements",
                id: statement.id,
                body: { ...(stored.body as object), excerpt: "edited" }
              }
            ],
            { author: "bench", reason: "one edit" }
          )
          const commit = performance.now() - lap
          lap = performance.now()
          yield* loadCaseFile("bench")
          const afterEdit = performance.now() - lap
          // The floor: JSON.parse of the case as it was loaded, exported as one JSON text.
          const exported = JSON.stringify(first.caseFile)
          const parses = [0, 1, 2].map(() => {
            const at = performance.now()
            JSON.parse(exported)
            return performance.now() - at
          })
          const parse = parses.sort((a, b) => a - b)[1]!
          return { cold, unchanged, commit, afterEdit, parse, exportedBytes: exported.length }
        })
      )
      const ratio = (ms: number) => `   ${(ms / figures.parse).toFixed(2)}x JSON.parse`
      report(
        `JSON.parse of its export as JSON (${megabytes(figures.exportedBytes)}), median of 3`,
        figures.parse
      )
      report("load for evaluation, cold (open + first load)", figures.cold, ratio(figures.cold))
      report("load again, nothing changed (same process)", figures.unchanged, ratio(figures.unchanged))
      report("save one edit, checked against the model", figures.commit)
      report("load again after that edit (same process)", figures.afterEdit, ratio(figures.afterEdit))
      const cold = figures.cold / figures.parse
      return console.log(
        `  loading for evaluation is ${cold.toFixed(2)}x JSON.parse of its export (issue 18: at most 1.5x): ${cold <= 1.5 ? "meets" : "MISSES"}`
      )
    }
    case "export": {
      const [exported, ms] = await time(() => onStore(db, exportCaseText("bench")))
      return report("export as canonical YAML", ms, `   (${megabytes(exported.text.length)})`)
    }
  }
}

const runSize = (statements: number) => {
  const directory = mkdtempSync(join(tmpdir(), "allegiance-bench-"))
  const file = join(directory, "case.json")
  const db = join(directory, "allegiance.db")
  try {
    const input = generateCaseInput({ statements, seed: 1 })
    const items = Object.values(input).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0)
    writeFileSync(file, JSON.stringify(input))
    console.log(
      `\n${statements.toLocaleString("en")} statements (seed 1): ${items.toLocaleString("en")} items, ` +
        `case file ${megabytes(statSync(file).size)} of JSON`
    )
    const steps = [
      "validate",
      "import",
      "reimport",
      "snapshot",
      "load",
      ...(statements <= 10_000 ? ["export"] : [])
    ]
    for (const name of steps) {
      const result = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), "--step", name, file, db],
        { stdio: "inherit" }
      )
      if (result.status !== 0) process.exitCode = 1
      if (name === "import")
        console.log(`  ${"store file".padEnd(46)} ${megabytes(statSync(db).size).padStart(9)}`)
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

const args = process.argv.slice(2)
if (args[0] === "--step") {
  await step(args[1]!, args[2]!, args[3]!)
} else {
  console.log(`Store benchmark (node ${process.version}, SQLite file in a temporary directory)`)
  for (const size of args.length > 0 ? args.map(Number) : [10_000, 100_000]) runSize(size)
}

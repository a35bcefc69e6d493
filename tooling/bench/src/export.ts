/**
 * What writing a case costs against reading it: `allegiance import` of a generated case into a new
 * store, then `allegiance export -o` of it, end to end, each with its time and peak memory, beside
 * floors measured in the same run (`node -e 0`; `JSON.parse` and `JSON.stringify` of the same case in
 * this process) and the `yaml` library's own writing of the same data, which the export used to go
 * through.
 *
 *   pnpm --filter @allegiance/bench run bench:export              10k and 100k statements
 *   pnpm --filter @allegiance/bench run bench:export -- 100000    one size
 *
 * Target (issue 12): the export of a case takes at most its import's time.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { generateCaseInput } from "@allegiance/case-generator"
import { Document } from "yaml"
import { measure, measureOnce, median } from "./measure-process.ts"

const node = process.execPath
const bin = fileURLToPath(new URL("../../../apps/cli/bin/allegiance.js", import.meta.url))

const milliseconds = (seconds: number) => `${(seconds * 1000).toFixed(0).padStart(7)} ms`

const inProcess = (run: () => unknown, times: number): number =>
  median(
    Array.from({ length: times }, () => {
      const start = performance.now()
      run()
      return (performance.now() - start) / 1000
    })
  )

const runSize = (statements: number) => {
  const directory = mkdtempSync(join(tmpdir(), "allegiance-export-"))
  try {
    const file = join(directory, "case.json")
    const exported = join(directory, "exported.yaml")
    writeFileSync(file, JSON.stringify(generateCaseInput({ statements, seed: 1 })))
    const text = readFileSync(file, "utf8")
    const data: unknown = JSON.parse(text)
    const parse = inProcess(() => JSON.parse(text), 3)
    const stringify = inProcess(() => JSON.stringify(data), 3)
    const yamlLibrary = inProcess(
      () => new Document(data, { aliasDuplicateObjects: false }).toString({ lineWidth: 0, indentSeq: true }),
      1
    )
    const start = measure([node, "-e", "0"], 5)
    console.log(
      `\n${statements.toLocaleString("en")} statements: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB of JSON\n` +
        `  floors, in this process: JSON.parse ${milliseconds(parse).trim()}, JSON.stringify ${milliseconds(stringify).trim()}, ` +
        `the yaml library writing the same data ${milliseconds(yamlLibrary).trim()}; node -e 0 ${milliseconds(start.seconds).trim()}`
    )
    const runs = statements >= 100_000 ? 1 : 3
    const figures: Record<string, number> = {}
    for (const [label, command] of [
      ["import into a new store", ["import", file, "--case", "bench"]],
      ["export -o to a file", ["export", "bench", "-o", exported]]
    ] as const) {
      // Each import is into a store of its own, so that every run creates the case.
      const db = join(directory, label.startsWith("import") ? "imported.db" : "exported.db")
      const env = { ...process.env, ALLEGIANCE_DB: db }
      if (label.startsWith("export"))
        measureOnce(
          [node, "--max-old-space-size=8192", bin, "import", file, "--case", "bench", "--db", db],
          env
        )
      const run = measure(
        [node, "--max-old-space-size=8192", bin, ...command, "--db", db],
        runs,
        env,
        label.startsWith("import")
          ? () => {
              for (const suffix of ["", "-wal", "-shm"]) rmSync(db + suffix, { force: true })
            }
          : undefined
      )
      figures[label] = run.seconds
      console.log(
        `  ${label.padEnd(26)} ${milliseconds(run.seconds)}   ${(run.seconds / parse).toFixed(1).padStart(5)}x JSON.parse` +
          `   peak ${run.peakMb.toFixed(0).padStart(5)} MB   exit ${run.status}`
      )
    }
    const ratio = figures["export -o to a file"]! / figures["import into a new store"]!
    console.log(
      `  export / import: ${ratio.toFixed(2)} (target at most 1); exported file ${(statSync(exported).size / 1024 / 1024).toFixed(0)} MB`
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

const sizes = process.argv.slice(2).map(Number)
console.log(`Export benchmark (node ${process.version}; whole commands, median of 3 at 10k, one run at 100k)`)
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) runSize(size)

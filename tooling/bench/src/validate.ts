/**
 * What reporting a problem costs: `allegiance validate` end to end on a generated case that is valid,
 * that holds one mistake, and that holds 1,000 (wrong references, impossible dates, wrong types,
 * misspelt fields), with the time and peak memory of each, beside `JSON.parse` of the same file in this
 * process and `node -e 0`.
 *
 *   pnpm --filter @allegiance/bench run bench:validate              10k and 100k statements
 *   pnpm --filter @allegiance/bench run bench:validate -- 10000     one size
 *
 * Targets: one mistake costs at most 1.5 times a valid run, 1,000 mistakes at most 3 times; the valid
 * run at most 2.5 times `JSON.parse` of the file (issue 18).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { generateCaseInput } from "@allegiance/case-generator"
import { measure, median } from "./measure-process.ts"

const node = process.execPath
const bin = fileURLToPath(new URL("../../../apps/cli/bin/allegiance.js", import.meta.url))

/** A case file's content as JSON, to plant mistakes in. */
type Input = Record<string, Array<Record<string, unknown>>>

/** Plants `count` mistakes of four kinds, spread over the case, in a copy of the input. */
const withMistakes = (input: Input, count: number): Input => {
  const copy = structuredClone(input)
  const statements = copy.statements!
  const claims = copy.claims!
  for (let i = 0; i < count; i++) {
    const at = Math.floor(((i + 0.5) / count) * statements.length)
    const statement = statements[at]!
    switch (i % 4) {
      case 0:
        statement.issuer = { ...(statement.issuer as object), actor: `nobody-${i}` }
        break
      case 1:
        statement.observed = "31 February 2015"
        break
      case 2:
        claims[Math.floor(((i + 0.5) / count) * claims.length)]!.scope = 42
        break
      default:
        statement.issuerr = "misspelt"
    }
  }
  return copy
}

const seconds = (value: number) => `${(value * 1000).toFixed(0).padStart(7)} ms`

const runSize = (statements: number) => {
  const directory = mkdtempSync(join(tmpdir(), "allegiance-validate-"))
  try {
    const input = generateCaseInput({ statements, seed: 1 }) as unknown as Input
    const files = {
      valid: join(directory, "valid.json"),
      "one mistake": join(directory, "one.json"),
      "1,000 mistakes": join(directory, "thousand.json")
    }
    writeFileSync(files.valid, JSON.stringify(input))
    writeFileSync(files["one mistake"], JSON.stringify(withMistakes(input, 1)))
    writeFileSync(files["1,000 mistakes"], JSON.stringify(withMistakes(input, 1000)))
    const text = readFileSync(files.valid, "utf8")
    const parses = Array.from({ length: 3 }, () => {
      const start = performance.now()
      JSON.parse(text)
      return (performance.now() - start) / 1000
    })
    const floor = median(parses)
    const start = measure([node, "-e", "0"], 5)
    console.log(
      `\n${statements.toLocaleString("en")} statements: ${(statSync(files.valid).size / 1024 / 1024).toFixed(0)} MB of JSON; ` +
        `JSON.parse ${seconds(floor).trim()} (median of 3, in this process); node -e 0 ${seconds(start.seconds).trim()}`
    )
    const runs = statements >= 100_000 ? 1 : 3
    const figures: Record<string, number> = {}
    for (const [label, file] of Object.entries(files)) {
      const run = measure([node, "--max-old-space-size=8192", bin, "validate", file], runs)
      figures[label] = run.seconds
      const expected = label === "valid" ? 0 : 1
      const note =
        run.status !== expected
          ? `exit ${run.status}, expected ${expected}!`
          : `exit ${run.status}; ${(run.seconds / floor).toFixed(1)}x JSON.parse`
      console.log(
        `  validate, ${label.padEnd(16)} ${seconds(run.seconds)}  peak ${run.peakMb.toFixed(0).padStart(5)} MB  ${note}`
      )
    }
    const valid = figures.valid!
    const verdict = (met: boolean) => (met ? "meets" : "MISSES")
    const one = figures["one mistake"]! / valid
    const thousand = figures["1,000 mistakes"]! / valid
    console.log(
      `  one mistake costs ${one.toFixed(2)}x a valid run (target at most 1.5x): ${verdict(one <= 1.5)}`
    )
    console.log(
      `  1,000 mistakes cost ${thousand.toFixed(2)}x (target at most 3x): ${verdict(thousand <= 3)}`
    )
    const ratio = valid / floor
    console.log(
      `  a valid run is ${ratio.toFixed(1)}x JSON.parse (target at most 2.5x): ${verdict(ratio <= 2.5)}`
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
console.log(`allegiance validate end to end (node ${process.version})`)
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) runSize(size)

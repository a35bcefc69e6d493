import { spawnSync } from "node:child_process"
import {
  dayNumberToHijri,
  formatDayNumber,
  formatHijriDate,
  HIJRI_CALENDARS,
  readPrintedDate
} from "@allegiance/domain/calendar/index"
import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { batchResult, renderReadError } from "../src/run/date-check.ts"
import { runInProcess } from "./support/in-process.ts"
import { allegianceBin } from "./support/installed-command.ts"

/** The installed command, fed `input` on standard input: the batch mode reads a stream of lines. */
const runInstalled = (args: ReadonlyArray<string>, input: string) =>
  spawnSync(process.execPath, [allegianceBin, "date-check", ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    input
  })
/** The command run in this process: for what one pair's check says. */
const run = (args: ReadonlyArray<string>) => runInProcess(["date-check", ...args])

describe("allegiance date-check, one pair", () => {
  it("judges the seed's graduation photos inconsistent by 4 days", async () => {
    const result = await run(["--hijri", "17 Rabi al-Awal 1436", "--gregorian", "4 January 2015"])
    expect(result.status).toBe(0)
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      "Verdict: inconsistent",
      `The Hijri date "17 Rabi al-Awal 1436" is 8 January 2015 in the Umm al-Qura calendar; the Gregorian date printed beside it, "4 January 2015", is 4 days earlier: the two dates are inconsistent.`
    ])
    expect(result.stdout).toContain("Umm al-Qura     -4")
  })

  it("judges Statement 449 consistent, as JSON", async () => {
    const result = await run(["--hijri", "17 Rabi' al-Awwal 1436", "--gregorian", "8 January 2015", "--json"])
    expect(result.status).toBe(0)
    const finding = JSON.parse(result.stdout)
    expect(finding.verdict).toBe("consistent")
    expect(finding.matchedCalendar).toBe("umalqura")
    expect(finding.converted.start).toBe("2015-01-08")
    expect(Object.keys(finding.offsets)).toEqual([...HIJRI_CALENDARS])
  })

  it("exits non-zero with the problem underlined when a date cannot be read", async () => {
    const result = await run(["--hijri", "17 Rabi al-Awal 1436", "--gregorian", "8/1/2015"])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toBe(
      [
        `Cannot read the Gregorian date: "8/1/2015" is ambiguous: it could be 8 January or 1 August. Write the month as a name, e.g. "8 January 2015".`,
        "  8/1/2015",
        "  ^^^",
        "Expected: a date whose day and month cannot be swapped, or a month name.",
        ""
      ].join("\n")
    )
    const json = await run(["--hijri", "31 Rabi al-Awal 1436", "--gregorian", "8 January 2015", "--json"])
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout).error).toMatchObject({
      field: "hijri",
      reason: "impossible",
      offset: 0,
      length: 2
    })
  })

  it("asks for both dates, or --batch alone", async () => {
    const missing = await run(["--hijri", "17 Rabi al-Awal 1436"])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain("Give both dates")
    expect(runInstalled(["--batch", "--hijri", "x"], "").stderr).toContain(
      "leave out --hijri and --gregorian"
    )
  })

  it("describes every flag in --help", async () => {
    const help = (await run(["--help"])).stdout
    expect(help).toContain("Check a Hijri date against the Gregorian date printed beside it")
    for (const flag of ["--hijri", "--gregorian", "--json", "--batch"]) {
      expect(help).toMatch(new RegExp(`${flag} [^\\n]*\\S{3,}`))
    }
    expect(help).toContain("one per line: the Hijri date, a tab, the Gregorian date")
  })
})

describe("batch results", () => {
  it("names the line and the date a problem is in", () => {
    expect(batchResult("no tab here", 7, false)).toEqual({
      ok: false,
      output: "line 7: error: The line has no tab; expected the Hijri date, a tab, then the Gregorian date."
    })
    expect(batchResult("17 Rabi 1436\t8 January 2015", 3, false).output).toBe(
      `line 3: error in the Hijri date at character 4: "Rabi" names two Hijri months: say which, e.g. "Rabi al-Awwal" or "Rabi al-Thani".`
    )
    const json = JSON.parse(batchResult("17 Rabi al-Awal 1436\tJanuary 32, 2015", 9, true).output)
    expect(json).toMatchObject({ line: 9, ok: false, error: { field: "gregorian", offset: 8, length: 2 } })
  })

  it("underlines the problem under the text", () => {
    const result = batchResult("17 Rabi al-Awal 1436\t8 Janvier 2015", 1, true)
    expect(result.ok).toBe(false)
    const error = JSON.parse(result.output).error
    expect(error.offset).toBe(2)
    expect(error.length).toBe(7)
  })
})

// A seeded generator keeps the batch the same from run to run.
let seed = 449
const random = (n: number) => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0
  return seed % n
}

describe("allegiance date-check --batch, end to end", () => {
  const LINES = 5000
  const expected: Array<{ readonly shift: number } | { readonly error: true }> = []
  const input: Array<string> = []
  for (let i = 0; i < LINES; i++) {
    if (i % 997 === 500) {
      input.push(i % 2 === 0 ? "17 Rabi al-Awal 1436 4 January 2015" : "17 Rabi al-Awal 1436\t8/1/2015")
      expected.push({ error: true })
      continue
    }
    const day = -20_000 + random(60_000)
    const shift = random(9) - 4
    const hijri = Result.getOrThrow(dayNumberToHijri(day)).date
    input.push(`${formatHijriDate(hijri)}\t${formatDayNumber(day + shift)}`)
    expected.push({ shift })
  }
  const verdictFor = (shift: number, offsets: Record<string, { days: number | null }>) => {
    const best = Math.min(...Object.values(offsets).map((offset) => Math.abs(offset.days ?? 99)))
    expect(offsets.umalqura?.days).toBe(shift)
    return best <= 1 ? "consistent" : best === 2 ? "consistent-with-caution" : "inconsistent"
  }

  it(`checks ${LINES} JSON lines in order, errors on their own lines without stopping`, () => {
    const result = runInstalled(["--batch", "--json"], `${input.join("\n")}\n`)
    const lines = result.stdout.split("\n")
    expect(lines.pop()).toBe("")
    expect(lines).toHaveLength(LINES)
    lines.forEach((text, index) => {
      const line = JSON.parse(text)
      expect(line.line).toBe(index + 1)
      const want = expected[index]!
      if ("error" in want) {
        expect(line.ok).toBe(false)
        expect(line.error.message.length).toBeGreaterThan(0)
      } else {
        expect(line.ok).toBe(true)
        expect(line.finding.verdict).toBe(verdictFor(want.shift, line.finding.offsets))
      }
    })
    const failures = expected.filter((want) => "error" in want).length
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(`${failures} lines could not be read; see the error results above.\n`)
  })

  it("writes one plain-text result per line and exits 0 when every line reads", () => {
    const good = input.filter((_, index) => !("error" in expected[index]!)).slice(0, 2000)
    const result = runInstalled(["--batch"], `${good.join("\r\n")}`)
    expect(result.status).toBe(0)
    const lines = result.stdout.trimEnd().split("\n")
    expect(lines).toHaveLength(good.length)
    lines.forEach((line, index) => {
      expect(line).toMatch(
        new RegExp(`^line ${index + 1}: (consistent|consistent-with-caution|inconsistent): The Hijri date "`)
      )
    })
  })

  it("keeps the error text readable for an analyst", () => {
    const result = batchResult("17 Rabi al-Awal 1436\t8/1/2015", 1, false)
    expect(result.output).toContain("line 1: error in the Gregorian date at character 1:")
    const read = readPrintedDate("8 Janvier 2015")
    if (Result.isSuccess(read)) throw new Error("expected a read error")
    const rendered = renderReadError(read.failure).split("\n")
    expect(rendered[0]).toMatch(/^Cannot read the date: "Janvier" is not a month name/)
    expect(rendered.slice(1, 4)).toEqual([
      "  8 Janvier 2015",
      "    ^^^^^^^",
      "Expected: a month name, a weekday, a day or a year."
    ])
  })
})

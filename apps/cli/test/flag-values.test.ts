/**
 * Flags given values that do not exist or cannot be read (days and moments the calendar lacks, revisions
 * the case never had, numbers written as `1e3`): each is refused in a sentence that names the flag and
 * the value, the command fails, and the store is byte for byte as it was. The command line is parsed and
 * run in this process, as `bin.ts` runs it, so that hundreds of values cost no process each; the
 * installed command is started for a few, end to end.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"
import { internals, runInProcess } from "./support/in-process.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-flag-values-"))
const db = join(directory, "allegiance.db")
const exported = join(directory, "seed.yaml")
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const runHere = (args: ReadonlyArray<string>) => runInProcess([...args, "--db", db])

const expectRefused = async (args: ReadonlyArray<string>, flag: string, value: string) => {
  const before = readFileSync(db)
  const { failed, text } = await runHere(args)
  expect(failed, `${args.join(" ")} must fail`).toBe(true)
  expect(text).toContain(value)
  expect(text.includes(flag) || /has no revision/.test(text), text).toBe(true)
  expect(text).not.toMatch(internals)
  expect(text.split("\n").filter((line) => line.trim() !== "").length).toBeLessThanOrEqual(3)
  expect(readFileSync(db).equals(before), "the store is byte for byte as it was").toBe(true)
}

const digits = (n: number) => String(n).padStart(2, "0")
/** A day written YYYY-MM-DD that the calendar does not have. */
const impossibleDay = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 13, max: 99 }),
      fc.integer({ min: 1, max: 28 })
    )
    .map(([y, m, d]) => `${y}-${digits(m)}-${digits(d)}`),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 32, max: 99 })
    )
    .map(([y, m, d]) => `${y}-${digits(m)}-${digits(d)}`),
  fc.integer({ min: 1000, max: 9999 }).map((y) => `${y}-00-10`),
  fc.constantFrom("2015-02-29", "2015-04-31", "2015-06-31", "2100-02-29", "2015-01-00")
)
/** Text that is no day: words, other orders, other separators, extra digits. */
const notADay = fc.oneof(
  fc.constantFrom(
    "9 Jan",
    "01/09/2015",
    "2015-1-9",
    "20150109",
    "+02015-01-09",
    "2015-01-09x",
    "yesterday",
    " "
  ),
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) && !text.startsWith("-"))
)
/** Text that is no moment, or a moment of a day that does not exist. */
const notAMoment = fc.oneof(
  impossibleDay,
  impossibleDay.map((day) => `${day}T10:00`),
  fc.constantFrom("2015-01-09T25:00", "2015-01-09T10:60", "2015-01-09T10:00+25:00", "Jan 9")
)
/** Text that is no revision number: signs, fractions, exponents, hex, words, zero, beyond any store. */
const notARevision = fc.oneof(
  fc.constantFrom(
    "0",
    "00",
    "1.0",
    "1.5",
    "1e3",
    "0x10",
    "+2",
    "one",
    "99999999999999999999",
    "Infinity",
    " 1"
  ),
  fc.integer({ min: -1000, max: -1 }).map(String),
  fc
    .double({ noNaN: true, min: 0.01, max: 1000 })
    .filter((n) => !Number.isInteger(n))
    .map(String)
)
/** Revision numbers the seed case, saved once, never had. */
const missingRevision = fc.integer({ min: 2, max: 2 ** 40 }).map(String)

beforeAll(async () => {
  // A new store, given the seed case, and the case exported to import back.
  const { failed, text } = await runHere(["export", "jai-syria-allegiance-2015", "-o", exported])
  if (failed) throw new Error(text)
})

describe("flag values that cannot be right", () => {
  it("--as-of: a day that does not exist or is not written YYYY-MM-DD", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(impossibleDay, notADay), async (day) => {
        await expectRefused(["evaluate", "--as-of", day], "--as-of", day.trim() === "" ? "--as-of" : day)
      }),
      { numRuns: 40, seed: 7 }
    )
  })

  it("--as-stored and export --at: a moment that does not exist", async () => {
    await fc.assert(
      fc.asyncProperty(notAMoment, fc.boolean(), async (moment, onExport) => {
        const args = onExport
          ? ["export", "jai-syria-allegiance-2015", "--at", moment]
          : ["evaluate", "jai-syria-allegiance-2015", "--as-stored", moment]
        await expectRefused(args, onExport ? "--at" : "--as-stored", moment)
      }),
      { numRuns: 30, seed: 7 }
    )
  })

  it("--revision and --based-on: a number that is no revision, or a revision the case never had", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(notARevision, missingRevision),
        fc.constantFrom("evaluate", "export", "import"),
        async (revision, command) => {
          const args =
            command === "import"
              ? ["import", exported, "--based-on", revision]
              : command === "export"
                ? ["export", "jai-syria-allegiance-2015", "--revision", revision]
                : ["evaluate", "jai-syria-allegiance-2015", "--revision", revision]
          await expectRefused(
            args,
            command === "import" ? "--based-on" : "--revision",
            revision.trim() === "" ? revision : revision.trim()
          )
        }
      ),
      { numRuns: 45, seed: 7 }
    )
  })

  it("serve --port and --rate-limit: a number out of range or not in digits", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 65_536, max: 10 ** 9 }).map(String),
          notARevision.filter((n) => n !== "0" && n !== "00")
        ),
        fc.constantFrom("--port", "--rate-limit"),
        async (value, flag) => {
          if (flag === "--rate-limit" && Number(value) <= 1_000_000 && /^\d+$/.test(value)) return
          await expectRefused(["serve", flag, value], flag, value.trim())
        }
      ),
      { numRuns: 20, seed: 7 }
    )
  })

  it("is refused the same way by the installed command, with exit status 1", () => {
    const before = readFileSync(db)
    for (const args of [
      ["evaluate", "--as-of", "2015-13-45"],
      ["import", exported, "--based-on", "1e3"],
      ["import", exported, "--based-on", "7"]
    ]) {
      const result = spawnSync(process.execPath, [allegianceBin, ...args, "--db", db], { encoding: "utf8" })
      expect(result.status, result.stderr).toBe(1)
      expect(result.stdout).toBe("")
      expect(result.stderr).not.toMatch(internals)
      expect(result.stderr).toContain(args.at(-1))
    }
    expect(readFileSync(db).equals(before)).toBe(true)
  })
})

import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  lstatSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText, readCaseText } from "@allegiance/case-file"
import type { IsoDay } from "@allegiance/domain"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { writeBrief } from "../src/index.ts"

const read = readCaseText(bundledCaseText(), "seed.yaml")
if (Result.isFailure(read)) throw new Error("the bundled case does not read")
const caseFile = read.success
const asOf = "2015-01-09" as IsoDay
const folder = () => mkdtempSync(join(tmpdir(), "allegiance-brief-"))
const run = (output: string | undefined, question?: string, printed: Array<string> = []) =>
  Effect.runSync(
    Effect.result(
      writeBrief(
        {
          caseFile,
          asOf,
          ...(output === undefined ? {} : { output }),
          ...(question === undefined ? {} : { question })
        },
        (text) => printed.push(text)
      )
    )
  )
const failure = (result: ReturnType<typeof run>): string =>
  Result.isFailure(result) ? result.failure.message : "it succeeded"

describe("writing a brief", () => {
  it("prints it to standard output without a file", () => {
    const printed: Array<string> = []
    const result = run(undefined, undefined, printed)
    expect(Result.isSuccess(result)).toBe(true)
    expect(printed.join("")).toMatch(
      /^# Jamaat Ansar al-Islam in Syria and the Islamic State, January 2015\n/
    )
  })

  it("writes the same bytes to a new file, and leaves no temporary file behind", () => {
    const dir = folder()
    const printed: Array<string> = []
    run(undefined, undefined, printed)
    expect(Result.isSuccess(run(join(dir, "brief.md")))).toBe(true)
    expect(readFileSync(join(dir, "brief.md"), "utf8")).toBe(printed.join(""))
    expect(readdirSync(dir)).toEqual(["brief.md"])
  })

  it("replaces an existing file whole and keeps its permissions", () => {
    const dir = folder()
    const file = join(dir, "brief.md")
    writeFileSync(file, "an older brief")
    chmodSync(file, 0o640)
    expect(Result.isSuccess(run(file))).toBe(true)
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readFileSync(file, "utf8")).toContain("## Key judgments")
  })

  it("writes through a link to a file, keeping the link", () => {
    const dir = folder()
    writeFileSync(join(dir, "real.md"), "old")
    symlinkSync(join(dir, "real.md"), join(dir, "link.md"))
    expect(Result.isSuccess(run(join(dir, "link.md")))).toBe(true)
    expect(readFileSync(join(dir, "real.md"), "utf8")).toContain("## Key judgments")
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true)
  })

  it("refuses a folder, a device and a link to nothing, and writes nothing", () => {
    const dir = folder()
    mkdirSync(join(dir, "briefs"))
    expect(failure(run(join(dir, "briefs")))).toMatch(/briefs: not written: it is a folder, not a file/)
    expect(readdirSync(join(dir, "briefs"))).toEqual([])
    expect(failure(run("/dev/null"))).toMatch(/\/dev\/null: not written: it is a device, not a file/)
    symlinkSync(join(dir, "gone.md"), join(dir, "dangling.md"))
    expect(failure(run(join(dir, "dangling.md")))).toMatch(/a link to a file that does not exist/)
    expect(readdirSync(dir).sort()).toEqual(["briefs", "dangling.md"])
  })

  it("says so when the folder does not exist, without an error code", () => {
    const message = failure(run(join(folder(), "missing", "brief.md")))
    expect(message).toMatch(/missing\/brief\.md: cannot write the file: its folder does not exist\./)
    expect(message).not.toMatch(/ENOENT/)
  })

  it("refuses a question the case does not hold, naming those it does, before writing anything", () => {
    const dir = folder()
    const file = join(dir, "brief.md")
    writeFileSync(file, "kept")
    const message = failure(run(file, "q-nothing"))
    expect(message).toContain('holds no question "q-nothing"')
    expect(message).toContain("q-end-of-jai-syria: Is this the end of JAI Syria?")
    expect(readFileSync(file, "utf8")).toBe("kept")
  })

  it("answers one question when asked", () => {
    const printed: Array<string> = []
    expect(Result.isSuccess(run(undefined, "q-which-account", printed))).toBe(true)
    expect(printed.join("")).toContain(
      "It answers one question: *Which of the two accounts represents the majority"
    )
  })
})

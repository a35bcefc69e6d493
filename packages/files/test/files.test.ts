import { execFileSync } from "node:child_process"
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { firstNonUtf8, readTextFile, writeFileWhole } from "../src/index.ts"

const folder = () => mkdtempSync(join(tmpdir(), "allegiance-files-"))
const failure = (result: Result.Result<unknown, string>) => {
  if (Result.isSuccess(result)) throw new Error("expected a refusal")
  return result.failure
}

describe("reading a text file", () => {
  it("reads UTF-8 text whole, Arabic script included", () => {
    const file = join(folder(), "case.yaml")
    writeFileSync(file, "name: جماعة أنصار الإسلام\n")
    expect(readTextFile(file)).toEqual(Result.succeed("name: جماعة أنصار الإسلام\n"))
  })

  it("says in words why a file cannot be read, without a system error code", () => {
    const dir = folder()
    const missing = failure(readTextFile(join(dir, "nothing.yaml")))
    expect(missing).toContain("there is no such file")
    expect(missing).not.toMatch(/E[A-Z]{3,}/)
    expect(failure(readTextFile(dir))).toContain("it is a folder")
  })

  it("refuses a pipe, which might never end, without waiting on it", () => {
    const fifo = join(folder(), "pipe")
    execFileSync("mkfifo", [fifo])
    expect(failure(readTextFile(fifo))).toContain("not a regular file")
  })

  it("refuses bytes that are not UTF-8, saying at which line and column, rather than replacing them", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme" }), { maxLength: 5 }),
        fc.string({ unit: "grapheme", maxLength: 8 }),
        fc.constantFrom(0xff, 0xc0, 0x80, 0xed),
        (lines, before, bad) => {
          const text = [...lines, before].join("\n")
          const bytes = Buffer.concat([Buffer.from(text), Buffer.from([bad, 0x41])])
          const file = join(folder(), "bad.yaml")
          writeFileSync(file, bytes)
          const message = failure(readTextFile(file))
          const line = text.split("\n").length
          const column = [...(text.split("\n").at(-1) ?? "")].length + 1
          expect(message).toContain(`bad.yaml:${line}:${column}: the file is not UTF-8 text`)
          expect(firstNonUtf8(bytes)).toBe(Buffer.byteLength(text))
        }
      ),
      { numRuns: 60, seed: 3 }
    )
  })
})

describe("writing a file whole", () => {
  it("replaces a file's content and keeps its permissions", () => {
    const file = join(folder(), "brief.md")
    writeFileSync(file, "old")
    chmodSync(file, 0o600)
    expect(writeFileWhole(file, "new")).toEqual(Result.void)
    expect(readFileSync(file, "utf8")).toBe("new")
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it("writes through a link to a file, keeping the link", () => {
    const dir = folder()
    const target = join(dir, "real.md")
    writeFileSync(target, "old")
    const link = join(dir, "link.md")
    symlinkSync(target, link)
    expect(writeFileWhole(link, "new")).toEqual(Result.void)
    expect(readFileSync(target, "utf8")).toBe("new")
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })

  it("refuses a link to nothing, a folder, a pipe and a device, leaving each as it was and nothing behind", () => {
    const dir = folder()
    const dangling = join(dir, "dangling.md")
    symlinkSync(join(dir, "gone.md"), dangling)
    const fifo = join(dir, "pipe")
    execFileSync("mkfifo", [fifo])
    const sub = join(dir, "sub")
    mkdirSync(sub)
    expect(failure(writeFileWhole(dangling, "x"))).toContain("a link to a file that does not exist")
    expect(failure(writeFileWhole(sub, "x"))).toContain("it is a folder")
    expect(failure(writeFileWhole(fifo, "x"))).toContain("it is a pipe, not a file")
    if (existsSync("/dev/full"))
      expect(failure(writeFileWhole("/dev/full", "x"))).toContain("it is a device, not a file")
    expect(readdirSync(dir).sort()).toEqual(["dangling.md", "pipe", "sub"])
  })

  it("says why it could not write, and leaves no temporary file", () => {
    const dir = folder()
    const message = failure(writeFileWhole(join(dir, "no-such-folder", "brief.md"), "x"))
    expect(message).toContain("cannot write the file: its folder does not exist")
    expect(readdirSync(dir)).toEqual([])
  })
})

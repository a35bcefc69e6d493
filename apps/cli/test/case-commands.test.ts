import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runInProcess } from "./support/in-process.ts"
import { allegianceBin } from "./support/installed-command.ts"

const bin = allegianceBin
// Under vitest run through pnpm, process.execPath is the project's Node 24. Each test file gets a store
// of its own in a temporary folder, never the user's.
const store = join(mkdtempSync(join(tmpdir(), "allegiance-store-")), "allegiance.db")
/** The installed command, on this file's store. */
const runInstalled = (...args: ReadonlyArray<string>) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, ALLEGIANCE_DB: store }
  })
/** The command run in this process, on the same store: for what a command says, not how it starts. */
const run = (...args: ReadonlyArray<string>) => runInProcess(args, { env: { ALLEGIANCE_DB: store } })

describe("allegiance validate", () => {
  it("exits 0 on the bundled case", () => {
    const bundled = fileURLToPath(
      new URL("../../../packages/case-file/cases/jai-syria-allegiance-2015.yaml", import.meta.url)
    )
    const result = runInstalled("validate", bundled)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("valid")
  })

  it("reports each problem with file, line, column and field, exits 1 and leaves the file as it was", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "allegiance-")), "broken.yaml")
    const text = `case: { id: t, title: T }
actors:
  - { id: a, kind: group, parent: ghost, name: { primary: A }, cites: [{ paragraph: 1 }] }
  - { id: a, kind: group, name: { primary: B }, cites: [{ paragraph: 1 }] }
`
    writeFileSync(file, text)
    const before = statSync(file).mtimeMs
    const result = await run("validate", file)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${file}:3:`)
    expect(result.stderr).toContain('actors[0].parent: "ghost" names nothing')
    expect(result.stderr).toContain(`${file}:4:`)
    expect(result.stderr).toContain("used twice")
    expect(result.stderr).toContain("nothing was changed")
    expect(readFileSync(file, "utf8")).toBe(text)
    expect(statSync(file).mtimeMs).toBe(before)
  })

  it("says clearly when the file cannot be read", async () => {
    const result = await run("validate", "/nonexistent/case.yaml")
    expect(result.status).toBe(1)
    // In words, not as a system error code.
    expect(result.stderr).toContain("/nonexistent/case.yaml: cannot read the file: there is no such file")
    expect(result.stderr).not.toMatch(/ENOENT|Error:|\bat .*:\d+/)
  })
})

describe("the bundled case in the store", () => {
  it("is loaded into a new store on first use and shown by the main job", () => {
    const result = runInstalled()
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("(jai-syria-allegiance-2015)")
    expect(statSync(store).size).toBeGreaterThan(0)
  })

  it("says which cases the store holds when asked for one it lacks", () => {
    const result = runInstalled("show", "no-such-case")
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('no case named "no-such-case"')
    expect(result.stderr).toContain("jai-syria-allegiance-2015")
  })
})

describe("allegiance evaluate", () => {
  it("gives the full structure with --json", async () => {
    const result = await run("evaluate", "--as-of", "2015-01-09", "--json")
    expect(result.status).toBe(0)
    const evaluation = JSON.parse(result.stdout)
    expect(evaluation.asOf).toBe("2015-01-09")
    expect(evaluation.statements.find((v: { id: string }) => v.id === "st-449").status).toBe("contested")
  })

  it("rejects a malformed --as-of day", async () => {
    const result = await run("evaluate", "--as-of", "9 Jan")
    expect(result.status).not.toBe(0)
  })
})

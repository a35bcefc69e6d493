import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runInProcess } from "./support/in-process.ts"
import { allegianceBin } from "./support/installed-command.ts"

const store = join(mkdtempSync(join(tmpdir(), "allegiance-store-")), "allegiance.db")
/** The installed command, on this file's store. */
const runInstalled = (...args: ReadonlyArray<string>) =>
  spawnSync(process.execPath, [allegianceBin, ...args], {
    encoding: "utf8",
    env: { ...process.env, ALLEGIANCE_DB: store }
  })
/** The command run in this process, on the same store. */
const run = (...args: ReadonlyArray<string>) => runInProcess(args, { env: { ALLEGIANCE_DB: store } })

describe("allegiance brief", () => {
  it("writes the bundled case's brief to a file, the same as it prints, and says where", async () => {
    const printed = runInstalled("brief", "--as-of", "2015-01-09")
    expect(printed.status).toBe(0)
    expect(printed.stdout).toMatch(/^# Jamaat Ansar al-Islam in Syria and the Islamic State, January 2015\n/)
    expect(printed.stdout).toContain("## Key judgments")
    const file = join(mkdtempSync(join(tmpdir(), "allegiance-brief-")), "brief.md")
    const written = await run("brief", "--as-of", "2015-01-09", "-o", file)
    expect(written.status).toBe(0)
    expect(written.stdout).toBe("")
    expect(written.stderr).toContain(`to ${file}`)
    expect(readFileSync(file, "utf8")).toBe(printed.stdout)
  })

  it("refuses a question the case does not hold and names those it does", async () => {
    const result = await run("brief", "--as-of", "2015-01-09", "--question", "q-none")
    expect(result.status).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toContain('holds no question "q-none"')
    expect(result.stderr).toContain("q-which-account")
  })
})

describe("starting the command", () => {
  it("loads neither the markdown writer nor Mermaid unless a brief is asked for", () => {
    // What the entry chunk imports statically is loaded on every start, --help included.
    const meta = JSON.parse(
      readFileSync(fileURLToPath(new URL("../dist/meta.json", import.meta.url)), "utf8")
    ) as {
      outputs: Record<
        string,
        { imports: ReadonlyArray<{ path: string; kind: string }>; inputs: Record<string, unknown> }
      >
    }
    const entry = Object.keys(meta.outputs).find((path) => path.endsWith("/allegiance.js"))!
    const loaded = new Set<string>()
    const visit = (path: string) => {
      if (loaded.has(path)) return
      loaded.add(path)
      for (const imported of meta.outputs[path]?.imports ?? [])
        if (imported.kind === "import-statement") visit(imported.path)
    }
    visit(entry)
    const inputs = [...loaded].flatMap((path) => Object.keys(meta.outputs[path]?.inputs ?? {}))
    expect(inputs.some((input) => input.includes("src/commands/brief.ts"))).toBe(true)
    for (const heavy of [
      "mdast-util-to-markdown",
      "mdast-util-gfm",
      "mermaid",
      "packages/brief/",
      "apps/brief/"
    ])
      expect(inputs.filter((input) => input.includes(heavy))).toEqual([])
    // Everything the brief needs is in a chunk that is loaded when it runs.
    const all = Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs))
    expect(all.some((input) => input.includes("mdast-util-to-markdown"))).toBe(true)
  })
})

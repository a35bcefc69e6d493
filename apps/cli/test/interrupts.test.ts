import { spawn } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { generateCaseInput } from "@allegiance/case-generator"
import { beforeAll, describe, expect, it } from "vitest"
import { runInProcess } from "./support/in-process.ts"
import { allegianceBin } from "./support/installed-command.ts"

/** Whether process `pid` holds `file` open (Linux: its descriptors are links in /proc). */
const holdsOpen = (pid: number, file: string): boolean => {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file
      } catch {
        return false
      }
    })
  } catch {
    return false
  }
}

/**
 * Whether process `pid` has read at least `bytes` bytes (Linux: /proc/PID/io). Unlike an open file,
 * which a poll can miss on a busy machine, the count only grows.
 */
const hasRead = (pid: number, bytes: number): boolean => {
  try {
    const read = /^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, "utf8"))?.[1]
    return read !== undefined && Number(read) >= bytes
  } catch {
    return false
  }
}

/** A case file large enough that an import is still reading and checking it when a signal arrives. */
let largeCase = ""

describe.runIf(process.platform === "linux")("an import stopped by a signal", () => {
  // Made once, before the tests, so that generating 20,000 statements counts against no test's time limit.
  beforeAll(() => {
    largeCase = JSON.stringify(generateCaseInput({ statements: 20_000, seed: 3 }))
  }, 120_000)

  it.each(["SIGTERM", "SIGINT"] as const)(
    "says that nothing was saved, and leaves the store as it was (%s)",
    async (signal) => {
      const directory = mkdtempSync(join(tmpdir(), "allegiance-interrupt-"))
      const env = { ...process.env, ALLEGIANCE_DB: join(directory, "store.db") }
      const file = join(directory, "large.json")
      writeFileSync(file, largeCase)
      // What the store holds is read in this process; only the import, which the signal stops, is
      // the installed command.
      const inStore = { env: { ALLEGIANCE_DB: env.ALLEGIANCE_DB } }
      const before = await runInProcess(["export", "jai-syria-allegiance-2015"], inStore)
      const child = spawn(process.execPath, [allegianceBin, "import", file], { env })
      let stderr = ""
      child.stderr.on("data", (chunk) => {
        stderr += chunk
      })
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve))
      // Once it reads the file, it is past starting up; reading and checking 20,000 statements takes
      // far longer than the signal takes to arrive.
      const size = statSync(file).size
      const deadline = Date.now() + 30_000
      while (!holdsOpen(child.pid!, file) && !hasRead(child.pid!, size) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5))
      child.kill(signal)
      const code = await exited
      expect(code).toBe(130)
      expect(stderr).toContain(
        `Stopped before ${file} was imported: nothing was saved, and the store is as it was.`
      )
      const cases = await runInProcess(["export", "jai-syria-allegiance-2015"], inStore)
      expect(cases.stdout).toBe(before.stdout)
      const stored = await runInProcess(["show", "synthetic-20000-3"], inStore)
      expect(stored.stderr).toContain('There is no case named "synthetic-20000-3"')
    },
    60_000
  )
})

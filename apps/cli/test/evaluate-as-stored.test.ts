import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { FileStore, importCaseText } from "@allegiance/store"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { parse, stringify } from "yaml"
import { runInProcess } from "./support/in-process.ts"
import { allegianceBin } from "./support/installed-command.ts"

const seedId = "jai-syria-allegiance-2015"
const directory = mkdtempSync(join(tmpdir(), "allegiance-as-stored-"))
const store = join(directory, "store.db")

// Three hours ahead of UTC, so that a time read in local time would land on another revision.
const environment = { ALLEGIANCE_DB: store, XDG_DATA_HOME: undefined, TZ: "Asia/Baghdad" }
/** The command run in this process, in the environment above. */
const run = (...args: ReadonlyArray<string>) => runInProcess(args, { env: environment })
/** The installed command, started in the same environment. */
const runInstalled = (...args: ReadonlyArray<string>) => {
  const { ALLEGIANCE_DB: _db, XDG_DATA_HOME: _xdg, ...rest } = process.env
  return spawnSync(process.execPath, [allegianceBin, ...args], {
    encoding: "utf8",
    env: { ...rest, ALLEGIANCE_DB: store, TZ: environment.TZ }
  })
}
const statementIds = (stdout: string): ReadonlyArray<string> =>
  (JSON.parse(stdout) as { statements: ReadonlyArray<{ id: string }> }).statements.map((s) => s.id)

/** The seed case with one more statement: the second revision of the stored case. */
const withExtraStatement = (): string => {
  const content = parse(bundledCaseText()) as { statements: Array<Record<string, unknown>> }
  content.statements.push({ ...content.statements[0], id: "st-added-later" })
  return stringify(content)
}

// Revision 1 saved on 9 January 2015 at 10:00 UTC; revision 2, one statement more, on 1 February.
beforeAll(async () => {
  const save = (text: string, at: string) =>
    importCaseText({ text, fileName: "case.yaml", author: "analyst", at: new Date(at) })
  await Effect.runPromise(
    Effect.gen(function* () {
      yield* save(bundledCaseText(), "2015-01-09T10:00:00Z")
      yield* save(withExtraStatement(), "2015-02-01T10:00:00Z")
    }).pipe(Effect.provide(FileStore.layer({ filename: store })))
  )
}, 60_000)

describe("allegiance evaluate, as the store held the case", () => {
  it("evaluates the case as it is now by default, and as it was with --revision", async () => {
    const now = await run("evaluate", seedId, "--as-of", "2015-01-09", "--json")
    expect(now.status).toBe(0)
    expect(statementIds(now.stdout)).toContain("st-added-later")
    const first = await run("evaluate", seedId, "--as-of", "2015-01-09", "--json", "--revision", "1")
    expect(first.status).toBe(0)
    expect(statementIds(first.stdout)).not.toContain("st-added-later")
    expect(statementIds(first.stdout).length).toBe(statementIds(now.stdout).length - 1)
  })

  it("with --as-stored, takes the latest revision saved at or before the moment, and says which", () => {
    // End to end: the installed command, in a time zone three hours ahead of UTC.
    const before = runInstalled("evaluate", seedId, "--as-of", "2015-01-09", "--as-stored", "2015-01-31")
    expect(before.status).toBe(0)
    expect(before.stdout).toContain(`Case ${seedId} as stored at revision 1 (saved 2015-01-09T10:00:00.000Z`)
    const sameDay = runInstalled("evaluate", seedId, "--as-stored", "2015-02-01", "--json")
    expect(statementIds(sameDay.stdout)).toContain("st-added-later")
    const hourBefore = runInstalled("evaluate", seedId, "--as-stored", "2015-02-01T12:00+03:00", "--json")
    expect(statementIds(hourBefore.stdout)).not.toContain("st-added-later")
  })

  it("--as-of still judges by the case's own dates, whichever version of the case is read", async () => {
    const early = await run("evaluate", seedId, "--revision", "2", "--as-of", "2014-01-01", "--json")
    const late = await run("evaluate", seedId, "--revision", "2", "--as-of", "2016-01-01", "--json")
    expect(early.status).toBe(0)
    expect(JSON.parse(early.stdout).asOf).toBe("2014-01-01")
    expect(JSON.parse(late.stdout).asOf).toBe("2016-01-01")
    expect(early.stdout).not.toBe(late.stdout)
  })

  it("says so when the case has no such revision", async () => {
    const result = await run("evaluate", seedId, "--revision", "3")
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`Case "${seedId}" has no revision 3: its revisions run from 1 to 2.`)
  })

  it("says so when the moment is before the case was first stored", async () => {
    const result = await run("evaluate", seedId, "--as-stored", "2015-01-09T09:59")
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`Case "${seedId}" was not in the store yet at 2015-01-09T09:59:00.000Z`)
    expect(result.stderr).toContain("its first revision was saved at 2015-01-09T10:00:00.000Z")
  })

  it("refuses a moment it cannot read, and both flags at once", async () => {
    const unreadable = await run("evaluate", seedId, "--as-stored", "last week")
    expect(unreadable.status).toBe(1)
    expect(unreadable.stderr).toContain('--as-stored "last week" is not a day or a time')
    const both = await run("evaluate", seedId, "--revision", "1", "--as-stored", "2015-02-01")
    expect(both.status).toBe(1)
    expect(both.stderr).toContain("give one of them, not both")
  })

  it("refuses --revision and --as-stored for a case file, which has no history in the store", async () => {
    const file = join(directory, "case.yaml")
    writeFileSync(file, bundledCaseText())
    for (const flags of [
      ["--revision", "1"],
      ["--as-stored", "2015-02-01"]
    ]) {
      const result = await run("evaluate", file, ...flags)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(`${flags[0]} picks an earlier state of a case in the store`)
      expect(result.stderr).toContain(`${file} is a case file`)
      expect(result.stdout).toBe("")
    }
  })
})

describe("allegiance export --at, read as evaluate --as-stored reads a moment", () => {
  it("takes a time without an offset as UTC, a bare day as the end of that day", async () => {
    const hourAfter = await run("export", seedId, "--at", "2015-02-01T11:00")
    expect(hourAfter.status).toBe(0)
    expect(hourAfter.stdout).toContain("st-added-later")
    const hourBefore = await run("export", seedId, "--at", "2015-02-01T09:00")
    expect(hourBefore.status).toBe(0)
    expect(hourBefore.stdout).not.toContain("st-added-later")
    expect((await run("export", seedId, "--at", "2015-02-01")).stdout).toContain("st-added-later")
  })

  it("refuses a day that does not exist, saying which", async () => {
    const result = await run("export", seedId, "--at", "2015-02-30")
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('--at "2015-02-30" is not a day or a time that exists')
    expect(result.stdout).toBe("")
  })
})

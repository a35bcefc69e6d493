import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"
import { runInProcess } from "./support/in-process.ts"

const seedId = "jai-syria-allegiance-2015"

/**
 * Runs the command in this process with a store of its own (unless the test names one) and no surprises
 * from the environment: what the command does with the files and the store is what these tests check.
 */
const run = (env: Record<string, string>, ...args: ReadonlyArray<string>) =>
  runInProcess(args, {
    env: { ALLEGIANCE_DB: undefined, XDG_DATA_HOME: undefined, ALLEGIANCE_AUTHOR: "tester", ...env }
  })

/** The installed command, started as a user starts it, in the same environment. */
const runInstalled = (env: Record<string, string>, ...args: ReadonlyArray<string>) => {
  const { ALLEGIANCE_DB: _db, XDG_DATA_HOME: _xdg, ...rest } = process.env
  return spawnSync(process.execPath, [allegianceBin, ...args], {
    encoding: "utf8",
    env: { ...rest, ALLEGIANCE_AUTHOR: "tester", ...env }
  })
}

/** A case file without the header an export puts on it (the case and revision it came from). */
const body = (text: string) => text.replace(/^(#[^\n]*\n)+/, "")

const fresh = () => {
  const directory = mkdtempSync(join(tmpdir(), "allegiance-cli-store-"))
  return { directory, env: { ALLEGIANCE_DB: join(directory, "store.db") } }
}

describe("allegiance export and import", () => {
  it("a new store starts with the seed case; export writes it as a valid case file", async () => {
    const { directory, env } = fresh()
    const file = join(directory, "seed.yaml")
    const exported = await run(env, "export", seedId, "-o", file)
    expect(exported.status).toBe(0)
    expect(exported.stderr).toContain(`Exported case "${seedId}" at revision 1 to ${file}`)
    expect(exported.stderr).toContain(`allegiance import ${file} (the file names revision 1`)
    expect(readFileSync(file, "utf8")).toMatch(
      new RegExp(`^# Exported from case "${seedId}" at revision 1 of the store\\.`)
    )
    expect((await run({}, "validate", file)).status).toBe(0)
    const printed = await run(env, "export", seedId)
    expect(printed.status).toBe(0)
    expect(printed.stdout).toBe(readFileSync(file, "utf8"))
  })

  it("export -o writes a file whole, keeps its permissions and links, and refuses what is not a file", async () => {
    const { directory, env } = fresh()
    const file = join(directory, "case.yaml")
    writeFileSync(file, "my draft")
    chmodSync(file, 0o600)
    expect((await run(env, "export", seedId, "-o", file)).status).toBe(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const exported = readFileSync(file, "utf8")
    // A link is written through: the file it points to gets the case, the link stays a link.
    const link = join(directory, "link.yaml")
    symlinkSync(file, link)
    writeFileSync(file, "edited")
    expect((await run(env, "export", seedId, "-o", link)).status).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(file, "utf8")).toBe(exported)
    const device = await run(env, "export", seedId, "-o", "/dev/null")
    expect(device.status).toBe(1)
    expect(device.stderr).toContain("/dev/null: not written: it is a device, not a file.")
    expect(readdirSync(directory).filter((name) => name.endsWith(".tmp"))).toEqual([])
  })

  it("export, import into another store, export again gives the same bytes", () => {
    // End to end, as a user moves a case between stores: the installed export and import commands.
    const a = fresh()
    const b = fresh()
    const file = join(a.directory, "case.yaml")
    expect(runInstalled(a.env, "export", seedId, "-o", file).status).toBe(0)
    const imported = runInstalled(b.env, "import", file, "--case", "copy")
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain('as the new case "copy"')
    const again = runInstalled(b.env, "export", "copy")
    expect(again.status).toBe(0)
    expect(again.stdout).toBe(
      readFileSync(file, "utf8")
        .replace(`id: ${seedId}\n`, "id: copy\n")
        .replace(`from case "${seedId}"`, 'from case "copy"')
    )
    const reimported = runInstalled(b.env, "import", file)
    expect(reimported.stdout).toContain("exactly as the store has it (revision 1); nothing was changed")
  })

  it("importing an edited file saves a revision; the earlier one stays readable", async () => {
    const { directory, env } = fresh()
    const file = join(directory, "case.yaml")
    await run(env, "export", seedId, "-o", file)
    const original = readFileSync(file, "utf8")
    const edited = original.replace(
      "A jihadi group that originated in Iraq",
      "A Salafi group that originated in Iraq"
    )
    expect(edited).not.toBe(original)
    writeFileSync(file, edited)
    const imported = await run(env, "import", file, "--based-on", "1", "--reason", "Better wording")
    expect(imported.status).toBe(0)
    expect(imported.stdout).toContain("as revision 2, on top of revision 1: 0 added, 1 changed, 0 removed")
    expect(body((await run(env, "export", seedId)).stdout)).toBe(body(edited))
    expect((await run(env, "export", seedId, "--revision", "1")).stdout).toBe(original)
  })

  it("a stale import is refused with a conflict and changes nothing", async () => {
    const { directory, env } = fresh()
    const mine = join(directory, "mine.yaml")
    const theirs = join(directory, "theirs.yaml")
    await run(env, "export", seedId, "-o", mine)
    await run(env, "export", seedId, "-o", theirs)
    writeFileSync(theirs, readFileSync(theirs, "utf8").replace("a rival of IS", "a long-time rival of IS"))
    expect((await run(env, "import", theirs, "--based-on", "1")).status).toBe(0)
    writeFileSync(mine, readFileSync(mine, "utf8").replace("JAI Syria", "JAI-Syria"))
    const stale = await run(env, "import", mine, "--based-on", "1")
    expect(stale.status).toBe(1)
    expect(stale.stderr).toContain(`You said ${mine} was edited on revision 1`)
    expect(stale.stderr).toContain("revision 2 was saved by tester")
    expect(stale.stderr).toContain("Nothing was saved")
    expect(stale.stderr).toContain(`allegiance import ${mine} --based-on 2`)
    expect(body((await run(env, "export", seedId)).stdout)).toBe(body(readFileSync(theirs, "utf8")))
  })

  it("two edits of one export, imported without --based-on: the second is refused, not saved over the first", async () => {
    const { directory, env } = fresh()
    const first = join(directory, "first.yaml")
    const second = join(directory, "second.yaml")
    await run(env, "export", seedId, "-o", first)
    await run(env, "export", seedId, "-o", second)
    writeFileSync(first, readFileSync(first, "utf8").replace("a rival of IS", "a long-time rival of IS"))
    writeFileSync(second, readFileSync(second, "utf8").replace("JAI Syria", "JAI-Syria"))
    const saved = await run(env, "import", first)
    expect(saved.status).toBe(0)
    expect(saved.stdout).toContain("on top of revision 1, which the file was exported from")
    const refused = await run(env, "import", second)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(`${second} was exported from revision 1 of case "${seedId}"`)
    expect(refused.stderr).toContain(`To replace what the case holds now with ${second} as it is`)
    expect(body((await run(env, "export", seedId)).stdout)).toBe(body(readFileSync(first, "utf8")))
    const missing = await run(env, "import", second, "--based-on", "7")
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain(
      `Case "${seedId}" has no revision 7: its revisions run from 1 to 2. Nothing was saved.`
    )
    expect(missing.stderr).not.toContain("changed since")
  })

  it("an invalid file is refused with located problems and leaves the store as it was", async () => {
    const { directory, env } = fresh()
    const before = (await run(env, "export", seedId)).stdout
    const bad = join(directory, "bad.yaml")
    writeFileSync(
      bad,
      "case: { id: bad, title: Bad }\nactors:\n  - { id: a, kind: group, parent: ghost, name: { primary: A }, cites: [{ paragraph: 1 }] }\n"
    )
    const result = await run(env, "import", bad)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${bad}:3:`)
    expect(result.stderr).toContain('actors[0].parent: "ghost" names nothing')
    expect(result.stderr).toContain("nothing was imported")
    expect((await run(env, "export", "bad")).stderr).toContain(
      `There is no case named "bad" in the store (known cases: ${seedId})`
    )
    expect((await run(env, "export", seedId)).stdout).toBe(before)
    expect((await run(env, "import", join(directory, "missing.yaml"))).stderr).toContain(
      "missing.yaml: cannot read the file: there is no such file"
    )
  })

  it("finds the store through --db, then $ALLEGIANCE_DB, then $XDG_DATA_HOME", async () => {
    const { directory } = fresh()
    const xdg = join(directory, "xdg")
    expect((await run({ XDG_DATA_HOME: xdg }, "export", seedId)).status).toBe(0)
    expect(existsSync(join(xdg, "allegiance", "allegiance.db"))).toBe(true)
    const fromEnv = join(directory, "env.db")
    const flag = join(directory, "flag.db")
    expect(
      (await run({ XDG_DATA_HOME: xdg, ALLEGIANCE_DB: fromEnv }, "export", seedId, "--db", flag)).status
    ).toBe(0)
    expect(existsSync(flag)).toBe(true)
    expect(existsSync(fromEnv)).toBe(false)
    expect((await run({ XDG_DATA_HOME: xdg, ALLEGIANCE_DB: fromEnv }, "export", seedId)).status).toBe(0)
    expect(existsSync(fromEnv)).toBe(true)
  })

  it("refuses a store written by a newer version and leaves it untouched", async () => {
    const { env } = fresh()
    expect((await run(env, "export", seedId)).status).toBe(0)
    const db = new DatabaseSync(env.ALLEGIANCE_DB)
    db.exec("INSERT INTO allegiance_migrations (migration_id, name) VALUES (99, 'from_the_future')")
    db.close()
    const hash = () => createHash("sha256").update(readFileSync(env.ALLEGIANCE_DB)).digest("hex")
    const before = hash()
    const result = await run(env, "export", seedId)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("was written by a newer version of Allegiance")
    expect(result.stderr).toContain("left untouched")
    expect(hash()).toBe(before)
  })
})

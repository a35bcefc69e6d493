/**
 * The terminal UI end to end: the installed command in a real pseudo-terminal (tmux, 80x24), driven by
 * keys and read off the screen, on a store file of its own. Without tmux on the machine it is skipped
 * (CI installs it).
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"
import { hasTmux, tmuxTerminal } from "./support/tmux-terminal.ts"

let folder: string
let db: string
const terminal = tmuxTerminal("e2e")
const { keys, text, see, settled, toField, fill } = terminal

const start = (asOf: string) =>
  terminal.start([process.execPath, allegianceBin, "tui", "--db", db, "--as-of", asOf], {
    ALLEGIANCE_AUTHOR: "e2e",
    CI: "true"
  })
const quit = async () => {
  keys("q")
  const after = await see("allegiance exited with 0")
  // The alternate screen is gone: the terminal shows what it showed before, not the UI.
  expect(after).not.toContain("1 Overview")
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "allegiance-e2e-"))
  db = join(folder, "store.db")
})
afterAll(() => {
  terminal.close()
  rmSync(folder, { recursive: true, force: true })
})

describe.skipIf(!hasTmux)("the terminal UI in a real terminal", () => {
  it("moves the as-of day, explains, saves a statement that a restart finds, and undoes it", async () => {
    start("2015-01-07")
    await settled("7 January 2015")
    keys("3")
    expect(await see("Statement 449")).toMatch(/-· 8 Jan 2015\s+Statement 449/)

    // Two days on, Statement 449 is known, contested, and marked as changed.
    keys("]")
    await settled("8 January 2015")
    keys("]")
    const ninth = await settled("9 January 2015")
    expect(ninth).toMatch(/C± 8 Jan 2015\s+Statement 449/)

    // Its detail says why.
    keys("End", "Enter")
    const detail = await see("statement Statement 449")
    expect(detail).toContain("contested, roughly even chance")
    expect(detail).toContain("Why")
    expect(detail).toMatch(/evenly matched|in dispute/)
    keys("Escape")
    await see(/13 of 13 rows/)

    // A new statement through the form.
    keys("s")
    await see("New statement")
    await toField("Issuer as printed")
    await fill("General Command of JAI")
    await toField("Issued for")
    await fill("jai-syria")
    await see("→ actor JAI Syria")
    await toField("Appeared")
    await fill("18 Rabi' al-Awwal 1436")
    await see("→ Hijri: 9 January 2015")
    await toField("Paragraph 1")
    await fill("12")
    await see("ready to save")
    keys("C-s")
    await see("Why this change?")
    text("Seen on Telegram")
    keys("Enter")
    await see("Saved revision 2: Seen on Telegram")
    await quit()

    // Started again, the statement is there.
    start("2015-01-09")
    await settled("9 January 2015")
    keys("3")
    await see(/14 of 14 rows/)
    text("/General Command")
    keys("Enter")
    await see('1 row hold "General Command"')
    await see('Issuer as printed: "General Command of JAI"')

    // Undone, it is gone.
    keys("u")
    await see("Undo revision 2 (e2e: Seen on Telegram)?")
    keys("y")
    await see("Undone: revision 3 puts back what revision 2 changed.")
    keys("3")
    await see(/13 of 13 rows/)
    await quit()
  })
})

describe("without a terminal", () => {
  it("the main job prints the case's overview and exits 0", () => {
    const piped = spawnSync(process.execPath, [allegianceBin, "--db", db], { encoding: "utf8" })
    expect(piped.status).toBe(0)
    expect(piped.stdout).toContain("Jamaat Ansar al-Islam")
    expect(piped.stdout).not.toContain("\u001b[")
  })
})

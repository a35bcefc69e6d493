/**
 * The terminal UI end to end: the installed command in a real pseudo-terminal (tmux, 80x24), driven by
 * keys and read off the screen, on a store file of its own. Its tmux server has a socket of its own, so
 * that it never touches anyone else's sessions. Without tmux on the machine it is skipped (CI installs it).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"

const hasTmux = spawnSync("tmux", ["-V"]).status === 0
const socket = `allegiance-e2e-${process.pid}`
let folder: string
let db: string

const tmux = (...args: ReadonlyArray<string>) =>
  execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" })
/** The session the command runs in: one per start (a server whose last session ends exits). */
let session = ""
const screen = () => tmux("capture-pane", "-p", "-t", session)
const keys = (...keys: ReadonlyArray<string>) => tmux("send-keys", "-t", session, ...keys)
/** Types text as it is, not as key names. */
const text = (typed: string) => tmux("send-keys", "-t", session, "-l", typed)

/** Polls the screen until it satisfies `predicate`. */
const waitFor = async (predicate: (shown: string) => boolean, what: string, timeout = 20_000) => {
  const start = Date.now()
  for (;;) {
    const shown = screen()
    if (predicate(shown)) return shown
    if (Date.now() - start > timeout)
      throw new Error(`The terminal never showed ${what}. It shows:\n${shown}`)
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
}
const see = (wanted: string | RegExp, timeout?: number) =>
  waitFor(
    (shown) => (typeof wanted === "string" ? shown.includes(wanted) : wanted.test(shown)),
    String(wanted),
    timeout
  )
/** Waits until the evaluation of the day shown has arrived. */
const settled = (day: string) =>
  waitFor(
    (shown) => shown.includes(`as of ${day}`) && !shown.includes("evaluating"),
    `the verdicts as of ${day}`
  )
/** The line of the form under its cursor (the one showing the text cursor). */
const cursorLine = () =>
  screen()
    .split("\n")
    .find((line) => line.includes("▏"))
/** Moves the form's cursor down until the field under it is `label`. */
const toField = async (label: string) => {
  for (let i = 0; i < 30; i++) {
    const before = cursorLine()
    if (before?.trimStart().startsWith(label)) return
    keys("Down")
    await waitFor(() => cursorLine() !== before, "the cursor move")
  }
  throw new Error(`The form has no field ${label}:\n${screen()}`)
}
/** Types into the field under the cursor, and waits until it shows. */
const fill = async (typed: string) => {
  text(typed)
  await waitFor(() => cursorLine()?.includes(`${typed}▏`) === true, `"${typed}" typed`)
}

const start = (asOf: string) => {
  const command = [process.execPath, allegianceBin, "tui", "--db", db, "--as-of", asOf]
    .map((part) => `'${part.replaceAll("'", "'\\''")}'`)
    .join(" ")
  session = `run-${Number(session.split("-")[1] ?? 0) + 1}`
  tmux(
    "new-session",
    "-d",
    "-s",
    session,
    "-x",
    "80",
    "-y",
    "24",
    "-e",
    "ALLEGIANCE_AUTHOR=e2e",
    "-e",
    "CI=true",
    `${command}; echo "allegiance exited with $?"; sleep 120`
  )
}
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
  if (hasTmux) spawnSync("tmux", ["-L", socket, "kill-server"])
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

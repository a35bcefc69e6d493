/**
 * The terminal UI over HTTP end to end: `allegiance serve` on loopback (port 0) with a token, the
 * installed command's UI against it (`allegiance --api URL --token T`) in a real pseudo-terminal, and
 * what it saves read back from the server through the typed client. Skipped without tmux.
 */
import { allegianceClient } from "@allegiance/client"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { allegianceBin } from "./support/installed-command.ts"
import { type ServedStore, serveStore } from "./support/served-store.ts"
import { hasTmux, tmuxTerminal } from "./support/tmux-terminal.ts"

const caseName = "jai-syria-allegiance-2015"
let served: ServedStore | undefined
let url = ""
let token = ""
const terminal = tmuxTerminal("remote")
const { keys, text, see, settled, toField, fill } = terminal

beforeAll(async () => {
  if (!hasTmux) return
  served = await serveStore({ scope: "write", label: "analyst on the road" })
  url = served.url
  token = served.token
}, 60_000)

afterAll(async () => {
  terminal.close()
  await served?.stop()
})

describe.skipIf(!hasTmux)("the terminal UI against a server", () => {
  it("shows Statement 449 contested on 9 January 2015, and saves a statement the server then holds", async () => {
    terminal.start([process.execPath, allegianceBin, "--api", url, "--token", token], { CI: "true" })
    await see(caseName)
    // The main job opens as of today: go to the 9th.
    keys("g")
    text("2015-01-09")
    keys("Enter")
    await settled("9 January 2015")
    keys("3")
    await see(/13 of 13 rows/)
    expect(await see("Statement 449")).toMatch(/C± 8 Jan 2015\s+Statement 449/)
    keys("End", "Enter")
    const detail = await see("statement Statement 449")
    expect(detail).toContain("contested, roughly even chance")
    keys("Escape")
    await see(/13 of 13 rows/)

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
    keys("3")
    await see(/14 of 14 rows/)

    // The server holds it, as one revision by the token's holder, with the reason given.
    const api = allegianceClient(url, { token })
    const saved = await api.cases[":case"].statements[":id"].$get({
      param: { case: caseName, id: "statement-8" }
    } as never)
    expect(saved.status).toBe(200)
    const body = (await saved.json()) as { item: { issuer: { nameAsPrinted: string }; observed: unknown } }
    expect(body.item.issuer.nameAsPrinted).toBe("General Command of JAI")
    const history = (await (
      await api.cases[":case"].revisions.$get({ param: { case: caseName } })
    ).json()) as { revisions: ReadonlyArray<{ number: number; author: string; reason: string }> }
    expect(history.revisions.at(-1)).toMatchObject({
      number: 2,
      author: "analyst on the road",
      reason: "Seen on Telegram"
    })
    keys("q")
    await see("allegiance exited with 0")
  })
})

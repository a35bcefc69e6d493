import { afterEach, describe, expect, it } from "vitest"
import { memoryAccess } from "./support/memory-access.ts"
import { startApp } from "./support/terminal.tsx"

let app: ReturnType<typeof startApp> | undefined
afterEach(() => {
  app?.stop()
  app = undefined
})

/** Opens the app and a new statement form, at a size where the whole form shows. */
const newStatement = async (access = memoryAccess()) => {
  app = startApp(access, { rows: 50 })
  await app.see("Q: Is this the end")
  await app.type("3s")
  await app.see("New statement")
  return { ui: app, access }
}

/** Moves the form's cursor to the field labelled `label`. */
const toField = async (ui: ReturnType<typeof startApp>, label: string) => {
  await ui.type("{home}")
  for (let i = 0; i < 40; i++) {
    // The field under the cursor shows its text cursor.
    const row = ui
      .screen()
      .split("\n")
      .find((line) => line.includes("▏"))
    if (row?.trimStart().startsWith(label)) return
    await ui.type("{down}")
  }
  throw new Error(`No field ${label} in:\n${ui.screen()}`)
}

const fillStatement = async (ui: ReturnType<typeof startApp>) => {
  await toField(ui, "Issuer as printed")
  await ui.type("General Command of JAI")
  await toField(ui, "Issued for")
  await ui.type("jai syria{enter}")
  await ui.waitFor((screen) => /JAI Syria\s+jai-syria/.test(screen), "the picker")
  await ui.type("{enter}")
  await toField(ui, "Appeared")
  await ui.type("18 Rabi' al-Awwal 1436")
  await toField(ui, "Paragraph 1")
  await ui.type("12")
}

describe("the statement form", () => {
  it("has every field of a statement, required ones marked", async () => {
    const { ui } = await newStatement()
    const screen = ui.screen()
    for (const label of [
      "Id*",
      "Title",
      "Serial",
      "Serial number",
      "Issuer as printed*",
      "Issued for*",
      "Signed by",
      "+ add a signer",
      "Channel",
      "+ add a relay",
      "Printed date",
      "Appeared*",
      "Language",
      "Excerpt",
      "+ add a media item",
      "Unconfirmed",
      "Document 1",
      "Paragraph 1",
      "Place 1",
      "Excerpt 1",
      "+ add a citation"
    ])
      expect(screen).toContain(label)
  })

  it("reads a date as it is typed and says beside the field what is wrong", async () => {
    const { ui } = await newStatement()
    await toField(ui, "Appeared")
    await ui.type("18 Rabi' al-Awwal 1436")
    await ui.see("→ Hijri: 9 January 2015")
    await ui.type("{backspace}{backspace}{backspace}{backspace}xyz")
    await ui.see("is not")
    await toField(ui, "Serial number")
    await ui.type("four")
    await ui.see("Expected a whole number")
  })

  it("saves with a reason as one revision, and the statement appears in the timeline", async () => {
    const { ui, access } = await newStatement()
    await fillStatement(ui)
    await ui.see("ready to save: Ctrl-S")
    await ui.type("{ctrl-s}")
    await ui.see("Why this change?")
    await ui.type("{enter}")
    // No reason, no save.
    expect(access.saves).toHaveLength(0)
    await ui.type("Seen on Telegram this morning{enter}")
    await ui.see("Saved revision 2: Seen on Telegram this morning")
    expect(access.saves).toEqual([{ id: "statement-8", reason: "Seen on Telegram this morning", basedOn: 1 }])
    await ui.see("rev 2")
    await ui.type("3")
    await ui.see("14 of 14 rows")
    await ui.type("/General Command{enter}")
    await ui.see('1 row hold "General Command"')
    await ui.see('Issuer as printed: "General Command of JAI"')
  })

  it("does not save while a field is wrong, and keeps what was typed", async () => {
    const { ui, access } = await newStatement()
    await toField(ui, "Issuer as printed")
    await ui.type("Somebody")
    await ui.type("{ctrl-s}")
    await ui.see("Some fields need attention")
    expect(access.saves).toHaveLength(0)
    expect(ui.screen()).toContain("Somebody")
    expect(ui.screen()).toContain("✘ Required.")
  })

  it("on a conflict says who saved first and when, and keeps the form", async () => {
    const { ui, access } = await newStatement()
    await fillStatement(ui)
    access.failNext({
      kind: "conflict",
      message: "changed",
      by: "Aisha",
      at: "2026-01-02T09:30:00.000Z",
      head: 2
    })
    await ui.type("{ctrl-s}New statement{enter}")
    const screen = await ui.see("Aisha saved revision 2 at 2026-01-02 09:30 UTC first")
    expect(screen).toContain("Your form is kept")
    expect(screen).toContain("General Command of JAI")
    expect(screen).toContain("New statement")
    // Saving again works once the store takes it.
    await ui.type("{ctrl-s}Second try{enter}")
    await ui.see("Saved revision 2: Second try")
  })

  it("on a store refusal or failure shows what the store said, and keeps the form", async () => {
    const { ui, access } = await newStatement()
    await fillStatement(ui)
    access.failNext({
      kind: "refused",
      message: "The change was refused, and nothing was saved.",
      problems: ['statement "statement-8": issuer.actor: names nothing in this case']
    })
    await ui.type("{ctrl-s}x{enter}")
    await ui.see("The change was refused, and nothing was saved.")
    await ui.see("names nothing in this case")
    expect(ui.screen()).toContain("General Command of JAI")
    access.failNext({ kind: "failed", message: "The store at /tmp/x could not be opened: disk I/O error." })
    await ui.type("{ctrl-s}x{enter}")
    await ui.see("disk I/O error")
    expect(ui.screen()).toContain("General Command of JAI")
  })

  it("Esc asks before throwing a form away", async () => {
    const { ui } = await newStatement()
    await toField(ui, "Title")
    await ui.type("A title")
    await ui.type("{escape}")
    await ui.see("Close this form without saving?")
    await ui.type("n")
    await ui.see("A title")
    await ui.type("{escape}y")
    await ui.waitFor((screen) => !screen.includes("New statement"), "the form closed")
  })

  it("adds and removes list entries", async () => {
    const { ui } = await newStatement()
    await toField(ui, "Excerpt")
    await ui.type("{down}{enter}")
    await ui.see("Media kind 1*")
    await ui.type("{right}")
    await ui.waitFor((screen) => /Media kind 1\*\s+photo/.test(screen), "photo chosen")
    await ui.type("{ctrl-d}")
    await ui.waitFor((screen) => !screen.includes("Media kind 1"), "the media entry removed")
  })
})

describe("claims and observations", () => {
  it("a claim form has the fields of its kind, and changes them with the kind", async () => {
    const access = memoryAccess()
    app = startApp(access, { rows: 50 })
    await app.see("Q: Is this the end")
    await app.type("3{end}c")
    const pledge = await app.see("New claim")
    expect(pledge).toContain("Pledger*")
    expect(pledge).toContain("Recipient*")
    // Made from the selected statement, about its issuer.
    expect(pledge).toMatch(/Made by statement\s+st-449/)
    expect(pledge).toMatch(/About\*\s+jai-syria/)
    await app.type("{right}")
    const acceptance = await app.waitFor((screen) => /Kind\*\s+acceptance/.test(screen), "an acceptance")
    expect(acceptance).toContain("Pledger*")
    await app.type("{right}{right}{right}{right}{right}")
    const denial = await app.waitFor((screen) => /Kind\*\s+denial/.test(screen), "a denial")
    expect(denial).toContain("Target*")
    expect(denial).not.toContain("Pledger")
  })

  it("an observation form has every field of an observation", async () => {
    const access = memoryAccess()
    app = startApp(access, { rows: 50 })
    await app.see("Q: Is this the end")
    await app.type("o")
    const screen = await app.see("New observation")
    for (const label of [
      "Kind*",
      "Actor*",
      "Source*",
      "Channel",
      "Under the banner of",
      "Date*",
      "Known",
      "What was seen*",
      "Expected",
      "Carried by",
      "Credibility",
      "Paragraph 1"
    ])
      expect(screen).toContain(label)
  })

  it("e edits the selected item with its fields filled in, its id fixed", async () => {
    const access = memoryAccess()
    app = startApp(access, { rows: 50 })
    await app.see("Q: Is this the end")
    await app.type("3{end}e")
    const screen = await app.see("Edit statement st-449")
    expect(screen).toContain("Leadership of JAI in Bilad al-Sham")
    expect(screen).toMatch(/Printed date 1\s+17 Rabi’ al-Awal 1436 → Hijri: 8 January 2015/)
    await app.type("{home}x")
    expect(app.screen()).not.toContain("st-449x")
  })
})

describe("undo", () => {
  it("u asks first, then undoes the latest revision", async () => {
    const { ui } = await newStatement()
    await fillStatement(ui)
    await ui.type("{ctrl-s}To undo{enter}")
    await ui.see("Saved revision 2")
    await ui.type("3")
    await ui.see("14 of 14 rows")
    // The selection on the last row, which the undo takes away.
    await ui.type("{end}u")
    await ui.see("Undo revision 2")
    await ui.type("n")
    await ui.see("Nothing was undone.")
    await ui.type("uy")
    await ui.see("Undone: revision 3 puts back what revision 2 changed.")
    await ui.type("3")
    await ui.see("13 of 13 rows")
    await ui.type("6")
    await ui.see("undid revision 2")
  })

  it("says so when there is nothing to undo, and when the store refuses", async () => {
    const access = memoryAccess()
    app = startApp(access)
    await app.see("Q: Is this the end")
    await app.type("u")
    await app.see("There is no revision to undo")
  })
})

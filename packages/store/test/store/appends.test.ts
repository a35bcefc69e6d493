/**
 * An append keeps the case it saved in memory: that case must be the one the store holds, read back
 * by another connection, and the case it was appended to must stay as it was (earlier revisions
 * are still read, and evaluations of them kept).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { writeCaseYaml } from "@allegiance/case-file/write-case"
import { exportHeader } from "@allegiance/case-file/export-header"
import { ManagedRuntime } from "effect"
import { afterAll, expect, it } from "vitest"
import type { CaseFile } from "@allegiance/domain"
import { appendItems } from "../../src/appends.ts"
import { exportCaseText, importCaseText, loadCaseFile } from "../../src/case-file.ts"
import * as NodeStore from "../../src/node.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-appends-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

it("keeps in memory the case the store holds after an append, and leaves the earlier one alone", async () => {
  const filename = join(directory, "store.db")
  const writer = ManagedRuntime.make(NodeStore.layer({ filename, checkIntegrity: false }))
  const reader = ManagedRuntime.make(NodeStore.layer({ filename, checkIntegrity: false }))
  try {
    const imported = await writer.runPromise(
      importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "test" })
    )
    const caseName = imported.caseName
    const before = await writer.runPromise(loadCaseFile(caseName))
    const beforeText = writeCaseYaml(before.caseFile)
    const appended = await writer.runPromise(
      appendItems(
        caseName,
        before.revision.number,
        [
          {
            kind: "statements",
            id: "st-appended",
            body: {
              id: "st-appended",
              title: "A new statement",
              issuer: { nameAsPrinted: "Ansar al-Islam", actor: "jai-syria" },
              channel: "ansarulislam-sh",
              observed: "10 January 2015",
              cites: [{ paragraph: 18 }]
            }
          },
          {
            kind: "claims",
            id: "cl-appended",
            body: {
              id: "cl-appended",
              kind: "disowning",
              scope: "jai-syria",
              channel: "ansarulsham",
              since: "9 January 2015",
              otherChannels: false,
              madeBy: { statement: "st-appended" },
              cites: [{ paragraph: 18 }]
            }
          }
        ],
        { author: "test", reason: "two new items" }
      )
    )
    expect(appended.result.revision.number).toBe(before.revision.number + 1)
    const readBack = await reader.runPromise(exportCaseText(caseName))
    expect(
      exportHeader({ caseName, revision: appended.result.revision.number }) + writeCaseYaml(appended.caseFile)
    ).toBe(readBack.text)
    expect(appended.caseFile.statements.at(-1)?.id).toBe("st-appended")
    expect(appended.caseFile.claims.at(-1)?.id).toBe("cl-appended")
    // Lists it did not add to are shared; the case it was appended to is unchanged.
    expect(appended.caseFile.actors).toBe(before.caseFile.actors)
    expect(writeCaseYaml(before.caseFile)).toBe(beforeText)
  } finally {
    await writer.dispose()
    await reader.dispose()
  }
})

const statement = (id: string) => ({
  kind: "statements",
  id,
  body: {
    id,
    title: `Statement ${id}`,
    issuer: { nameAsPrinted: "Ansar al-Islam", actor: "jai-syria" },
    channel: "ansarulislam-sh",
    observed: "10 January 2015",
    cites: [{ paragraph: 18 }]
  }
})

it("gives every revision of a run of appends its own lists, whichever is read first", async () => {
  const filename = join(directory, "run.db")
  const writer = ManagedRuntime.make(NodeStore.layer({ filename, checkIntegrity: false }))
  const reader = ManagedRuntime.make(NodeStore.layer({ filename, checkIntegrity: false }))
  try {
    const imported = await writer.runPromise(
      importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "test" })
    )
    const caseName = imported.caseName
    const start = await writer.runPromise(loadCaseFile(caseName))
    const held = start.caseFile.statements.length
    // Five appends with nothing read between them; then the cases they made are read out of order.
    const made: Array<{ readonly revision: number; readonly caseFile: CaseFile }> = []
    let head = start.revision.number
    for (let n = 1; n <= 5; n++) {
      const appended = await writer.runPromise(
        appendItems(caseName, head, [statement(`st-run-${n}`)], { author: "test", reason: `append ${n}` })
      )
      head = appended.result.revision.number
      made.push({ revision: head, caseFile: appended.caseFile })
    }
    // Nothing has built them yet.
    expect(
      made.every(({ caseFile }) => Object.getOwnPropertyDescriptor(caseFile, "statements")?.get !== undefined)
    ).toBe(true)
    for (const at of [3, 0, 4, 1, 2]) {
      const { revision, caseFile } = made[at]!
      expect(caseFile.statements.map((item) => item.id).slice(held)).toEqual(
        Array.from({ length: at + 1 }, (_, n) => `st-run-${n + 1}`)
      )
      expect(caseFile.statements.slice(0, held)).toEqual(start.caseFile.statements)
      const stored = await reader.runPromise(exportCaseText(caseName, { revision }))
      expect(exportHeader({ caseName, revision }) + writeCaseYaml(caseFile)).toBe(stored.text)
    }
    // Read twice, a list is the same list; the lists nothing was added to are the first case's.
    expect(made[4]!.caseFile.statements).toBe(made[4]!.caseFile.statements)
    expect(made[4]!.caseFile.claims).toBe(start.caseFile.claims)
    expect(start.caseFile.statements).toHaveLength(held)
  } finally {
    await writer.dispose()
    await reader.dispose()
  }
})

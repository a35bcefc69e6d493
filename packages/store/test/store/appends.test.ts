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
import { ManagedRuntime } from "effect"
import { afterAll, expect, it } from "vitest"
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
    expect(writeCaseYaml(appended.caseFile)).toBe(readBack.text)
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

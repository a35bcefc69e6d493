/**
 * What a store keeps in memory between requests (a token, a case's head) is dropped as soon as the
 * database changes, whoever changed it: two connections to one file stand for the server and an
 * `allegiance` command run beside it.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { bundledCaseText } from "@allegiance/case-file"
import { ManagedRuntime } from "effect"
import { afterAll, expect, it } from "vitest"
import { importCaseText } from "../../src/case-file.ts"
import * as EdgeNode from "../../src/edge-node.ts"
import { EdgeTables } from "../../src/edge-tables.ts"
import { Store } from "../../src/store.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-memo-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

it("sees another connection's revocation and write on the next lookup", async () => {
  const filename = join(directory, "store.db")
  const server = ManagedRuntime.make(EdgeNode.layer({ filename, checkIntegrity: false }))
  const command = ManagedRuntime.make(EdgeNode.layer({ filename, checkIntegrity: false }))
  try {
    const imported = await server.runPromise(
      importCaseText({ text: bundledCaseText(), fileName: "seed.yaml", author: "test" })
    )
    const caseName = imported.caseName
    await server.runPromise(
      EdgeTables.use((tables) =>
        tables.insertToken({
          id: "abcdefghijkl",
          label: "bot",
          secretHash: "0".repeat(64),
          scope: "read",
          cases: undefined,
          createdAt: "2026-01-01T00:00:00.000Z",
        })
      )
    )
    const lookUp = () => server.runPromise(EdgeTables.use((tables) => tables.findToken("abcdefghijkl")))
    const head = () => server.runPromise(Store.use((store) => store.head(caseName)))
    expect((await lookUp())?.revokedAt).toBeUndefined()
    const before = await head()
    // Asked again with nothing changed: the same answers, from memory.
    expect((await lookUp())?.revokedAt).toBeUndefined()
    expect((await head()).number).toBe(before.number)

    await command.runPromise(
      EdgeTables.use((tables) => tables.revokeToken("abcdefghijkl", "2026-01-02T00:00:00.000Z"))
    )
    expect((await lookUp())?.revokedAt).toBe("2026-01-02T00:00:00.000Z")

    await command.runPromise(
      Store.use((store) =>
        store.commit(
          caseName,
          before.number,
          [{ kind: "case", id: "case", body: { id: caseName, title: "Retitled" } }],
          {
            author: "another process",
            reason: "a new title"
          }
        )
      )
    )
    const after = await head()
    expect([after.number, after.author]).toEqual([before.number + 1, "another process"])
  } finally {
    await server.dispose()
    await command.dispose()
  }
})

/**
 * The store file shared by real processes: one killed with SIGKILL in the middle of a
 * large import, and two racing to save a change to the same case.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { DatabaseSync } from "node:sqlite"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import * as FileStore from "../../src/node.ts"
import { Store, type StoreShape } from "../../src/store.ts"
import { actorBody, smallCaseItems } from "../support/small-case.ts"

const directory = mkdtempSync(join(tmpdir(), "allegiance-processes-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const childScript = fileURLToPath(new URL("../support/store-child.ts", import.meta.url))

interface Child {
  readonly process: ChildProcessWithoutNullStreams
  readonly lines: Array<string>
  /** Resolves with the first line (seen so far or later) that matches. */
  readonly waitFor: (match: (line: string) => boolean) => Promise<string>
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

// The children start from the TypeScript sources; Node's compile cache, shared by the children of this
// file, spares each child after the first most of the cost of stripping and compiling them again.
const compileCache = join(directory, "compile-cache")

const startChild = (args: ReadonlyArray<string>, env: Record<string, string> = {}): Child => {
  const child = spawn(process.execPath, [childScript, ...args], {
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache, ...env }
  })
  const lines: Array<string> = []
  const waiters: Array<{ match: (line: string) => boolean; resolve: (line: string) => void }> = []
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line)
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  })
  let stderr = ""
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal }))
  )
  return {
    process: child,
    lines,
    exited,
    waitFor: (match) => {
      const seen = lines.find(match)
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve })
        void exited.then(() =>
          reject(
            new Error(`child exited before the expected line; it printed:\n${lines.join("\n")}\n${stderr}`)
          )
        )
      })
    }
  }
}

/** Every row of every store table, hashed: equal fingerprints mean an unchanged store. */
const fingerprint = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const hash = createHash("sha256")
    for (const table of ["allegiance_migrations", "cases", "revisions", "item_versions"]) {
      const columns = table === "allegiance_migrations" ? "migration_id, name" : "*"
      for (const row of db
        .prepare(
          `SELECT ${columns} FROM ${table} ORDER BY ${table === "allegiance_migrations" ? "1" : "1, 2, 3"}`
        )
        .all()) {
        hash.update(JSON.stringify(row))
      }
    }
    return hash.digest("hex")
  } finally {
    db.close()
  }
}

const onStore = <A, E>(f: (store: StoreShape) => Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    return yield* f(yield* Store)
  })

const withStore = <A, E>(file: string, body: Effect.Effect<A, E, Store>) =>
  Effect.runPromise(body.pipe(Effect.provide(FileStore.layer({ filename: file }))))

const smallCase = smallCaseItems("existing", 20)

describe("store file shared by processes", () => {
  it("a process killed with SIGKILL in the middle of a large import leaves the store intact and unchanged", async () => {
    const file = join(directory, "killed", "allegiance.db")
    await withStore(
      file,
      onStore((store) =>
        store.createCase("existing", smallCase, { author: "analyst", reason: "before the import" })
      )
    )
    const before = fingerprint(file)

    // About 14,000 items in some 30 insert statements; each step is held back so that the
    // kill lands while the transaction is open and writing.
    const child = startChild(["import", file, "5000", "big-import"], { STEP_PAUSE_MS: "100" })
    const halfway = await child.waitFor((line) => {
      const [word, done, total] = line.split(" ")
      return word === "progress" && Number(done) >= Number(total) / 3
    })
    expect(existsSync(`${file}-wal`)).toBe(true)
    child.process.kill("SIGKILL")
    const exit = await child.exited
    expect(exit.signal).toBe("SIGKILL")
    expect(child.lines.some((line) => line.startsWith("committed"))).toBe(false)
    expect(halfway).toMatch(/^progress \d+ \d+$/)

    // Reopening runs the integrity check; the half-written transaction is gone.
    const cases = await withStore(
      file,
      onStore((store) => store.listCases)
    )
    expect(cases.map((c) => c.name)).toEqual(["existing"])
    expect(fingerprint(file)).toBe(before)
    const db = new DatabaseSync(file, { readOnly: true })
    expect(db.prepare("PRAGMA integrity_check").all()).toEqual([{ integrity_check: "ok" }])
    db.close()
    expect(statSync(file).size).toBeGreaterThan(0)
  })

  it("the same import, left to finish, is committed whole", async () => {
    const file = join(directory, "finished", "allegiance.db")
    const child = startChild(["import", file, "500", "small-import"])
    const committed = await child.waitFor((line) => line.startsWith("committed"))
    await child.exited
    const snapshot = await withStore(
      file,
      onStore((store) => store.load("small-import"))
    )
    expect(committed).toBe(`committed 1 ${snapshot.items.length}`)
    expect(snapshot.items.filter((item) => item.kind === "statements").length).toBe(500)
  })

  it("two processes saving the same case at once: one is saved, the other gets a conflict", async () => {
    const file = join(directory, "race", "allegiance.db")
    await withStore(
      file,
      onStore((store) =>
        store.createCase(
          "shared",
          [
            ...smallCaseItems("shared", 0),
            { kind: "actors", id: "contested", body: actorBody("contested", "original") }
          ],
          { author: "analyst", reason: "start" }
        )
      )
    )
    const alice = startChild(["race", file, "shared", "alice"])
    const bob = startChild(["race", file, "shared", "bob"])
    await Promise.all([
      alice.waitFor((l) => l.startsWith("ready")),
      bob.waitFor((l) => l.startsWith("ready"))
    ])
    alice.process.stdin.write("go\n")
    bob.process.stdin.write("go\n")
    const outcomes = await Promise.all(
      [alice, bob].map((child) => child.waitFor((l) => l.startsWith("saved") || l.startsWith("refused")))
    )
    await Promise.all([alice.exited, bob.exited])
    const saved = outcomes.filter((line) => line.startsWith("saved"))
    const refused = outcomes.filter((line) => line.startsWith("refused"))
    expect(saved).toEqual(["saved 2"])
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatch(/^refused Conflict: .*based on revision 1, but the store now holds revision 2/)
    const winner = outcomes[0]?.startsWith("saved") ? "alice" : "bob"
    const snapshot = await withStore(
      file,
      onStore((store) => store.load("shared"))
    )
    expect(snapshot.revision.number).toBe(2)
    expect(snapshot.items.find((item) => item.id === "contested")?.body).toEqual(
      actorBody("contested", `${winner}'s wording`)
    )
  })
})

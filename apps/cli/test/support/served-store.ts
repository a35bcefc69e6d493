/**
 * `allegiance serve` on loopback (port 0) over a new store in a temporary folder, with one token made
 * by `allegiance token create`: what end-to-end tests of the served API start, and stop when done.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { allegianceBin } from "./installed-command.ts"

export interface ServedStore {
  /** Where the server listens, e.g. http://127.0.0.1:41234. */
  readonly url: string
  /** The token made before the server started. */
  readonly token: string
  /** Stops the server and removes the folder. */
  readonly stop: () => Promise<void>
}

export const serveStore = async (options: {
  readonly scope: "read" | "write" | "admin"
  readonly label: string
}): Promise<ServedStore> => {
  const folder = mkdtempSync(join(tmpdir(), "allegiance-served-"))
  const db = join(folder, "store.db")
  const made = spawnSync(
    process.execPath,
    [allegianceBin, "token", "create", "--scope", options.scope, "--label", options.label, "--db", db],
    { encoding: "utf8" }
  )
  if (made.status !== 0) {
    rmSync(folder, { recursive: true, force: true })
    throw new Error(`token create exited ${made.status}: ${made.stderr}`)
  }
  const server: ChildProcess = spawn(process.execPath, [allegianceBin, "serve", "--port", "0", "--db", db], {
    stdio: ["ignore", "ignore", "pipe"]
  })
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve))
      server.kill("SIGTERM")
      await exited
    }
    rmSync(folder, { recursive: true, force: true })
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let said = ""
      server.stderr!.on("data", (chunk: Buffer) => {
        said += chunk.toString()
        const found = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(said)
        if (found !== null) resolve(found[1]!)
      })
      server.once("exit", (code) => reject(new Error(`serve exited (${code}): ${said}`)))
    })
    return { url, token: made.stdout.trim(), stop }
  } catch (error) {
    await stop()
    throw error
  }
}

import { existsSync } from "node:fs"
import { getPriority } from "node:os"
import { Worker } from "node:worker_threads"
import { describe, expect, it } from "vitest"

// Where a thread has its own priority (Linux), the reasoning's thread gives way to the one that draws,
// and only its own: the thread that draws keeps the process's priority.
describe.skipIf(!existsSync("/proc/thread-self"))("the reasoning's thread", () => {
  it("runs below the priority of the thread that draws", async () => {
    const before = getPriority(0)
    const module = new URL("../src/reasoning/yield-to-drawing.ts", import.meta.url).href
    const worker = new Worker(
      `import { readlinkSync } from "node:fs"
       import { parentPort } from "node:worker_threads"
       const { yieldToDrawing } = await import(${JSON.stringify(module)})
       yieldToDrawing()
       parentPort.postMessage(Number(readlinkSync("/proc/thread-self").split("/").at(-1)))`,
      { eval: true, type: "module" } as never
    )
    const thread = await new Promise<number>((resolve, reject) => {
      worker.once("message", resolve)
      worker.once("error", reject)
    })
    try {
      // Below normal, or the lower priority the process already had.
      expect(getPriority(thread)).toBeGreaterThanOrEqual(Math.max(before, 10))
      expect(getPriority(thread)).toBeGreaterThan(0)
      expect(getPriority(0)).toBe(before)
    } finally {
      await worker.terminate()
    }
  })
})

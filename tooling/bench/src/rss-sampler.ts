import { Worker } from "node:worker_threads"

/**
 * Samples the process's resident memory every few milliseconds from a worker thread: the work measured is
 * synchronous and would starve a timer on the main thread. `peak()` gives the highest RSS seen since the
 * last call, in bytes.
 */
export const rssSampler = () => {
  const worker = new Worker(
    `const { parentPort } = require("node:worker_threads")
     let peak = 0
     const tick = () => { peak = Math.max(peak, process.memoryUsage.rss()) }
     const timer = setInterval(tick, 5)
     parentPort.on("message", (message) => {
       tick()
       parentPort.postMessage(peak)
       peak = 0
       if (message === "stop") clearInterval(timer)
     })`,
    { eval: true }
  )
  const ask = (message: "peak" | "stop") =>
    new Promise<number>((resolve) => {
      worker.once("message", resolve)
      worker.postMessage(message)
    })
  return {
    peak: () => ask("peak"),
    stop: async () => {
      await ask("stop")
      await worker.terminate()
    }
  }
}

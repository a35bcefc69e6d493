import { Worker } from "node:worker_threads"

/**
 * Samples the process's resident memory every few milliseconds from a worker thread: the work measured is
 * synchronous and would starve a timer on the main thread. `peak()` gives the highest RSS seen since the
 * last call, in bytes. With `reportToStdout`, the worker also writes "RSS <bytes>" lines to standard
 * output (straight, since a worker's console waits for the busy main thread) whenever the peak grows, so
 * that a parent process knows the peak so far even if it has to stop a run that takes too long.
 */
export const rssSampler = (options: { readonly reportToStdout?: boolean } = {}) => {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads")
     const { writeSync } = require("node:fs")
     let peak = 0
     let reported = 0
     const tick = () => { peak = Math.max(peak, process.memoryUsage.rss()) }
     const timer = setInterval(tick, 5)
     const report = workerData.reportToStdout
       ? setInterval(() => { if (peak > reported) { reported = peak; writeSync(1, "RSS " + peak + "\\n") } }, 1000)
       : undefined
     parentPort.on("message", (message) => {
       tick()
       parentPort.postMessage(peak)
       peak = 0
       reported = 0
       if (message === "stop") { clearInterval(timer); clearInterval(report) }
     })`,
    { eval: true, workerData: { reportToStdout: options.reportToStdout === true } }
  )
  const ask = (message: "peak" | "stop") =>
    new Promise<number>((resolve) => {
      worker.once("message", resolve)
      worker.postMessage(message)
    })
  return {
    /** The highest RSS seen since the last call, in bytes. */
    peak: () => ask("peak"),
    stop: async () => {
      await ask("stop")
      await worker.terminate()
    }
  }
}

/**
 * Timing whole processes: wall time, peak memory and exit status of a command, read by a small Python
 * wrapper (`resource.getrusage` of its children), so that the figures belong to that process alone and
 * include its start and its exit, as a user (or ICCMA) times a command.
 */
import { spawnSync } from "node:child_process"

export interface Measure {
  readonly seconds: number
  readonly peakMb: number
  readonly status: number
}

// Runs a command with its output thrown away and reports its wall time, peak RSS and exit status.
const measureScript = `
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
`

export const measureOnce = (
  command: ReadonlyArray<string>,
  env: NodeJS.ProcessEnv = process.env
): Measure => {
  const result = spawnSync("python3", ["-c", measureScript, ...command], { encoding: "utf8", env })
  if (result.status !== 0) throw new Error(`could not time ${command.join(" ")}: ${result.stderr}`)
  const [seconds, kilobytes, status] = result.stdout.trim().split(" ").map(Number) as [number, number, number]
  return { seconds, peakMb: kilobytes / 1024, status }
}

export const median = (values: ReadonlyArray<number>) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The median of `runs` runs after one to warm up; `beforeEach` (untimed) sets each run up alike. */
export const measure = (
  command: ReadonlyArray<string>,
  runs: number,
  env?: NodeJS.ProcessEnv,
  beforeEach?: () => void
): Measure => {
  beforeEach?.()
  measureOnce(command, env) // warm the disk cache and Node's compile cache
  const all = Array.from({ length: runs }, () => {
    beforeEach?.()
    return measureOnce(command, env)
  })
  return {
    seconds: median(all.map((m) => m.seconds)),
    peakMb: Math.max(...all.map((m) => m.peakMb)),
    status: all[0]!.status
  }
}

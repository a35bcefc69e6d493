/**
 * Edge API load: autocannon against `allegiance serve`'s server on loopback, beside a bare Hono
 * hello-world route served the same way (@hono/node-server, same process) as the floor.
 *
 *   pnpm --filter @allegiance/bench run bench:api
 *   pnpm --filter @allegiance/bench run bench:api -- --seconds=5 --soak=20 --size=10000   (a quicker look)
 *
 * In one run and one process: the server (the app over a store file holding the seed case and a
 * generated case of `--size` statements, 100k by default) runs on this thread; autocannon fires from a
 * worker thread, so that the client does not take the server's thread. Each measured run is bounded in
 * time (`--seconds`) and in request count. Per case it prints requests per second and p50/p99 latency
 * for the floor, a verdict read, an item read and a statement write, each beside the floor run with the
 * same number of connections, with the server thread's CPU time per request (steadier than throughput
 * where other work shares the machine), and whether the issue's targets hold:
 * - verdict reads at least half the floor's throughput, p99 under 25 ms;
 * - statement writes on the large case at least 100 per second, p99 under 100 ms;
 * - no error of any kind (connection errors, timeouts, non-2xx answers);
 * - no memory growth over a 60 s run of reads (`--soak`): the heap after a collection at its end
 *   within 5% of the heap after a collection at its start; RSS and heap sampled every second.
 *
 * Reads are served from the evaluation cache: each case's verdicts are read once before measuring (a
 * whole evaluation of the large case takes seconds, and is the reasoning's cost, not the API's), and
 * that first read is printed. So is the first write, which checks the whole case once before appends
 * are checked against what they name. Writes go through one connection, each based on the revision the last
 * answer gave (`If-Match`), so every write is valid: the write run measures one client writing as fast
 * as the server lets it.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { startServer } from "@allegiance/api/node"
import { generateCaseInput } from "@allegiance/case-generator"
import { issueToken } from "@allegiance/service"
import { importCaseText, seedBundledCase } from "@allegiance/store"
import * as EdgeNode from "@allegiance/store/edge-node"
import { serve } from "@hono/node-server"
import autocannon, { type Options, type Result } from "autocannon"
import { ManagedRuntime } from "effect"
import { Hono } from "hono"

const option = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`))
  return given === undefined ? fallback : Number(given.slice(name.length + 3))
}
const SIZE = option("size", 100_000)
const SECONDS = option("seconds", 10)
const SOAK_SECONDS = option("soak", 60)
const READ_CONNECTIONS = 10
/** Bounds every run by count as well as time: far above what a run of SECONDS can reach here. */
const MAX_READS = 2_000_000
const MAX_WRITES = 100_000
const TARGET = { readRatio: 0.5, readP99Ms: 25, writesPerSecond: 100, writeP99Ms: 100, heapGrowth: 0.05 }

const nextWrite = fileURLToPath(new URL("./api-load/next-write.ts", import.meta.url))
const written = fileURLToPath(new URL("./api-load/written.ts", import.meta.url))

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")
const collect = () => (globalThis as { gc?: () => void }).gc?.()

/** A run, and the CPU time the server's thread (this one) spent in it. */
const fire = async (options: Options) => {
  const before = process.threadCpuUsage()
  const result = await new Promise<Result>((resolve, reject) => {
    autocannon({ workers: 1, duration: SECONDS, ...options }, (error, done) =>
      error ? reject(error) : resolve(done)
    )
  })
  const spent = process.threadCpuUsage(before)
  return { ...result, serverCpuMicros: spent.user + spent.system }
}

interface Measured {
  readonly label: string
  readonly connections: number
  readonly perSecond: number
  readonly p50: number
  readonly p99: number
  readonly errors: number
  /** Server CPU time per request: steadier than throughput on a machine others share. */
  readonly cpuMicros: number
  readonly result: Result
}

const measured = (
  label: string,
  connections: number,
  result: Result & { serverCpuMicros: number }
): Measured => ({
  label,
  connections,
  perSecond: result.requests.total / Math.max(result.duration, 1e-9),
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  cpuMicros: result.serverCpuMicros / Math.max(result.requests.total, 1),
  result
})

const statusesOf = (result: Result) =>
  Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}×${count}`)
    .join(" ")

const row = (run: Measured, floor: Measured | undefined, verdict = "") => {
  const ratio = floor === undefined ? "" : (run.perSecond / floor.perSecond).toFixed(2)
  const errors = run.errors === 0 ? "0" : `${run.errors} (${statusesOf(run.result)})`
  console.log(
    `  ${run.label.padEnd(44)} ${String(run.connections).padStart(5)} ${run.perSecond.toFixed(0).padStart(8)} ${`${run.p50} ms`.padStart(8)} ${`${run.p99} ms`.padStart(8)} ${ratio.padStart(9)} ${`${run.cpuMicros.toFixed(0)} µs`.padStart(10)} ${errors.padStart(7)}  ${verdict}`
  )
}
const header = () =>
  console.log(
    `  ${"".padEnd(44)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"vs floor".padStart(9)} ${"cpu/req".padStart(10)} ${"errors".padStart(7)}`
  )

const failures: Array<string> = []
const judge = (what: string, holds: boolean) => {
  if (!holds) failures.push(what)
  return holds ? "meets target" : "MISSES target"
}

const main = async () => {
  console.log(`API load benchmark: ${cpus().length} cores, load average ${load()} at the start`)
  const folder = mkdtempSync(join(tmpdir(), "allegiance-bench-api-"))
  const db = join(folder, "store.db")
  const bigCase = `generated-${SIZE}`

  // The store: the seed case, a generated case, and a write token, saved before the server opens it.
  let started = performance.now()
  const input = generateCaseInput({ statements: SIZE, seed: 1 })
  const generatedStatements = input.statements ?? []
  const generatedChannels = input.channels ?? []
  const inputText = JSON.stringify(input)
  const generatedMs = performance.now() - started
  const setup = ManagedRuntime.make(EdgeNode.layer({ filename: db, onCreate: seedBundledCase }))
  started = performance.now()
  await setup.runPromise(
    importCaseText({ text: inputText, fileName: "generated.json", author: "bench", caseName: bigCase })
  )
  const importedMs = performance.now() - started
  const { token } = await setup.runPromise(issueToken({ scope: "write", label: "load bench" }))
  await setup.dispose()
  console.log(
    `setup: ${SIZE} statements generated in ${(generatedMs / 1000).toFixed(1)} s, imported in ${(importedMs / 1000).toFixed(1)} s`
  )

  const hello = new Hono().get("/", (c) => c.text("Hello, world!"))
  const floorServer = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch: hello.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(server))
  })
  const floorUrl = `http://127.0.0.1:${(floorServer.address() as { port: number }).port}/`
  // The rate limit stays on (every request is counted, as in production), set above what a run sends.
  const api = await startServer({ db, port: 0, rateLimit: { limit: 1_000_000_000, windowSeconds: 60 } })
  const auth = { authorization: `Bearer ${token}` }
  const get = async (path: string) => {
    const response = await fetch(`${api.url}${path}`, { headers: auth })
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
    return response.json() as Promise<Record<string, unknown>>
  }

  const floors = new Map<number, Measured>()
  const floorFor = async (connections: number) => {
    const result = await fire({ url: floorUrl, connections, maxOverallRequests: MAX_READS })
    const run = measured("hello-world (floor)", connections, result)
    floors.set(connections, run)
    return run
  }

  const cases = [
    {
      name: "jai-syria-allegiance-2015",
      about: "the seed case",
      asOf: "2015-02-01",
      verdictOf: "st-449",
      itemOf: "st-449",
      template: {
        title: "A new statement on the group's new account",
        issuer: { nameAsPrinted: "Ansar al-Islam", actor: "jai-syria" },
        channel: "ansarulislam-sh",
        observed: "10 January 2015",
        cites: [{ paragraph: 18 }]
      },
      large: false
    },
    (() => {
      const channel = generatedChannels.find((found) => found.speaksFor !== undefined)!
      const middle = generatedStatements[Math.floor(generatedStatements.length / 2)]!
      return {
        name: bigCase,
        about: `a generated case of ${SIZE} statements`,
        asOf: "2016-12-31",
        verdictOf: middle.id,
        itemOf: middle.id,
        template: {
          title: "A statement as it appears",
          issuer: { nameAsPrinted: channel.handle ?? channel.id, actor: channel.speaksFor! },
          channel: channel.id,
          observed: "1 January 2016",
          cites: [{ paragraph: 1 }]
        },
        large: true
      }
    })()
  ]

  for (const kase of cases) {
    const base = `/cases/${kase.name}`
    const verdictPath = `${base}/verdicts/${kase.verdictOf}?asOf=${kase.asOf}`
    const itemPath = `${base}/statements/${kase.itemOf}`
    started = performance.now()
    const first = (await get(verdictPath)) as { verdict: { status: string } }
    const coldMs = performance.now() - started
    console.log(
      `\n${kase.name} (${kase.about}): first verdict read ${(coldMs / 1000).toFixed(2)} s (a whole evaluation, ` +
        `cached per case, revision and day; every run below reads from the cache). ${kase.verdictOf} is ${first.verdict.status} as of ${kase.asOf}.`
    )
    header()
    const floor = await floorFor(READ_CONNECTIONS)
    row(floor, undefined)
    const verdicts = measured(
      `GET ${verdictPath.replace(base, "…")}`,
      READ_CONNECTIONS,
      await fire({
        url: `${api.url}${verdictPath}`,
        headers: auth,
        connections: READ_CONNECTIONS,
        maxOverallRequests: MAX_READS
      })
    )
    row(
      verdicts,
      floor,
      judge(
        `${kase.name}: verdict reads`,
        verdicts.perSecond >= TARGET.readRatio * floor.perSecond &&
          verdicts.p99 < TARGET.readP99Ms &&
          verdicts.errors === 0
      )
    )
    const items = measured(
      `GET ${itemPath.replace(base, "…")}`,
      READ_CONNECTIONS,
      await fire({
        url: `${api.url}${itemPath}`,
        headers: auth,
        connections: READ_CONNECTIONS,
        maxOverallRequests: MAX_READS
      })
    )
    row(items, floor, items.errors === 0 ? "" : judge(`${kase.name}: item reads without errors`, false))
    const oneFloor = await floorFor(1)
    row(oneFloor, undefined)
    // One write first, not measured: the first append to a case checks the whole case once (is it
    // sound, and which ids it holds), then each append is checked against what it names.
    const warmHead = ((await get(base)) as { revision: { number: number } }).revision.number
    started = performance.now()
    const warm = await fetch(`${api.url}${base}/statements`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", "if-match": `"r${warmHead}"` },
      body: JSON.stringify({
        reason: "load test: the first write",
        item: { ...kase.template, id: "st-load-first" }
      })
    })
    if (warm.status !== 201) throw new Error(`the first write: ${warm.status} ${await warm.text()}`)
    console.log(
      `  the first write took ${(performance.now() - started).toFixed(0)} ms (the whole case checked once); the run below starts after it.`
    )
    const head = ((await get(base)) as { revision: { number: number } }).revision.number
    const writes = measured(
      "POST …/statements (If-Match, one client)",
      1,
      await fire({
        url: api.url,
        connections: 1,
        maxOverallRequests: MAX_WRITES,
        initialContext: {
          revision: head,
          prefix: `st-load-${kase.large ? "l" : "s"}`,
          n: 0,
          template: kase.template
        },
        requests: [
          {
            method: "POST",
            path: `${base}/statements`,
            headers: auth,
            setupRequest: nextWrite,
            onResponse: written
          }
        ]
      })
    )
    const after = ((await get(base)) as { revision: { number: number } }).revision.number
    row(
      writes,
      oneFloor,
      kase.large
        ? judge(
            `${kase.name}: statement writes`,
            writes.perSecond >= TARGET.writesPerSecond &&
              writes.p99 < TARGET.writeP99Ms &&
              writes.errors === 0
          )
        : writes.errors === 0
          ? ""
          : judge(`${kase.name}: writes without errors`, false)
    )
    console.log(
      `  ${after - head} revisions written (${head} → ${after}), one per 201; a write's If-Match named the head each time.`
    )
  }

  // The soak: reads of the large case for SOAK_SECONDS, memory sampled every second.
  const large = cases[1]!
  const base = `/cases/${large.name}`
  const ids = Array.from(
    { length: 8 },
    (_, at) => generatedStatements[Math.floor(((at + 1) * SIZE) / 10)]!.id
  )
  for (const id of ids) await get(`${base}/verdicts/${id}?asOf=${large.asOf}`)
  collect()
  const startMemory = process.memoryUsage()
  let peakRss = startMemory.rss
  let peakHeap = startMemory.heapUsed
  const sampler = setInterval(() => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }, 1000)
  const soak = measured(
    `verdict and item reads, ${ids.length} items each`,
    READ_CONNECTIONS,
    await fire({
      url: api.url,
      connections: READ_CONNECTIONS,
      duration: SOAK_SECONDS,
      maxOverallRequests: 100 * MAX_READS,
      requests: ids.flatMap((id) => [
        { method: "GET", path: `${base}/verdicts/${id}?asOf=${large.asOf}`, headers: auth },
        { method: "GET", path: `${base}/statements/${id}`, headers: auth }
      ])
    })
  )
  clearInterval(sampler)
  const endBeforeCollection = process.memoryUsage()
  collect()
  const endMemory = process.memoryUsage()
  const growth = (endMemory.heapUsed - startMemory.heapUsed) / startMemory.heapUsed
  console.log(`\nsoak: ${SOAK_SECONDS} s on ${large.name}`)
  header()
  row(soak, floors.get(READ_CONNECTIONS), soak.errors === 0 ? "" : judge("soak without errors", false))
  console.log(
    `  heap: ${mb(startMemory.heapUsed)} at the start, ${mb(endBeforeCollection.heapUsed)} at the end, ${mb(endMemory.heapUsed)} after a collection (${(growth * 100).toFixed(1)}%), peak ${mb(peakHeap)}   ` +
      judge("no memory growth over the soak", growth <= TARGET.heapGrowth)
  )
  console.log(
    `  RSS:  ${mb(startMemory.rss)} at the start, ${mb(endBeforeCollection.rss)} at the end, ${mb(endMemory.rss)} after a collection, peak ${mb(peakRss)}`
  )

  await api.close()
  await new Promise((resolve) => floorServer.close(resolve))
  rmSync(folder, { recursive: true, force: true })
  console.log(`\nload average ${load()} at the end`)
  if (failures.length > 0) {
    console.log(`targets missed: ${failures.join("; ")}`)
    process.exitCode = 1
  } else console.log("every target met")
}

await main()

/**
 * What a request of the edge API costs, layer by layer, in one process and without a socket: the
 * server CPU time of each piece beside a floor measured in the same run, so that a figure of
 * `bench:api` can be read as "this much is HTTP, this much the app, this much the store".
 *
 *   pnpm --filter @allegiance/bench run bench:api-costs
 *   pnpm --filter @allegiance/bench run bench:api-costs -- --size=10000   (a quicker look)
 *
 * Reads (the seed case, a verdict as of a day): a bare Hono hello-world route's `fetch` (the floor);
 * the app's `fetch` answering from the answers it keeps (what Workers and `app.request` serve; on
 * Node, `allegiance serve` answers such a read on the socket before any `fetch`, see
 * `apps/api/src/http/node-answers.ts`, and `bench:api` measures that); the same read worked out by
 * the routes (the app keeping no answers: validation, the cached evaluation, serialization); each
 * per request, after a warm-up.
 *
 * Writes (a generated case of `--size` statements, 100k by default, one statement each): a bare
 * Effect run through the app's runtime (the floor); the store's head; the store's append
 * (`appendItems`: checks, saves one revision, keeps the case in memory); the service's `createItem`
 * (the append with its 409 check and the verdict changes' bookkeeping); the app's `fetch` of a POST
 * (all of it, HTTP validation and the answer included). CPU time and wall time are printed: on this
 * path SQLite's write (the WAL) is part of the wall time.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { makeApp } from "@allegiance/api/app"
import { apiServices } from "@allegiance/api/services"
import { generateCaseInput } from "@allegiance/case-generator"
import { CaseService, issueToken } from "@allegiance/service"
import { importCaseText, seedBundledCase } from "@allegiance/store"
import { appendItems } from "@allegiance/store/appends"
import * as EdgeNode from "@allegiance/store/edge-node"
import { Store } from "@allegiance/store/store"
import { Effect, ManagedRuntime } from "effect"
import { Hono } from "hono"

const option = (name: string, fallback: number) => {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`))
  return given === undefined ? fallback : Number(given.slice(name.length + 3))
}
const SIZE = option("size", 100_000)
const READS = option("reads", 20_000)
const WRITES = option("writes", 300)

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")

interface Cost {
  readonly cpuMicros: number
  readonly wallMicros: number
}

/** CPU and wall time per call of `run`, `count` times one after another, after `warm` unmeasured calls. */
const cost = async (
  count: number,
  run: (n: number) => unknown,
  warm = Math.min(200, count)
): Promise<Cost> => {
  for (let n = 0; n < warm; n++) await run(-1 - n)
  const cpu = process.threadCpuUsage()
  const started = performance.now()
  for (let n = 0; n < count; n++) await run(n)
  const spent = process.threadCpuUsage(cpu)
  return {
    cpuMicros: (spent.user + spent.system) / count,
    wallMicros: ((performance.now() - started) * 1000) / count
  }
}

const line = (label: string, measured: Cost, floor?: Cost) =>
  console.log(
    `  ${label.padEnd(52)} ${`${measured.cpuMicros.toFixed(1)} µs`.padStart(11)} ${`${measured.wallMicros.toFixed(1)} µs`.padStart(11)} ${(floor === undefined ? "" : `${(measured.cpuMicros / floor.cpuMicros).toFixed(1)}×`).padStart(9)}`
  )
const header = (title: string) =>
  console.log(
    `\n${title}\n  ${"".padEnd(52)} ${"CPU".padStart(11)} ${"wall".padStart(11)} ${"vs floor".padStart(9)}`
  )

const drained = async (response: Response | Promise<Response>, status: number) => {
  const answered = await response
  const text = await answered.text()
  if (answered.status !== status)
    throw new Error(`expected ${status}, got ${answered.status}: ${text.slice(0, 300)}`)
}

const main = async () => {
  console.log(`API costs by layer: ${cpus().length} cores, load average ${load()} at the start`)
  const folder = mkdtempSync(join(tmpdir(), "allegiance-bench-api-costs-"))
  const db = join(folder, "store.db")
  const bigCase = `generated-${SIZE}`
  const input = generateCaseInput({ statements: SIZE, seed: 1 })
  const setup = ManagedRuntime.make(EdgeNode.layer({ filename: db, onCreate: seedBundledCase }))
  await setup.runPromise(
    importCaseText({
      text: JSON.stringify(input),
      fileName: "generated.json",
      author: "bench",
      caseName: bigCase
    })
  )
  const { token } = await setup.runPromise(issueToken({ scope: "write", label: "costs bench" }))
  await setup.dispose()

  const runtime = ManagedRuntime.make(
    apiServices(EdgeNode.layer({ filename: db, checkIntegrity: false }), {
      rateLimit: { limit: 1_000_000_000, windowSeconds: 60 }
    })
  )
  const app = makeApp({ runtime })
  const routesOnly = makeApp({ runtime, keptAnswers: 0 })
  const headers = { authorization: `Bearer ${token}` }

  // Reads.
  const hello = new Hono().get("/", (c) => c.text("Hello, world!"))
  const verdict = "http://api.test/cases/jai-syria-allegiance-2015/verdicts/st-449?asOf=2015-02-01"
  await drained(app.fetch(new Request(verdict, { headers })), 200)
  header(`reads: GET ${new URL(verdict).pathname}${new URL(verdict).search}, ${READS} each`)
  const helloFloor = await cost(READS, () => drained(hello.fetch(new Request("http://api.test/")), 200))
  line("hello-world fetch (floor)", helloFloor)
  line(
    "app fetch, answered from the kept answer",
    await cost(READS, () => drained(app.fetch(new Request(verdict, { headers })), 200)),
    helloFloor
  )
  line(
    "app fetch, 304 for If-None-Match",
    await cost(READS, () =>
      drained(
        app.fetch(new Request(verdict, { headers: { ...headers, "if-none-match": '"r1;2015-02-01"' } })),
        304
      )
    ),
    helloFloor
  )
  line(
    "app fetch, worked out by the routes (nothing kept)",
    await cost(Math.ceil(READS / 4), () => drained(routesOnly.fetch(new Request(verdict, { headers })), 200)),
    helloFloor
  )

  // Writes.
  const store = await runtime.runPromise(CaseService.use((service) => Effect.succeed(service.store)))
  const generatedChannel = (input.channels ?? []).find((found) => found.speaksFor !== undefined)!
  const body = (id: string) => ({
    id,
    title: "A statement as it appears",
    issuer: {
      nameAsPrinted: generatedChannel.handle ?? generatedChannel.id,
      actor: generatedChannel.speaksFor!
    },
    channel: generatedChannel.id,
    observed: "1 January 2016",
    cites: [{ paragraph: 1 }]
  })
  let head = (await runtime.runPromise(store.head(bigCase))).number
  let serial = 0
  const meta = { author: "costs bench", reason: "a statement" }
  // The first append checks the whole case once; every later one only what it names.
  const started = performance.now()
  head = (
    await runtime.runPromise(
      appendItems(
        bigCase,
        head,
        [{ kind: "statements", id: "st-costs-first", body: body("st-costs-first") }],
        meta
      ).pipe(Effect.provideService(Store, store))
    )
  ).result.revision.number
  console.log(
    `\nwrites on ${bigCase}: the first append took ${(performance.now() - started).toFixed(0)} ms (the whole case checked once)`
  )
  header(`writes: one statement each, ${WRITES} each`)
  const effectFloor = await cost(WRITES * 10, () => runtime.runPromise(Effect.void))
  line("an Effect run through the app's runtime (floor)", effectFloor)
  line("store head", await cost(WRITES * 10, () => runtime.runPromise(store.head(bigCase))), effectFloor)
  line(
    "store append (appendItems)",
    await cost(WRITES, async () => {
      const id = `st-costs-a${serial++}`
      const appended = await runtime.runPromise(
        appendItems(bigCase, head, [{ kind: "statements", id, body: body(id) }], meta).pipe(
          Effect.provideService(Store, store)
        )
      )
      head = appended.result.revision.number
    }),
    effectFloor
  )
  line(
    "service createItem",
    await cost(WRITES, async () => {
      const id = `st-costs-s${serial++}`
      const written = await runtime.runPromise(
        CaseService.use((service) =>
          service.createItem(bigCase, "statements", body(id), {
            ...meta,
            precondition: { kind: "revision", revision: head }
          })
        )
      )
      head = written.revision.number
    }),
    effectFloor
  )
  line(
    "app fetch of POST …/statements (If-Match)",
    await cost(WRITES, async () => {
      const id = `st-costs-h${serial++}`
      const answered = await app.fetch(
        new Request(`http://api.test/cases/${bigCase}/statements`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "if-match": `"r${head}"` },
          body: JSON.stringify({ reason: "a statement", item: body(id) })
        })
      )
      const text = await answered.text()
      if (answered.status !== 201) throw new Error(`POST: ${answered.status} ${text.slice(0, 300)}`)
      head = Number(/"r(\d+)"/.exec(answered.headers.get("etag") ?? "")?.[1] ?? head + 1)
    }),
    effectFloor
  )
  await runtime.dispose()
  rmSync(folder, { recursive: true, force: true })
  console.log(`\nload average ${load()} at the end`)
}

await main()

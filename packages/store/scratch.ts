import { Effect } from "effect"
import { loadCaseFile } from "./src/case-file.ts"
import * as FileStore from "./src/node.ts"
import { Store } from "./src/store.ts"
await Effect.runPromise(Effect.gen(function* () {
  const store = yield* Store
  let t = performance.now()
  const a = yield* loadCaseFile("bench")
  console.log("cold", (performance.now() - t).toFixed(0))
  const first = a.caseFile.actors[0]!
  const head = yield* store.head("bench")
  yield* store.commit("bench", head.number, [{ kind: "actors", id: first.id, body: { ...JSON.parse(JSON.stringify((yield* store.load("bench", undefined, { skipBody: (i) => i.kind !== "actors" })).items.find((i) => i.id === first.id)!.body)), description: `edited ${Date.now()}` } }], { author: "x", reason: "y" })
  t = performance.now()
  const b = yield* loadCaseFile("bench")
  console.log("warm after one change", (performance.now() - t).toFixed(0), b.revision.number)
  t = performance.now()
  yield* loadCaseFile("bench")
  console.log("warm unchanged", (performance.now() - t).toFixed(0))
}).pipe(Effect.provide(FileStore.layer({ filename: "/tmp/bench100k.db" }))))

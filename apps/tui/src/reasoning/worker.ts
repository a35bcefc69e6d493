/**
 * The reasoning worker's entry: loads the case from the store (on its own connection), then answers the
 * UI's requests one at a time. Evaluating a large case takes seconds; here it keeps the UI's thread free
 * to draw and take keys. Verdict histories are worked out a day at a time between other requests.
 */
import { parentPort, workerData } from "node:worker_threads"
import type { AccessProblem } from "../access/case-access.ts"
import { storeSession } from "../access/store-session.ts"
import { CaseReasoner } from "./case-reasoner.ts"
import type { Envelope, Reply, WorkerStart } from "./protocol.ts"

const port = parentPort!
const start = workerData as WorkerStart
const store = storeSession(start)
const send = (reply: Reply) => port.postMessage(reply)
const fail = (request: number, problem: AccessProblem) =>
  send({ type: "answer", request, ok: false, problem })
const answer = (request: number, value: unknown) => send({ type: "answer", request, ok: true, value })

const reasoner: Promise<CaseReasoner | AccessProblem> = store
  .load()
  .then((loaded) => (loaded.ok ? new CaseReasoner(loaded.value.caseFile) : loaded.problem))

/** Histories being worked out, by request number: each takes one step per turn of the queue. */
const histories = new Map<number, Generator<unknown, void, void>>()
let queue: Promise<void> = Promise.resolve()
/** Runs requests one after another, never two at once. */
const enqueue = (work: () => Promise<void> | void) => {
  queue = queue.then(work).catch((error: unknown) => {
    console.error(error)
  })
}

const stepHistories = () => {
  const next = histories.entries().next()
  if (next.done === true) return
  const [request, steps] = next.value
  enqueue(() => {
    if (!histories.has(request)) return
    const step = steps.next()
    if (step.done === true) histories.delete(request)
    else {
      // Round robin: this history goes to the back of the line.
      histories.delete(request)
      histories.set(request, steps)
    }
    setImmediate(stepHistories)
  })
}

const handle = async (message: Envelope) => {
  const current = await reasoner
  if (!(current instanceof CaseReasoner)) return fail(message.request, current)
  switch (message.type) {
    case "evaluate":
      return answer(message.request, current.view(message.asOf))
    case "detail":
      return answer(message.request, current.detail(message.id, message.asOf))
    case "history": {
      const request = message.request
      const steps = current.history(message.id, message.until)
      const reporting = (function* () {
        for (const progress of steps) {
          send({ type: "history", request, progress })
          yield
        }
      })()
      histories.set(request, reporting)
      answer(request, null)
      setImmediate(stepHistories)
      return
    }
    case "stop-history":
      histories.delete(message.history)
      return answer(message.request, null)
    case "save": {
      const saved = await store.commit(message.edit, message.reason, message.basedOn)
      if (!saved.ok) return fail(message.request, saved.problem)
      current.applyEdit(message.edit, message.asOf)
      return answer(message.request, {
        revision: saved.value.revision,
        added: saved.value.added,
        view: current.view(message.asOf)
      })
    }
    case "undo": {
      const undone = await store.undoLatest(message.basedOn)
      if (!undone.ok) return fail(message.request, undone.problem)
      const loaded = await store.load()
      if (!loaded.ok) return fail(message.request, loaded.problem)
      current.replaceCase(loaded.value.caseFile)
      return answer(message.request, { revision: undone.value, view: current.view(message.asOf) })
    }
  }
}

port.on("message", (message: Envelope) => {
  // Stopping a history is answered at once, not after the work queued before it.
  if (message.type === "stop-history") {
    histories.delete(message.history)
    answer(message.request, null)
    return
  }
  enqueue(async () => {
    try {
      await handle(message)
    } catch (error) {
      // An answer still: the UI says what failed and goes on, rather than waiting for ever.
      fail(message.request, {
        kind: "failed",
        message: `The reasoning could not ${message.type === "evaluate" ? "evaluate the case" : `do that (${message.type})`}: ${error instanceof Error ? error.message : String(error)}`
      })
    }
  })
})
port.on("close", () => {
  void store.close()
})

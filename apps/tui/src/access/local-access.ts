/**
 * `CaseAccess` over the local store: the case is read on the UI's thread (it needs the items to draw
 * the lists and check forms), and evaluated, written and undone in a worker thread that opens the same
 * store on a connection of its own, so that neither a whole evaluation of a large case nor the store's
 * check of a change ever holds up a frame.
 */
import { Worker } from "node:worker_threads"
import type { CaseFile, IsoDay } from "@allegiance/domain"
import { caseWithEdit } from "../reasoning/case-reasoner.ts"
import type { Answers, Envelope, Reply, Request, WorkerStart } from "../reasoning/protocol.ts"
import type { CaseAccess, HistoryProgress, Outcome } from "./case-access.ts"
import { type StoreOptions, storeSession } from "./store-session.ts"

export interface LocalAccessOptions extends StoreOptions {
  /** The reasoning worker's module: `reasoning/worker.ts` here, its bundled chunk in the installed command. */
  readonly workerUrl: URL
}

export const localAccess = (options: LocalAccessOptions): CaseAccess => {
  const store = storeSession(options)
  const start: WorkerStart = {
    filename: options.filename,
    caseName: options.caseName,
    author: options.author
  }
  // The worker opens the store once this thread has (a new store is created and seeded on first use,
  // which two connections must not both try).
  let worker: Worker | undefined
  const startWorker = () => {
    if (worker !== undefined) return
    worker = new Worker(options.workerUrl, { workerData: start })
    // The worker must not keep the process alive once the UI has gone.
    worker.unref()
    worker.on("message", onMessage)
    worker.on("error", onError)
  }
  let next = 1
  const waiting = new Map<number, (reply: Reply) => void>()
  const listeners = new Map<number, (progress: HistoryProgress) => void>()
  let broken: string | undefined
  const onMessage = (reply: Reply) => {
    if (reply.type === "history") listeners.get(reply.request)?.(reply.progress)
    else {
      waiting.get(reply.request)?.(reply)
      waiting.delete(reply.request)
    }
  }
  const onError = (error: Error) => {
    broken = `The reasoning stopped: ${error.message}`
    for (const [request, resolve] of waiting)
      resolve({ type: "answer", request, ok: false, problem: { kind: "failed", message: broken } })
    waiting.clear()
  }
  const ask = <T extends Request["type"]>(
    request: Extract<Request, { type: T }>
  ): Promise<Outcome<Answers[T]>> => {
    if (broken !== undefined)
      return Promise.resolve({ ok: false, problem: { kind: "failed", message: broken } })
    const number = next++
    return new Promise((resolve) => {
      waiting.set(number, (reply) => {
        if (reply.type !== "answer") return
        resolve(
          reply.ok ? { ok: true, value: reply.value as Answers[T] } : { ok: false, problem: reply.problem }
        )
      })
      startWorker()
      worker!.postMessage({ request: number, ...request } as Envelope)
    })
  }
  /** The case this thread holds, kept in step with what the worker saved. */
  let current: CaseFile | undefined

  return {
    location: `${options.filename} (case ${options.caseName})`,
    open: async () => {
      const ready = await store.ready()
      if (!ready.ok) return ready
      startWorker()
      const opened = await store.load()
      if (opened.ok) current = opened.value.caseFile
      return opened
    },
    evaluate: (asOf: IsoDay) => ask({ type: "evaluate", asOf }),
    detail: (id, asOf) => ask({ type: "detail", id, asOf }),
    verdictHistory: (id, until, onProgress) => {
      const number = next++
      listeners.set(number, onProgress)
      startWorker()
      worker!.postMessage({ request: number, type: "history", id, until } as Envelope)
      return () => {
        listeners.delete(number)
        void ask({ type: "stop-history", history: number })
      }
    },
    save: async (edit, reason, basedOn, asOf) => {
      const saved = await ask({ type: "save", edit, reason, basedOn, asOf })
      if (!saved.ok) return saved
      current = caseWithEdit(current!, edit)
      return {
        ok: true,
        value: { revision: saved.value.revision, view: saved.value.view, caseFile: current }
      }
    },
    undo: async (basedOn, asOf) => {
      const undone = await ask({ type: "undo", basedOn, asOf })
      if (!undone.ok) return undone
      const reloaded = await store.load()
      if (!reloaded.ok) return reloaded
      current = reloaded.value.caseFile
      return {
        ok: true,
        value: { revision: undone.value.revision, view: undone.value.view, caseFile: current }
      }
    },
    revisions: () => store.revisions(),
    close: async () => {
      await worker?.terminate()
      await store.close()
    }
  }
}

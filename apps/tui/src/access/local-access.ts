/**
 * `CaseAccess` over the local store. The UI's thread holds what it shows: the case's outline (its lists,
 * not the case) and the items a form asks for, read from the store on a connection of its own. The
 * case itself is read, evaluated, written and undone in a worker thread that opens the same store, so
 * that neither a whole evaluation of a large case nor a store's write ever holds up a frame.
 */
import { Worker } from "node:worker_threads"
import type { IsoDay } from "@allegiance/domain"
import { type CaseOutline, outlineIndexer, outlineWithItem } from "@allegiance/present"
import type { Answers, Envelope, Reply, Request, WorkerStart } from "../reasoning/protocol.ts"
import type { CaseAccess, HistoryProgress, Outcome, ViewRows } from "./case-access.ts"
import { type StoreOptions, storeSession } from "./store-session.ts"

export interface LocalAccessOptions extends StoreOptions {
  /** The reasoning worker's module: `reasoning/worker.ts` here, its bundled chunk in the installed command. */
  readonly workerUrl: URL
}

export const localAccess = (options: LocalAccessOptions): CaseAccess => {
  // This thread draws: the check of the file for damage (seconds for a large store) is made by the
  // worker, which reads the case whole anyway; what this thread reads carries checksums of its own.
  const store = storeSession({ ...options, checkIntegrity: false })
  const start: WorkerStart = {
    filename: options.filename,
    caseName: options.caseName,
    author: options.author
  }
  // The worker opens the store once this thread has (a new store is created and seeded on first use,
  // which two connections must not both try).
  let worker: Worker | undefined
  const startWorker = () => {
    if (worker !== undefined) return worker
    const started = new Worker(options.workerUrl, { workerData: start })
    // The worker must not keep the process alive once the UI has gone.
    started.unref()
    started.on("message", onMessage)
    started.on("error", onError)
    worker = started
    return started
  }
  let next = 1
  /** The digest read on this thread, until it is handed to the worker (see `outline`). */
  let adopting: Extract<Envelope, { type: "adopt" }> | undefined
  const handOver = () => {
    if (adopting === undefined) return
    // The bytes move to the worker (this thread has read them): nothing is copied, unless they
    // share their buffer with something else.
    const { bytes } = adopting
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    startWorker().postMessage(adopting, own ? [bytes.buffer as ArrayBuffer] : [])
    adopting = undefined
  }
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
      handOver()
      startWorker().postMessage({ request: number, ...request } as Envelope)
    })
  }
  /** The outline this thread holds, kept in step with what the worker saved. */
  let outline: CaseOutline | undefined
  /**
   * Indexes the outline's ids a slice per turn of the event loop, between keys and frames: a save looks
   * its items up by id, and a large case's index built at once would hold the screen a tenth of a second.
   */
  const indexWhenIdle = (held: CaseOutline) => {
    const step = outlineIndexer(held)
    const next = () => {
      if (outline === held && !step()) setImmediate(next)
    }
    setImmediate(next)
  }
  /** Whether the outline was looked for in the store's digest yet (on opening only). */
  let digestTried = false

  return {
    location: `${options.filename} (case ${options.caseName})`,
    open: async () => {
      const opened = await store.open()
      // The worker starts reading the case while the status line is drawn.
      if (opened.ok) startWorker()
      return opened
    },
    outline: async () => {
      // On opening, the outline comes from the store's digest when it keeps one, read on this thread
      // in a fraction of the time the worker takes to read every item; the worker is handed the same
      // digest, to hold the same outline.
      if (!digestTried) {
        digestTried = true
        const read = await store.outlineFromDigest()
        if (read.ok && read.value !== undefined) {
          const { outlined, digest } = read.value
          outline = outlined.outline
          indexWhenIdle(outline)
          // Handed over once the lists are drawn, or before the first request that needs it.
          adopting = { request: next++, type: "adopt", ...digest }
          setTimeout(handOver, 20)
          return { ok: true, value: outlined }
        }
      }
      const outlined = await ask({ type: "outline" })
      if (outlined.ok) {
        outline = outlined.value.outline
        indexWhenIdle(outline)
      }
      return outlined
    },
    evaluate: (asOf) => ask({ type: "evaluate", asOf }),
    rows: <K extends keyof ViewRows>(kind: K, asOf: IsoDay) =>
      ask({ type: "rows", kind, asOf }) as Promise<Outcome<ViewRows[K]>>,
    detail: (id, asOf) => ask({ type: "detail", id, asOf }),
    verdictHistory: (id, until, onProgress) => {
      const number = next++
      listeners.set(number, onProgress)
      handOver()
      startWorker().postMessage({ request: number, type: "history", id, until } as Envelope)
      return () => {
        listeners.delete(number)
        void ask({ type: "stop-history", history: number })
      }
    },
    items: (wanted) => store.items(wanted),
    save: async (edit, reason, basedOn, asOf) => {
      const saving = ask({ type: "save", edit, reason, basedOn, asOf })
      // The same change the worker makes to its outline, worked out while the worker saves; kept only
      // once the save is. A removal is read back whole.
      const edited =
        edit.body === null || outline === undefined
          ? undefined
          : outlineWithItem(outline, edit.section, edit.body)
      const saved = await saving
      if (!saved.ok) return saved
      if (edited === undefined) {
        const outlined = await ask({ type: "outline" })
        if (!outlined.ok) return outlined
        outline = outlined.value.outline
        indexWhenIdle(outline)
      } else outline = edited
      return {
        ok: true,
        value: { revision: saved.value.revision, view: saved.value.view, outline: outline! }
      }
    },
    undo: async (basedOn, asOf) => {
      const undone = await ask({ type: "undo", basedOn, asOf })
      if (undone.ok) {
        outline = undone.value.outline
        indexWhenIdle(outline)
      }
      return undone
    },
    revisions: () => store.revisions(),
    close: async () => {
      await worker?.terminate()
      await store.close()
    }
  }
}

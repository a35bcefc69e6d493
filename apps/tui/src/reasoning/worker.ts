/**
 * The reasoning worker's entry: reads the case from the store (on its own connection), then answers the
 * UI's requests one at a time. Reading goes in the order the screen needs it: the stored items first,
 * from which the outline (what the lists show) is answered at once; then the case is decoded from those
 * same items and reasoned over. Evaluating a large case takes seconds; here it keeps the UI's thread
 * free to draw and take keys. Verdict histories are worked out a day at a time between other requests;
 * once the analyst pauses, the day after the one shown is worked out ahead.
 */
import { parentPort, workerData } from "node:worker_threads"
import { type CaseOutline, caseOutlineOf, outlineOfDigest, outlineOfStored } from "@allegiance/present"
import type { AccessProblem, Outlined, RevisionStamp } from "../access/case-access.ts"
import { stampOf, storeSession } from "../access/store-session.ts"
import { CaseReasoner } from "./case-reasoner.ts"
import type { Envelope, Reply, WorkerStart } from "./protocol.ts"
import { yieldToDrawing } from "./yield-to-drawing.ts"

const port = parentPort!
yieldToDrawing()
const start = workerData as WorkerStart
// The UI's thread has opened the store file (created and seeded it, when new) before starting this
// worker, without checking it for damage so as to draw at once: the check is made here, off the thread
// that draws, and a damaged file fails every request, which the UI says.
const store = storeSession({ ...start, checkIntegrity: true })
const send = (reply: Reply) => port.postMessage(reply)
const fail = (request: number, problem: AccessProblem) =>
  send({ type: "answer", request, ok: false, problem })
const answer = (request: number, value: unknown) => send({ type: "answer", request, ok: true, value })

/** The case this worker reasons over, and the revision it is. */
interface Held {
  revision: RevisionStamp
  readonly reasoner: CaseReasoner
}
let held: Held | undefined
/** Whether the store's check of a first save was worked out ahead for the case held. */
let prepared = false
/** The outline the UI read from the store's digest, and its revision: the case is read at that revision. */
let adopted: { readonly revision: RevisionStamp; readonly outline: CaseOutline } | undefined
/**
 * The outline held, when it was worked out from the case's items (no digest, or one far behind): kept
 * as the store's digest once nothing waits, so that the next start reads it instead.
 */
let toKeep: { readonly revision: number; readonly outline: CaseOutline } | undefined

/**
 * The case at the store's head: the one held, when it is still the head; else read again, its outline
 * handed to `onOutline` as soon as the stored items are in, before they are decoded.
 */
const atHead = async (onOutline?: (outlined: Outlined) => void): Promise<Held | AccessProblem> => {
  const head = await store.open()
  if (!head.ok) return head.problem
  if (held !== undefined && held.revision.number === head.value.revision.number) {
    onOutline?.({ revision: held.revision, outline: held.reasoner.outline })
    return held
  }
  // The UI draws the outline it read from the digest: the case held is that revision's.
  const pinned = adopted
  adopted = undefined
  const snapshot = await store.snapshot(pinned?.revision.number)
  if (!snapshot.ok) return snapshot.problem
  const revision = stampOf(snapshot.value.revision)
  let outline: CaseOutline
  if (pinned !== undefined) outline = pinned.outline
  else {
    outline = outlineOfStored(snapshot.value.items)
    toKeep = { revision: revision.number, outline }
  }
  onOutline?.({ revision, outline })
  const decoded = await store.decode(snapshot.value)
  if (!decoded.ok) return decoded.problem
  held = { revision, reasoner: new CaseReasoner(decoded.value.caseFile, outline) }
  prepared = false
  return held
}
const current = () => (held === undefined ? atHead() : Promise.resolve(held))

/** Histories being worked out, by request number: each takes one step per turn of the queue. */
const histories = new Map<number, Generator<unknown, void, void>>()
let queue: Promise<void> = Promise.resolve()
let queued = 0
/** Runs requests one after another, never two at once. */
const enqueue = (work: () => Promise<void> | void) => {
  queued++
  queue = queue
    .then(work)
    .catch((error: unknown) => {
      console.error(error)
    })
    .finally(() => {
      queued--
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

/** Runs `work` once no request waits: what can be done ahead, while the analyst reads. */
const whenIdle = (work: () => Promise<void> | void) => {
  setImmediate(() => {
    if (queued > 0) return whenIdle(work)
    enqueue(work)
  })
}

/**
 * Once the case's first views are out (or a save's), what the next save and the next move of the as-of
 * day need is worked out ahead: the store's check of a first save (a whole integrity check of the case,
 * once), so that saving costs what the saved item touches, and what the next step of the day needs
 * (where each item stands in the case, and the items not yet known in the order they become known).
 */
const prepareWhenIdle = () =>
  whenIdle(() => {
    if (held === undefined) return
    held.reasoner.prepareDayMoves()
    if (prepared) return
    prepared = true
    store.prepareAppend(held.reasoner.caseFile)
  })

/** When the last request came in: the next day is worked out ahead once the analyst pauses. */
let lastRequestAt = 0
/**
 * How long without a request before the next day is worked out ahead: an analyst stepping through the
 * days presses sooner than this, and would otherwise wait for work that the next key makes useless.
 */
const pauseBeforeWorkingAhead = 400
let workingAhead: ReturnType<typeof setTimeout> | undefined

/**
 * Works out ahead the day after the one shown, a part per turn, once no request has come for a while
 * (`CaseReasoner.workAhead`).
 */
const workAheadWhenPaused = (wait = pauseBeforeWorkingAhead) => {
  clearTimeout(workingAhead)
  workingAhead = setTimeout(() => {
    const waited = performance.now() - lastRequestAt
    if (queued > 0 || waited < pauseBeforeWorkingAhead)
      return workAheadWhenPaused(Math.max(1, pauseBeforeWorkingAhead - waited))
    enqueue(() => {
      if (held?.reasoner.workAhead() === true) workAheadWhenPaused(0)
    })
  }, wait)
  workingAhead.unref()
}

/** How many changes since the digest the UI read make it worth keeping a new one. */
const changesBeforeNewDigest = 8

/** Keeps the outline worked out from the items as the store's digest, once nothing waits. */
const keepWhenIdle = () => {
  if (toKeep === undefined) return
  whenIdle(async () => {
    const keeping = toKeep
    toKeep = undefined
    if (keeping !== undefined) await store.keepOutline(keeping.revision, keeping.outline)
  })
}

const handle = async (message: Envelope) => {
  if (message.type === "adopt") {
    const outline = outlineOfDigest(message.bytes, message.changes)
    // The same bytes and changes the UI read: this cannot fail where it did not, but if it did the
    // case is read whole, as without a digest.
    if (outline === undefined) return
    adopted = { revision: message.revision, outline }
    // Each change since the digest costs every later start a step: past a few, a new digest is kept.
    if (message.changes.length >= changesBeforeNewDigest)
      toKeep = { revision: message.revision.number, outline }
    return
  }
  if (message.type === "outline") {
    let answered = false
    const read = await atHead((outlined) => {
      answered = true
      answer(message.request, outlined)
    })
    // A failure after the outline went out is told to whatever asks next.
    if (!answered && !("reasoner" in read)) fail(message.request, read)
    return
  }
  const now = await current()
  if (!("reasoner" in now)) return fail(message.request, now)
  const { reasoner } = now
  switch (message.type) {
    case "evaluate":
      answer(message.request, { revision: now.revision.number, view: reasoner.view(message.asOf) })
      keepWhenIdle()
      prepareWhenIdle()
      return workAheadWhenPaused()
    case "rows":
      return answer(message.request, reasoner.rows(message.kind, message.asOf))
    case "detail":
      return answer(message.request, reasoner.detail(message.id, message.asOf))
    case "history": {
      const request = message.request
      const steps = reasoner.history(message.id, message.until)
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
      reasoner.applyEdit(message.edit, message.asOf, saved.value.caseFile)
      // A change the store did not build the case of (a replaced item): keep the store's copy in step.
      if (saved.value.caseFile === undefined) await store.remember(reasoner.caseFile, saved.value.revision)
      now.revision = saved.value.revision
      answer(message.request, { revision: saved.value.revision, view: reasoner.view(message.asOf) })
      prepareWhenIdle()
      return workAheadWhenPaused()
    }
    case "undo": {
      const undone = await store.undoLatest(message.basedOn)
      if (!undone.ok) return fail(message.request, undone.problem)
      const loaded = await store.load()
      if (!loaded.ok) return fail(message.request, loaded.problem)
      const outline = caseOutlineOf(loaded.value.caseFile)
      reasoner.replaceCase(loaded.value.caseFile, outline)
      now.revision = stampOf(loaded.value.revision)
      prepared = false
      answer(message.request, { revision: now.revision, outline, view: reasoner.view(message.asOf) })
      return workAheadWhenPaused()
    }
  }
}

// The check of the file starts at once, before the first request.
enqueue(async () => {
  await store.open()
})

port.on("message", (message: Envelope) => {
  lastRequestAt = performance.now()
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

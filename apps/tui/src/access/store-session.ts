/**
 * A case in the local store, opened once and kept open: each call runs on one store runtime instead of
 * opening (and checking) the SQLite file again. Used on the UI's thread to read the case and its
 * revisions, and in the reasoning worker to write. Failures come back as `AccessProblem`s.
 */
import { loadCaseFile, type StoreError, Store, FileStore, seedBundledCase } from "@allegiance/store"
import { Effect, ManagedRuntime } from "effect"
import type { AccessProblem, ItemEdit, OpenedCase, Outcome, RevisionStamp } from "./case-access.ts"
import type { RevisionFacts } from "@allegiance/present"

export interface StoreOptions {
  /** The SQLite file. */
  readonly filename: string
  readonly caseName: string
  /** Who changes are recorded as. */
  readonly author: string
}

const stampOf = (revision: {
  number: number
  author: string
  at: string
  reason: string
}): RevisionStamp => ({
  number: revision.number,
  author: revision.author,
  at: revision.at,
  reason: revision.reason
})

export const problemOf = (error: StoreError): AccessProblem => {
  const reason = error.reason
  if (reason._tag === "Conflict")
    return {
      kind: "conflict",
      message: reason.message,
      by: reason.headAuthor,
      at: reason.headAt,
      head: reason.head
    }
  if (reason._tag === "InvalidChange")
    return { kind: "refused", message: reason.message, problems: reason.problems }
  return { kind: "failed", message: reason.message }
}

export const storeSession = (options: StoreOptions) => {
  const runtime = ManagedRuntime.make(
    FileStore.layer({ filename: options.filename, onCreate: seedBundledCase })
  )
  const run = async <A>(effect: Effect.Effect<A, StoreError, Store>): Promise<Outcome<A>> => {
    const exit = await runtime.runPromiseExit(effect)
    if (exit._tag === "Success") return { ok: true, value: exit.value }
    const failure = exit.cause.reasons.find((reason) => reason._tag === "Fail")
    if (failure !== undefined && failure._tag === "Fail") {
      const error = failure.error as unknown
      if (typeof error === "object" && error !== null && "reason" in error)
        return { ok: false, problem: problemOf(error as StoreError) }
      return {
        ok: false,
        problem: { kind: "failed", message: String((error as { message?: string }).message ?? error) }
      }
    }
    return {
      ok: false,
      problem: { kind: "failed", message: `The store at ${options.filename} stopped unexpectedly.` }
    }
  }
  const meta = (reason: string) => ({ author: options.author, reason })
  return {
    /** Opens the store (creating, migrating and seeding a new one) and finds the case, without loading it. */
    ready: () =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          return yield* store.head(options.caseName)
        })
      ),
    load: () =>
      run(
        Effect.map(
          loadCaseFile(options.caseName),
          ({ caseFile, revision }): OpenedCase => ({
            caseName: options.caseName,
            caseFile,
            revision: stampOf(revision)
          })
        )
      ),
    commit: (edit: ItemEdit, reason: string, basedOn: number) =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          const result = yield* store.commit(
            options.caseName,
            basedOn,
            [{ kind: edit.section, id: edit.id, body: edit.body }],
            meta(reason)
          )
          return { revision: stampOf(result.revision), added: result.added, changed: result.changed }
        })
      ),
    undoLatest: (basedOn: number) =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          // The head now, which is the one the UI saw unless someone saved since: then the undo,
          // based on what the UI saw, is refused as a conflict rather than undoing their revision.
          const head = yield* store.head(options.caseName)
          const result = yield* store.undo(
            options.caseName,
            head.number,
            basedOn,
            meta(`Undo revision ${head.number} (${head.reason})`)
          )
          return stampOf(result.revision)
        })
      ),
    revisions: () =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          const revisions: ReadonlyArray<RevisionFacts> = yield* store.revisions(options.caseName)
          return revisions
        })
      ),
    close: () => runtime.dispose()
  }
}

export type StoreSession = ReturnType<typeof storeSession>

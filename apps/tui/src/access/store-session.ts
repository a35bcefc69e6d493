/**
 * A case in the local store, opened once and kept open: each call runs on one store runtime instead of
 * opening (and checking) the SQLite file again. Used on the UI's thread for the head, the revisions and
 * the items a form needs, and in the reasoning worker to read the case and write. Failures come back as
 * `AccessProblem`s.
 */
import {
  type CaseSnapshot,
  type CommitResult,
  FileStore,
  type LoadedCase,
  loadCaseFile,
  type RevisionInfo,
  Store,
  type StoreError,
  seedBundledCase
} from "@allegiance/store"
import { prepareAppendCheck } from "@allegiance/store/append-check"
import { appendItems, isAppend } from "@allegiance/store/appends"
import { decodedSnapshot, rememberDecodedCase } from "@allegiance/store/decoded-cases"
import type { CaseFile } from "@allegiance/domain"
import {
  type CaseOutline,
  type ChangeSince,
  outlineDigestMaker,
  outlineDigestName,
  outlineDigestBytes,
  outlineOfDigest,
  type RevisionFacts
} from "@allegiance/present"
import { Effect, ManagedRuntime, Option } from "effect"
import type {
  AccessProblem,
  ItemBody,
  ItemEdit,
  OpenedCase,
  Outcome,
  Outlined,
  RevisionStamp
} from "./case-access.ts"

export interface StoreOptions {
  /** The SQLite file. */
  readonly filename: string
  readonly caseName: string
  /** Who changes are recorded as. */
  readonly author: string
  /**
   * Whether to check the file for damage on opening (default true). The worker opens the file after
   * the UI's thread has checked it.
   */
  readonly checkIntegrity?: boolean | undefined
}

export const stampOf = (revision: RevisionInfo): RevisionStamp => ({
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

/**
 * The outline's digest as the store kept it and the items changed since: what makes the outline at
 * `revision`, handed to the reasoning worker so that it holds the very outline the UI draws.
 */
export interface OutlineDigest {
  readonly revision: RevisionStamp
  readonly bytes: Uint8Array
  readonly changes: ReadonlyArray<ChangeSince>
}

/** More items changed since the digest than this, and the outline is worked out from the case's items. */
const mostChangesOnDigest = 25

/** What a save left: the new revision, and the case it saved when the store built it (an append). */
export interface Committed {
  readonly revision: RevisionStamp
  readonly caseFile?: CaseFile
}

export const storeSession = (options: StoreOptions) => {
  const runtime = ManagedRuntime.make(
    FileStore.layer({
      filename: options.filename,
      onCreate: seedBundledCase,
      checkIntegrity: options.checkIntegrity,
      // A case imported whole (the seed case) is kept with its outline's digest.
      digests: [outlineDigestMaker]
    })
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
  const { caseName } = options
  return {
    /** Opens the store (creating, migrating and seeding a new one) and finds the case, without reading it. */
    open: () =>
      run(
        Effect.map(
          Store.use((store) => store.head(caseName)),
          (head): OpenedCase => ({ caseName, revision: stampOf(head) })
        )
      ),
    /** The case's items at its head (or at `revision`) as stored, not decoded. */
    snapshot: (revision?: number) =>
      run(Store.use((store) => store.load(caseName, revision === undefined ? undefined : { revision }))),
    /**
     * The outline at the head from the digest the store keeps of it and the items saved since (one row
     * and a few items read, where the case's items are hundreds of thousands); `undefined` when there is
     * no digest to start from, and the outline is to be worked out from the items.
     */
    outlineFromDigest: () =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          const found = yield* store.digest(caseName, outlineDigestName, mostChangesOnDigest)
          if (Option.isNone(found)) return undefined
          const { head, bytes, changes } = found.value
          const outline = outlineOfDigest(bytes, changes)
          if (outline === undefined) return undefined
          const revision = stampOf(head)
          const digest: OutlineDigest = { revision, bytes, changes }
          return { outlined: { revision, outline } as Outlined, digest }
        })
      ),
    /** Keeps `outline` as the store's digest of the case at `revision`, for the next reader to start from. */
    keepOutline: (revision: number, outline: CaseOutline) =>
      run(
        Store.use((store) =>
          store.keepDigest(caseName, outlineDigestName, revision, outlineDigestBytes(outline))
        )
      ),
    /** A snapshot decoded, and kept as the store's decoded case at its revision. */
    decode: (snapshot: CaseSnapshot) => run(Store.use((store) => decodedSnapshot(store, caseName, snapshot))),
    /** The case at its head, decoded (from what the store keeps decoded, when it is the same revision). */
    load: (): Promise<Outcome<LoadedCase>> => run(loadCaseFile(caseName)),
    items: (wanted: ReadonlyArray<{ readonly section: ItemBody["section"]; readonly id: string }>) =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          // Lookups made together are answered by one query.
          const found = yield* Effect.forEach(
            wanted,
            (item) => store.getItem(caseName, item.section, item.id),
            {
              concurrency: "unbounded"
            }
          )
          return wanted.flatMap((item, at): ReadonlyArray<ItemBody> => {
            const stored = found[at]!
            return Option.isSome(stored) ? [{ ...item, body: stored.value.body }] : []
          })
        })
      ),
    /**
     * Saves one edit on top of `basedOn`. New statements, claims and observations go through the store's
     * checked append, which checks them against what they name and keeps the case it saved in memory.
     */
    commit: (edit: ItemEdit, reason: string, basedOn: number) =>
      run(
        Effect.gen(function* () {
          const changes = [{ kind: edit.section, id: edit.id, body: edit.body }]
          const store = yield* Store
          const existing = yield* store.getItem(caseName, edit.section, edit.id)
          if (edit.body !== null && Option.isNone(existing) && isAppend(changes)) {
            const appended = yield* appendItems(caseName, basedOn, changes, meta(reason))
            return { revision: stampOf(appended.result.revision), caseFile: appended.caseFile } as Committed
          }
          const result: CommitResult = yield* store.commit(caseName, basedOn, changes, meta(reason))
          return { revision: stampOf(result.revision) } as Committed
        })
      ),
    /** Keeps `caseFile` as the store's decoded case at `revision` (the case a save left, built by the caller). */
    remember: (caseFile: CaseFile, revision: RevisionStamp) =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          const info = yield* store.resolveRevision(caseName, { revision: revision.number })
          rememberDecodedCase(store, caseName, { caseFile, revision: info })
        })
      ),
    /** Works out now what the first checked append to `caseFile` needs (see `prepareAppendCheck`). */
    prepareAppend: (caseFile: CaseFile) => prepareAppendCheck(caseFile),
    undoLatest: (basedOn: number) =>
      run(
        Effect.gen(function* () {
          const store = yield* Store
          // The head now, which is the one the UI saw unless someone saved since: then the undo,
          // based on what the UI saw, is refused as a conflict rather than undoing their revision.
          const head = yield* store.head(caseName)
          const result = yield* store.undo(
            caseName,
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
          const revisions: ReadonlyArray<RevisionFacts> = yield* store.revisions(caseName)
          return revisions
        })
      ),
    close: () => runtime.dispose()
  }
}

export type StoreSession = ReturnType<typeof storeSession>

/**
 * Case files in and out of the store: import validates the whole file first and then
 * applies it as one atomic write; export writes the canonical YAML of a case as the
 * store holds it (at its head, a revision, or a moment). Export, import, export gives
 * the same bytes, because the store keeps each item's encoded form and its place.
 */
import { bundledCaseText, formatProblem, readCaseText, writeCaseYaml } from "@allegiance/case-file"
import type { CaseFile } from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import type { AtomicOptions } from "./backend.ts"
import {
  caseFileFromItems,
  caseFileItems,
  DecodedItems,
  caseInfoKind,
  isCaseName,
  sameItem
} from "./case-items.ts"
import { Corrupt, InvalidCaseFile, type StoreError, storeError } from "./errors.ts"
import {
  type CommitResult,
  type ItemInput,
  type RevisionInfo,
  type RevisionSelector,
  Store,
  type StoreShape
} from "./store.ts"

export interface ImportOptions {
  /** The file's text and the name to report problems under. */
  readonly text: string
  readonly fileName: string
  /** Store the case under this name (and id) instead of the `case.id` the file gives. */
  readonly caseName?: string | undefined
  /**
   * The revision of the case the file was edited from. When the case has moved on since,
   * the import is refused rather than undoing those changes. Default: the current head.
   */
  readonly basedOn?: number | undefined
  readonly author: string
  readonly reason?: string | undefined
  readonly at?: Date | undefined
  readonly onProgress?: AtomicOptions["onProgress"]
}

export interface ImportResult {
  readonly caseName: string
  /** True when the import created the case; false when it became a new revision of it. */
  readonly created: boolean
  readonly result: CommitResult
}

/** A checked case file and the items to store for it, each in its encoded form. */
interface ReadCase {
  readonly caseFile: CaseFile
  readonly items: ReadonlyArray<ItemInput>
}

const readCase = (text: string, fileName: string): Effect.Effect<ReadCase, StoreError> =>
  Effect.suspend(() => {
    const read = readCaseText(text, fileName)
    return Result.isSuccess(read)
      ? Effect.succeed({ caseFile: read.success, items: caseFileItems(read.success) })
      : storeError(new InvalidCaseFile({ file: fileName, problems: read.failure.map(formatProblem) }))
  })

/** Reads and checks a whole case file, or fails listing every problem in it. */
export const parseCaseFile = (text: string, fileName: string): Effect.Effect<CaseFile, StoreError> =>
  Effect.map(readCase(text, fileName), (read) => read.caseFile)

/** Imports a case file: a new case, or a new revision of the case of that name. */
export const importCaseText = (options: ImportOptions): Effect.Effect<ImportResult, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const read = yield* readCase(options.text, options.fileName)
    const caseName = options.caseName ?? read.caseFile.case.id
    if (!isCaseName(caseName)) {
      return yield* storeError(
        new InvalidCaseFile({
          file: options.fileName,
          problems: [
            `"${caseName}" cannot name a case: use lower-case letters, digits, dots, dashes or underscores, e.g. jai-syria`
          ]
        })
      )
    }
    const items = read.items.map((item) =>
      item.kind === caseInfoKind ? { ...item, body: { ...(item.body as object), id: caseName } } : item
    )
    const meta = {
      author: options.author,
      reason: options.reason ?? `Imported from ${options.fileName}`,
      at: options.at
    }
    const atomic = { onProgress: options.onProgress, equivalent: sameItem }
    const existing = yield* store.listCases
    if (!existing.some((summary) => summary.name === caseName)) {
      const result = yield* store.createCase(caseName, items, meta, atomic)
      return { caseName, created: true, result }
    }
    const basedOn = options.basedOn ?? (yield* store.head(caseName)).number
    const result = yield* store.replaceAll(caseName, basedOn, items, meta, atomic)
    return { caseName, created: false, result }
  })

export interface LoadedCase {
  readonly caseFile: CaseFile
  readonly revision: RevisionInfo
}

/**
 * What one open store has decoded: item versions, which never change, and the last few
 * whole cases, so that loading a case again (the API and the terminal UI do, for every
 * evaluation) costs one query for its head when nothing changed.
 */
interface Decoded {
  readonly items: DecodedItems
  readonly cases: Map<string, LoadedCase>
}
const decodedByStore = new WeakMap<StoreShape, Decoded>()
const casesKept = 4

/**
 * A case decoded for evaluation, as the store holds it now (its head), or as it held it at a
 * revision, or at a moment: the latest revision saved at or before that instant. Fails with
 * `RevisionNotFound` for a revision the case never had, or a moment before it was first saved.
 */
export const loadCaseFile = (
  caseName: string,
  at?: RevisionSelector
): Effect.Effect<LoadedCase, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    let decoded = decodedByStore.get(store)
    if (decoded === undefined) {
      decoded = { items: new DecodedItems(), cases: new Map() }
      decodedByStore.set(store, decoded)
    }
    const { items, cases } = decoded
    const wanted = at === undefined ? yield* store.head(caseName) : yield* store.resolveRevision(caseName, at)
    const caseKey = `${caseName}\u0000${wanted.number}`
    const known = cases.get(caseKey)
    if (known !== undefined) return known
    const snapshot = yield* store.load(
      caseName,
      { revision: wanted.number },
      {
        skipBody: items.knows(caseName)
          ? (item) => items.get(caseName, item.kind, item.id, item.since) !== undefined
          : undefined
      }
    )
    const caseFile = caseFileFromItems(snapshot.items, { decoded: items, caseName })
    if (Result.isFailure(caseFile)) {
      return yield* storeError(
        new Corrupt({
          location: store.location,
          details: `case "${caseName}" at revision ${snapshot.revision.number} is not a readable case: ${caseFile.failure.join("; ")}`
        })
      )
    }
    const loaded = { caseFile: caseFile.success, revision: snapshot.revision }
    cases.set(caseKey, loaded)
    if (cases.size > casesKept) cases.delete(cases.keys().next().value!)
    return loaded
  })

/** The canonical YAML text of a case as the store holds it. */
export const exportCaseText = (
  caseName: string,
  at?: RevisionSelector
): Effect.Effect<{ readonly text: string; readonly revision: RevisionInfo }, StoreError, Store> =>
  Effect.map(loadCaseFile(caseName, at), ({ caseFile, revision }) => ({
    text: writeCaseYaml(caseFile),
    revision
  }))

/** Loads the bundled seed case into a new store; meant as the store's `onCreate`. */
export const seedBundledCase: Effect.Effect<void, StoreError, Store> = Effect.asVoid(
  importCaseText({
    text: bundledCaseText(),
    fileName: "the bundled seed case",
    author: "allegiance",
    reason: "Bundled seed case, loaded when the store was created"
  })
)

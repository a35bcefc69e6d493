/**
 * Case files in and out of the store: import validates the whole file first and then
 * applies it as one atomic write; export writes the canonical YAML of a case as the
 * store holds it (at its head, a revision, or a moment). Export, import, export gives
 * the same bytes, because the store keeps each item's encoded form and its place. Each reads the
 * kinds of claim the store's cases hold from `CaseKinds` (the built-in ones unless the store was
 * opened with others).
 */
import { bundledCaseText, formatProblem, readCaseText, writeCaseYaml } from "@allegiance/case-file"
import { type ExportedFrom, exportedFrom, exportHeader } from "@allegiance/case-file/export-header"
import type { CaseFile } from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import type { AtomicOptions } from "./backend.ts"
import { isCaseName, sameItem } from "./case-items.ts"
import { CaseDigests } from "./case-digests.ts"
import { CaseKinds } from "./case-kinds.ts"
import { checkedCaseItems } from "./case-rules.ts"
import { decodedCase, type LoadedCase } from "./decoded-cases.ts"
import { InvalidCaseFile, type StoreError, storeError } from "./errors.ts"
import { type CommitResult, type RevisionInfo, type RevisionSelector, Store } from "./store.ts"

export type { LoadedCase } from "./decoded-cases.ts"

export interface ImportOptions {
  /** The file's text and the name to report problems under. */
  readonly text: string
  readonly fileName: string
  /** Store the case under this name (and id) instead of the `case.id` the file gives. */
  readonly caseName?: string | undefined
  /**
   * The revision of the case the file was edited from. When the case has moved on since,
   * the import is refused rather than undoing those changes. Default: the revision the file says it
   * was exported from (`exportedFrom`), when it was exported from the case it is imported into; for
   * any other file, the current head.
   */
  readonly basedOn?: number | undefined
  /** Where the file says it was exported from (its header); `importCaseText` reads it from the text. */
  readonly exportedFrom?: ExportedFrom | undefined
  readonly author: string
  readonly reason?: string | undefined
  readonly at?: Date | undefined
  readonly onProgress?: AtomicOptions["onProgress"]
}

export interface ImportResult {
  readonly caseName: string
  /** True when the import created the case; false when it became a new revision of it. */
  readonly created: boolean
  /** The revision the import was saved on top of, and why: given, the file's own, or the head. */
  readonly basedOn?: { readonly revision: number; readonly from: "given" | "file" | "head" } | undefined
  readonly result: CommitResult
}

/** Reads and checks a whole case file, or fails listing every problem in it. */
export const parseCaseFile = (text: string, fileName: string): Effect.Effect<CaseFile, StoreError> =>
  Effect.gen(function* () {
    const read = readCaseText(text, fileName, { kinds: yield* CaseKinds })
    return Result.isSuccess(read)
      ? read.success
      : yield* storeError(new InvalidCaseFile({ file: fileName, problems: read.failure.map(formatProblem) }))
  })

/** Imports a case file: a new case, or a new revision of the case of that name. */
export const importCaseText = (options: ImportOptions): Effect.Effect<ImportResult, StoreError, Store> =>
  Effect.flatMap(parseCaseFile(options.text, options.fileName), (caseFile) =>
    importParsedCase(caseFile, { ...options, exportedFrom: options.exportedFrom ?? exportedFrom(options.text) })
  )

/**
 * Imports a case file already read and checked (by `parseCaseFile`): what `importCaseText` does once
 * the text is read. A caller that reads large files can pause between the two, to let a Ctrl-C stop
 * the import while nothing has been written.
 */
export const importParsedCase = (
  caseFile: CaseFile,
  options: Omit<ImportOptions, "text">
): Effect.Effect<ImportResult, StoreError, Store> =>
  Effect.gen(function* () {
    const store = yield* Store
    const kinds = yield* CaseKinds
    const caseName = options.caseName ?? caseFile.case.id
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
    // The reader checked the whole file; the store need not check its items again.
    const items = checkedCaseItems(caseFile, caseName, kinds)
    const meta = {
      author: options.author,
      reason: options.reason ?? `Imported from ${options.fileName}`,
      at: options.at
    }
    const atomic = {
      onProgress: options.onProgress,
      digests: (yield* CaseDigests).map((maker) => ({ name: maker.name, bytes: maker.ofCase(caseFile) })),
      equivalent: (kind: string, stored: unknown, given: unknown) => sameItem(kind, stored, given, kinds),
      // The reader checked the whole file.
      checkedWhole: true
    }
    const existing = yield* store.listCases
    if (!existing.some((summary) => summary.name === caseName)) {
      const result = yield* store.createCase(caseName, items, meta, atomic)
      return { caseName, created: true, result }
    }
    // A file exported from this case was edited on the revision it names: saving it on the head instead
    // would undo, without a word, whatever was saved since.
    const base =
      options.basedOn !== undefined
        ? { revision: options.basedOn, from: "given" as const }
        : options.exportedFrom?.caseName === caseName
          ? { revision: options.exportedFrom.revision, from: "file" as const }
          : { revision: (yield* store.head(caseName)).number, from: "head" as const }
    const result = yield* store.replaceAll(caseName, base.revision, items, meta, atomic)
    return { caseName, created: false, basedOn: base, result }
  })

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
    return yield* decodedCase(yield* Store, caseName, at, yield* CaseKinds)
  })

/**
 * The canonical YAML text of a case as the store holds it, headed by a comment naming the case and the
 * revision it was exported from (`exportHeader`), which an import of the file takes as its base.
 */
export const exportCaseText = (
  caseName: string,
  at?: RevisionSelector
): Effect.Effect<{ readonly text: string; readonly revision: RevisionInfo }, StoreError, Store> =>
  Effect.gen(function* () {
    const { caseFile, revision } = yield* loadCaseFile(caseName, at)
    const header = exportHeader({ caseName, revision: revision.number })
    return { text: header + writeCaseYaml(caseFile, { kinds: yield* CaseKinds }), revision }
  })

/**
 * Loads the bundled seed case into a new store; meant as the store's `onCreate`. The file is read when
 * a store is created, not when this module is loaded.
 */
export const seedBundledCase: Effect.Effect<void, StoreError, Store> = Effect.suspend(() =>
  Effect.asVoid(
    importCaseText({
      text: bundledCaseText(),
      fileName: "the bundled seed case",
      author: "allegiance",
      reason: "Bundled seed case, loaded when the store was created"
    })
  )
)

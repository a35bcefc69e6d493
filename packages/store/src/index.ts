/**
 * @allegiance/store: cases and their full history in SQLite (a file, by default in the
 * user's data directory) or Cloudflare D1 (`@allegiance/store/d1`, imported on its own so
 * that Workers bundles do not pull in Node's file system).
 */
export { type AtomicOptions, StoreBackend, type StoreBackendShape } from "./backend.ts"
export {
  exportCaseText,
  type ImportOptions,
  type ImportResult,
  importCaseText,
  importParsedCase,
  type LoadedCase,
  loadCaseFile,
  parseCaseFile,
  seedBundledCase
} from "./case-file.ts"
export { caseFileFromItems, caseFileItems, isCaseName } from "./case-items.ts"
export { type CaseDigestMaker, CaseDigests } from "./case-digests.ts"
export { CaseKinds } from "./case-kinds.ts"
export { caseRules, caseRulesFor } from "./case-rules.ts"
export {
  CaseExists,
  CaseNotFound,
  Conflict,
  Corrupt,
  InvalidCaseFile,
  InvalidChange,
  NewerStore,
  RevisionNotFound,
  StoreError,
  type StoreErrorReason,
  Unavailable
} from "./errors.ts"
export { currentStorePath, dataDirectory, storeEnvironmentVariable, storePath } from "./location.ts"
export * as FileStore from "./node.ts"
export { type OpenedStoreOptions, openedStore } from "./open.ts"
export type { HeadDigest } from "./store/digests.ts"
export { latestSchemaVersion } from "./schema/migrations.ts"
export { readStoredMoment } from "./stored-moment.ts"
export {
  type CaseSnapshot,
  type CaseSummary,
  anyItems,
  type CommitResult,
  type ItemChange,
  type ItemInput,
  ItemRules,
  type ItemRulesShape,
  type ItemVersion,
  type LoadOptions,
  type ProposedWrite,
  type RevisionChange,
  type RevisionInfo,
  type RevisionSelector,
  type RevisionSummary,
  Store,
  type StoreShape,
  type StoredItem,
  type WriteMeta,
  type WriteOptions
} from "./store.ts"

/**
 * The digests worked out from a whole case as it is written (imported, or imported again), kept in the
 * same transaction as its revision (see `store/digests.ts`): a reader that starts from one finds it
 * there from the case's first revision on, instead of working it out from every item on its first
 * start. The store does not know what a digest says: an app that reads one provides how it is made
 * (the terminal UI's outline, say), and a store opened without any keeps none.
 */
import type { CaseFile } from "@allegiance/domain/model/index"
import { Context } from "effect"

export interface CaseDigestMaker {
  readonly name: string
  /** The digest of the case as written. */
  readonly ofCase: (caseFile: CaseFile) => Uint8Array
}

export const CaseDigests = Context.Reference<ReadonlyArray<CaseDigestMaker>>("@allegiance/store/CaseDigests", {
  defaultValue: () => []
})

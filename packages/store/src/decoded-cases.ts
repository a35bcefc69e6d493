/**
 * Cases decoded from a store for evaluation, remembered per open store: item versions,
 * which never change, and the last few whole cases, so that loading a case again (the API
 * and the terminal UI do, for every evaluation; the store does, to check a change) costs
 * one query for its head when nothing changed.
 */
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { type CaseFile, type CaseModel, modelOf } from "@allegiance/domain/model/index"
import { Effect, Result } from "effect"
import { caseFileFromItems, DecodedItems } from "./case-items.ts"
import { Corrupt, type StoreError, storeError } from "./errors.ts"
import type { CaseSnapshot, RevisionInfo, RevisionSelector, StoreShape } from "./store.ts"

export interface LoadedCase {
  readonly caseFile: CaseFile
  readonly revision: RevisionInfo
}

interface Decoded {
  readonly items: DecodedItems
  readonly cases: Map<string, LoadedCase>
}
// Per store, and per model: what a case decodes to depends on the kinds of claim it is read with.
const decodedByStore = new WeakMap<StoreShape, WeakMap<CaseModel, Decoded>>()
const casesKept = 4

const decodedOf = (store: StoreShape, kinds?: ReadonlyArray<ClaimKind>): Decoded => {
  const model = modelOf(kinds)
  let byModel = decodedByStore.get(store)
  if (byModel === undefined) {
    byModel = new WeakMap()
    decodedByStore.set(store, byModel)
  }
  let decoded = byModel.get(model)
  if (decoded === undefined) {
    decoded = { items: new DecodedItems(), cases: new Map() }
    byModel.set(model, decoded)
  }
  return decoded
}

/**
 * Keeps a case its writer built in memory (the case it saved, with items appended) as the decoded case
 * at that revision, so that the next load or check of it need not read it back.
 */
export const rememberDecodedCase = (
  store: StoreShape,
  caseName: string,
  loaded: LoadedCase,
  kinds?: ReadonlyArray<ClaimKind>
): void => {
  const { cases } = decodedOf(store, kinds)
  cases.set(`${caseName}\u0000${loaded.revision.number}`, loaded)
  if (cases.size > casesKept) cases.delete(cases.keys().next().value!)
}

/**
 * A case of `store` decoded: at its head, or at the revision or moment `at` picks, its claims of
 * `kinds` (the built-in ones unless given).
 */
export const decodedCase = (
  store: StoreShape,
  caseName: string,
  at?: RevisionSelector,
  kinds?: ReadonlyArray<ClaimKind>
): Effect.Effect<LoadedCase, StoreError> =>
  Effect.gen(function* () {
    const { items, cases } = decodedOf(store, kinds)
    const wanted = at === undefined ? yield* store.head(caseName) : yield* store.resolveRevision(caseName, at)
    const known = cases.get(`${caseName}\u0000${wanted.number}`)
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
    return yield* decodedSnapshot(store, caseName, snapshot, kinds)
  })

/**
 * A snapshot of a case its caller read itself (`store.load`), decoded as `decodedCase` decodes one and
 * remembered as that revision's decoded case: for a caller that looks at the stored bodies first (the
 * terminal UI draws its lists from them) and decodes the case after, reading it once.
 */
export const decodedSnapshot = (
  store: StoreShape,
  caseName: string,
  snapshot: CaseSnapshot,
  kinds?: ReadonlyArray<ClaimKind>
): Effect.Effect<LoadedCase, StoreError> =>
  Effect.gen(function* () {
    const { items, cases } = decodedOf(store, kinds)
    // A case checked whole when it was written, whose checksums hold, is as it was then: it need not be
    // checked whole again. Any other is, so that a reference to nothing is reported, not shown.
    const caseFile = caseFileFromItems(snapshot.items, { decoded: items, caseName }, modelOf(kinds).kinds, {
      checkWhole: !snapshot.checkedWhole
    })
    if (Result.isFailure(caseFile)) {
      return yield* storeError(
        new Corrupt({
          location: store.location,
          details: `case "${caseName}" at revision ${snapshot.revision.number} is not a readable case:${caseFile.failure.map((problem) => `\n  ${problem}`).join("")}`
        })
      )
    }
    const loaded = { caseFile: caseFile.success, revision: snapshot.revision }
    cases.set(`${caseName}\u0000${snapshot.revision.number}`, loaded)
    if (cases.size > casesKept) cases.delete(cases.keys().next().value!)
    return loaded
  })

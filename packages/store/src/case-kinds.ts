/**
 * The kinds of claim the cases of a store may hold. A store opened with a package's own kinds
 * (`FileStore.layer({ filename, kinds })`) provides them to whatever runs in it: importing, loading,
 * exporting and checking its cases all read them here, and default to the built-in kinds.
 */
import type { ClaimKind } from "@allegiance/domain/claims/claim-kind"
import { builtInKinds } from "@allegiance/domain/claims/index"
import { Context } from "effect"

export const CaseKinds = Context.Reference<ReadonlyArray<ClaimKind>>("@allegiance/store/CaseKinds", {
  defaultValue: () => builtInKinds
})

import { Schema } from "effect"
import { builtInKinds } from "../claims/index.ts"

export { type AnyClaim, commonClaimFields, MadeBy } from "./claim-fields.ts"

type SchemasOf<Kinds> = {
  readonly [At in keyof Kinds]: Kinds[At] extends { readonly schema: infer S } ? S : never
}

/**
 * A claim of one of the kinds built into the domain, each declared in its own module under `claims/`.
 * A case read with more kinds (a package's own, passed as `kinds`) also holds claims of those kinds,
 * which this type does not name: code that handles every claim alike goes through the claim's kind
 * (`CaseView.model.kindOf`), and code written for a kind named here passes the others by.
 */
export const Claim = Schema.Union(
  builtInKinds.map((kind) => kind.schema) as unknown as SchemasOf<typeof builtInKinds>
)
export type Claim = typeof Claim.Type
export type ClaimKindName = Claim["kind"]
export type ClaimOf<K extends ClaimKindName> = Extract<Claim, { readonly kind: K }>

export const isClaimOf =
  <K extends ClaimKindName>(kind: K) =>
  (claim: Claim): claim is ClaimOf<K> =>
    claim.kind === kind

import type { ClaimKind } from "@allegiance/domain"
import type { StatementContext } from "./statement-claims.ts"

/** A claim as the generator writes it before decoding, without what every claim gets alike (id, maker, citation). */
export type GeneratedClaim = { readonly kind: string; readonly scope: string } & Readonly<
  Record<string, unknown>
>

/**
 * A kind of claim that a package adds, with how generated statements make claims of it: the generator
 * knows the built-in kinds, and draws a package's kinds beside them in proportion to their weights.
 */
export interface GeneratedKind {
  /** The kind, as the package declares it. */
  readonly kind: ClaimKind
  /** How often it opens a statement, beside the built-in kinds' weights (`STATEMENT_CLAIM_WEIGHTS`). */
  readonly weight: number
  /** The title of a statement it opens ("Announcement of a truce"), if it gives one. */
  readonly title?: string
  /**
   * The claim a statement makes, drawn from `context.random` alone (so that a seed gives one case), or
   * undefined when the case offers nothing it could be about.
   */
  readonly make: (context: StatementContext) => GeneratedClaim | undefined
}

import { Schema } from "effect"
import type { ItemSection } from "../model/case-file.ts"
import { type AnyClaim, commonClaimFields } from "../model/claim-fields.ts"
import type { Expectation } from "../model/question.ts"
import type { RelationshipKind } from "../model/relationship.ts"
import type { CaseView } from "../reasoning/case-view.ts"

/** The sections whose items a field of a claim may name: one, or any of several. */
export type Refers = ItemSection | ReadonlyArray<ItemSection>

/** A claim's Schema: its kind, the fields every claim has, and its own, in that order. */
export type ClaimSchema<K extends string, F extends Schema.Struct.Fields> = Schema.Struct<
  { readonly kind: Schema.Literal<K> } & typeof commonClaimFields & F
>

/**
 * What one kind of claim is and how the reasoning reads it, declared together in the kind's own module:
 * a case file, the JSON Schema, the store and the reasoning all take their knowledge of a kind from here,
 * so that a kind is added by writing its module and listing it (see `builtInKinds`), in this package or
 * outside it. Write one with `claimKind`.
 */
export interface ClaimKind<C = AnyClaim, S extends Schema.Top = Schema.Top> {
  /** The kind's name, as a case file writes it in `kind`. */
  readonly kind: string
  /** The Schema of a claim of this kind, made by `claimKind` from the kind's own fields. */
  readonly schema: S
  /**
   * The fields that name other items of the case, with the sections those items must be in. The case's
   * integrity check holds each to it, and the reasoning indexes claims by what they name: by the
   * channels they name, and by the statements, claims and observations they are about.
   */
  readonly refers: Readonly<Record<string, ReadonlyArray<ItemSection>>>
  /** The claim in words, as an explanation cites it: "that X merged into Y". `name` names an item by id. */
  describe(claim: C, name: (id: string) => string): string
  /**
   * The proposition the claim states, as a key: claims with the same key say the same thing and
   * corroborate each other (rule 8). It leaves out who made the claim and when.
   */
  proposition(claim: C): string
  /**
   * The same key with the actor whose scope is in question left out, so that claims of the same shape
   * about a branch and about its parent can be compared (rule 4). The kind's name when left out.
   */
  shape?(claim: C): string
  /**
   * Whether the claim is a decision taken in the name of the actor it is about (a pledge, a dissolution):
   * made by part of the actor, it stands only while the statement making it speaks for the whole (rule 5).
   */
  readonly decision?: boolean
  /** The relationship between two actors that the claim asserts, if it asserts one. */
  readonly relationship?: {
    readonly kind: RelationshipKind
    /** Its two ends, from and to. */
    between(claim: C): readonly [string, string]
    /** Whether it reads the same both ways (cooperation, rivalry): then its ends are kept in one order. */
    readonly symmetric?: boolean
  }
  /**
   * The actor whose existence the claim ends (a dissolution, a merger away), if it ends one. An
   * established end makes the actor cease from the claim's date; evidence of the actor at work not
   * before that date attacks the claim (rule 7); hypotheses that the actor goes on count it against them.
   */
  ends?(claim: C): string
  /** What the claim shows of an actor at work, if it is a report of activity (rule 7). */
  activity?(claim: C): { readonly actor: string; readonly description: string } | undefined
  /**
   * Why the claim counts against a hypothesis's expectation that it does not state, if it does: word
   * that only part of an actor acted counts against a pledge by the whole. Stating the expectation's
   * kind with its roles counts for it without saying so here. It reads what the expectation names (its
   * kind and roles), not whether it holds: that only turns the bearing for or against the hypothesis.
   */
  against?(
    claim: C,
    expectation: Expectation,
    view: CaseView,
    name: (id: string) => string
  ): string | undefined
  /** The claims of this kind a view holds, in the case's order. */
  claimsIn(view: CaseView): ReadonlyArray<C>
  /** The claims of this kind among `claims` (what a view adds to the one it extends, say), in their order. */
  among(claims: ReadonlyArray<{ readonly kind: string }>): ReadonlyArray<C>
  /** The claim of this kind with that id in a view, if there is one. */
  claimOf(view: CaseView, id: string): C | undefined
}

/** What a kind's module declares besides its name and fields: everything in `ClaimKind` it writes itself. */
export type ClaimReading<C> = Omit<
  ClaimKind<C>,
  "kind" | "schema" | "refers" | "claimsIn" | "among" | "claimOf"
> & {
  readonly refers: Readonly<Record<string, Refers>>
}

const sectionsOf = (refers: Refers): ReadonlyArray<ItemSection> =>
  typeof refers === "string" ? [refers] : refers

/**
 * A claim kind from its name, its own fields (Schemas, as for `Schema.Struct`) and how the reasoning
 * reads it. Its Schema holds the kind's name, the fields every claim has (id, scope, madeBy, ...) and
 * its own, in that order.
 */
export const claimKind = <const K extends string, const F extends Schema.Struct.Fields>(
  kind: K,
  fields: F,
  reading: ClaimReading<ClaimSchema<K, F>["Type"]>
): ClaimKind<ClaimSchema<K, F>["Type"], ClaimSchema<K, F>> => {
  type C = ClaimSchema<K, F>["Type"]
  if (!/^[a-z][a-z0-9-]*$/.test(kind))
    throw new Error(`A claim kind is named in lower-case words joined by dashes, not "${kind}"`)
  for (const field of Object.keys(fields))
    if (field === "kind" || Object.hasOwn(commonClaimFields, field))
      throw new Error(`The claim kind "${kind}" declares "${field}", a field every claim has already`)
  for (const field of Object.keys(reading.refers))
    if (!Object.hasOwn(fields, field))
      throw new Error(
        `The claim kind "${kind}" says its field "${field}" names an item, but has no such field`
      )
  const schema = Schema.Struct({
    kind: Schema.Literal(kind),
    ...commonClaimFields,
    ...fields
  }) as ClaimSchema<K, F>
  return {
    ...reading,
    refers: Object.fromEntries(Object.entries(reading.refers).map(([field, to]) => [field, sectionsOf(to)])),
    kind,
    schema,
    claimsIn: (view) => view.claimsByKind.get(kind) as unknown as ReadonlyArray<C>,
    among: (claims) => claims.filter((claim) => claim.kind === kind) as unknown as ReadonlyArray<C>,
    claimOf: (view, id) => {
      const claim = view.claimById.get(id) as AnyClaim | undefined
      return claim?.kind === kind ? (claim as C) : undefined
    }
  }
}

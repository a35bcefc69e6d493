import { Effect, Schema } from "effect"
import { Citations } from "./citation.ts"
import { DateField } from "./date-field.ts"
import { ActorId, ClaimId, EvidenceId, SourceId, StatementId } from "./ids.ts"
import { Credibility } from "./source.ts"

/** Who makes a claim: a statement (the claim is that statement's content) or a source reporting it. */
export const MadeBy = Schema.Union([
  Schema.Struct({ statement: StatementId }),
  Schema.Struct({ source: SourceId })
])
export type MadeBy = typeof MadeBy.Type

/** Fields every claim has, whatever its kind; each kind's own come after them. */
export const commonClaimFields = {
  id: ClaimId,
  /** The actor the claim is about. A claim about a branch is not a claim about its parent. */
  scope: ActorId,
  madeBy: MadeBy,
  /**
   * When the claim was made or reported. Claims made by a statement default to the statement's date;
   * claims reported by a source must say when the source made them.
   */
  reported: Schema.optionalKey(DateField),
  /** When the claimed event happened, when the claim dates it ("five months ago"). */
  occurred: Schema.optionalKey(DateField),
  /** The actor the claim is attributed to when the source reports someone else's words. */
  attributedTo: Schema.optionalKey(ActorId),
  /** The evidence the claim says it rests on, when it says so. */
  restsOn: Schema.Array(EvidenceId).pipe(Schema.withDecodingDefaultKey(Effect.succeed([]))),
  credibility: Schema.optionalKey(Credibility),
  summary: Schema.optionalKey(Schema.String),
  /**
   * The short name a writer would use for it in a sentence ("the August 2014 Shura statement"); without
   * one, explanations derive a name from what the item holds. Ids never appear in running text.
   */
  label: Schema.optionalKey(Schema.NonEmptyString),
  cites: Citations
}

const commonClaim = Schema.Struct(commonClaimFields)

/**
 * A claim of any kind, as code that handles every kind alike sees it: the fields every claim has and
 * the name of its kind. What else it holds is for its kind's module to say (see `ClaimKind`).
 */
export type AnyClaim = typeof commonClaim.Type & { readonly kind: string }

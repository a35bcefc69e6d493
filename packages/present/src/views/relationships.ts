import type {
  CaseEvaluation,
  DerivedRelationship,
  IsoDay,
  RelationshipKind,
  Status
} from "@allegiance/domain"
import type { CaseLabels } from "./labels.ts"
import { type Badge, badgeOf } from "./status-badge.ts"

/** A relationship between two actors as the views show it. */
export interface RelationshipRow {
  readonly id: string
  readonly kind: RelationshipKind
  /** "pledged to", "merged into", "cooperates with"... */
  readonly words: string
  readonly from: { readonly id: string; readonly name: string }
  readonly to: { readonly id: string; readonly name: string }
  readonly status: Status
  readonly badge: Badge
  readonly confidence: string
  readonly start?: IsoDay
  readonly end?: IsoDay
  /** For allegiance: whether the recipient acknowledged it. */
  readonly accepted?: boolean
  readonly claims: ReadonlyArray<string>
  readonly sources: ReadonlyArray<string>
}

const kindWords: { readonly [K in RelationshipKind]: string } = {
  "pledged-to": "pledged allegiance to",
  "accepted-by": "had its pledge accepted by",
  "branch-of": "is a branch of",
  "merged-into": "merged into",
  "cooperates-with": "cooperates with",
  "protected-by": "is protected by",
  "rival-of": "is a rival of",
  "member-of": "is a member of",
  "partial-allegiance": "has members who pledged allegiance to"
}

export const relationshipWords = (kind: RelationshipKind): string => kindWords[kind]

export const relationshipRow = (relationship: DerivedRelationship, labels: CaseLabels): RelationshipRow => ({
  id: relationship.id,
  kind: relationship.kind,
  words: kindWords[relationship.kind],
  from: { id: relationship.from, name: labels.of(relationship.from) },
  to: { id: relationship.to, name: labels.of(relationship.to) },
  status: relationship.verdict.status,
  badge: badgeOf(relationship.verdict.status),
  confidence: relationship.verdict.confidence.words,
  ...(relationship.start === undefined ? {} : { start: relationship.start }),
  ...(relationship.end === undefined ? {} : { end: relationship.end }),
  ...(relationship.accepted === undefined ? {} : { accepted: relationship.accepted }),
  claims: relationship.claims,
  sources: relationship.sources
})

/**
 * Names compared in one fixed collation, not the machine's locale: the same case gives the same order
 * (and the same brief, byte for byte) wherever it is shown.
 */
const collator = new Intl.Collator("en")
const byName = (a: string, b: string) => collator.compare(a, b)

/** Every relationship of the evaluation, established first, then by kind and names. */
export const relationshipRows = (
  evaluation: CaseEvaluation,
  labels: CaseLabels
): ReadonlyArray<RelationshipRow> =>
  relationshipsInOrder(evaluation, labels).map((relationship) => relationshipRow(relationship, labels))

/**
 * The relationships of the evaluation in the order their rows are listed (`relationshipRows`), without
 * the rows: a brief lists a few hundred of tens of thousands, and builds only those.
 */
export const relationshipsInOrder = (
  evaluation: CaseEvaluation,
  labels: CaseLabels
): ReadonlyArray<DerivedRelationship> => {
  const order: Record<Status, number> = { established: 0, contested: 1, unsupported: 2, refuted: 3 }
  // Tens of thousands of rows name a few hundred actors: each distinct name is placed in the collation
  // once (names the collation holds equal share a place), and the rows are sorted by those places.
  const names = new Set<string>()
  for (const relationship of evaluation.relationships)
    names.add(labels.of(relationship.from)).add(kindWords[relationship.kind]).add(labels.of(relationship.to))
  const sorted = [...names].sort(byName)
  const place = new Map<string, number>()
  sorted.forEach((name, index) => {
    const previous = sorted[index - 1]
    place.set(name, previous !== undefined && byName(previous, name) === 0 ? place.get(previous)! : index)
  })
  const keyed = evaluation.relationships.map((relationship) => ({
    relationship,
    status: order[relationship.verdict.status],
    from: place.get(labels.of(relationship.from))!,
    words: place.get(kindWords[relationship.kind])!,
    to: place.get(labels.of(relationship.to))!
  }))
  return keyed
    .sort(
      (a, b) =>
        a.status - b.status ||
        a.from - b.from ||
        a.words - b.words ||
        a.to - b.to ||
        (a.relationship.id < b.relationship.id ? -1 : 1)
    )
    .map((row) => row.relationship)
}

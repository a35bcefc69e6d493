/**
 * What each view of a case says, worked out once from a case and its evaluation, as plain data that the
 * terminal UI, the brief and the API render each in their own way (and that crosses a worker thread or
 * an HTTP response as it is).
 */
export { type ActorRow, actorRows } from "./actors.ts"
export {
  type AttackFinding,
  type AttackIndex,
  attackIndex,
  type CitedReason,
  citedReason,
  itemOfArgument
} from "./arguments.ts"
export { type AsOfView, asOfView, listedAtMost, viewSince } from "./as-of-view.ts"
export {
  type BriefContent,
  type BriefMatrix,
  type BriefOptions,
  type BriefRelationship,
  briefContent,
  type LeftOutItem,
  questionIds
} from "./brief-content.ts"
export {
  type BriefJudgment,
  type BriefJudgmentOptions,
  type BriefJudgments,
  briefJudgment,
  briefJudgments,
  evidenceOf
} from "./brief-judgments.ts"
export {
  type CaseOutline,
  caseOutline,
  type NamedSection,
  type OutlineInput,
  type OutlineNames,
  type OutlineParts,
  type OutlineTimeline,
  sectionLetters
} from "./case-outline.ts"
export { type ChronologyEntry, type ChronologyRow, chronologyEntries, chronologyRows } from "./chronology.ts"
export { type SourceLookup, sourceLookup } from "./citations.ts"
export { type Clause, clausesOf } from "./clauses.ts"
export { type DateCheck, dateCheckOf } from "./date-check.ts"
export { type CitedStep, type DisputedItem, type DisputeSide, disputedItems } from "./disputes.ts"
export { type HypothesesMatrix, hypothesesMatrices, hypothesesMatrix, type MatrixCell } from "./hypotheses.ts"
export { type ItemDetail, type ItemLink, itemDetail } from "./item-detail.ts"
export * from "./item-form/index.ts"
export { type JudgedItem, judgedItem, type KeyJudgments, keyJudgments } from "./key-judgments.ts"
export { type CaseLabels, caseLabels, type ItemKind, itemNames, labelsWith, uncutName } from "./labels.ts"
export {
  type ChangeSince,
  outlineDigestBytes,
  outlineDigestMaker,
  outlineDigestName,
  outlineOfDigest
} from "./outline-digest.ts"
export { type EvidenceSection, outlineWithItem } from "./outline-edits.ts"
export { indexOutline, type OutlineLookup, outlineIndexer, outlineLookup } from "./outline-names.ts"
export { caseOutlineOf } from "./outline-of-case.ts"
export { outlineOfStored, type StoredBody } from "./outline-of-stored.ts"
export {
  type RelationshipRow,
  relationshipRow,
  relationshipRows,
  relationshipWords
} from "./relationships.ts"
export { type RevisionFacts, type RevisionRow, revisionRows } from "./revisions.ts"
export { whatWouldSettle } from "./settle-it.ts"
export { type SourceRow, sourceRows } from "./sources.ts"
export { allBadges, type Badge, badgeOf } from "./status-badge.ts"
export { type AsOfStep, readAsOfDay, stepAsOf } from "./time-travel.ts"
export {
  type DateShown,
  dateShown,
  filterTimeline,
  neighbouringEvents,
  type TimelineFilter,
  type TimelineRow,
  timelineRowOf,
  timelineRows,
  writtenDay,
  writtenInterval
} from "./timeline.ts"
export {
  nextStatusFilter,
  searchHits,
  toggleActorFilter,
  toggleChannelFilter,
  withNextStatus,
  withWords
} from "./timeline-filters.ts"
export { type TimelineIndex, timelineIndex } from "./timeline-index.ts"
export {
  type TimelineVerdicts,
  timelineVerdictLookup,
  timelineVerdicts,
  verdictAt
} from "./timeline-verdicts.ts"
export {
  indexVerdicts,
  type StatusCounts,
  statusCounts,
  type VerdictIndex,
  type VerdictLookup,
  type VerdictShift,
  verdictShifts
} from "./verdicts.ts"

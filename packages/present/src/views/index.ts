/**
 * What each view of a case says, worked out once from a case and its evaluation, as plain data that the
 * terminal UI, the brief and the API render each in their own way (and that crosses a worker thread or
 * an HTTP response as it is).
 */
export { type ActorRow, actorRows } from "./actors.ts"
export { type HypothesesMatrix, hypothesesMatrix, type MatrixCell } from "./hypotheses.ts"
export { type ItemDetail, type ItemLink, itemDetail } from "./item-detail.ts"
export { type JudgedItem, judgedItem, type KeyJudgments, keyJudgments } from "./key-judgments.ts"
export { type CaseLabels, caseLabels, type ItemKind } from "./labels.ts"
export {
  type RelationshipRow,
  relationshipRow,
  relationshipRows,
  relationshipWords
} from "./relationships.ts"
export { type SourceRow, sourceRows } from "./sources.ts"
export { allBadges, type Badge, badgeOf } from "./status-badge.ts"
export {
  type DateShown,
  dateShown,
  filterTimeline,
  neighbouringEvents,
  type TimelineFilter,
  type TimelineRow,
  timelineRows,
  writtenDay,
  writtenInterval
} from "./timeline.ts"
export {
  indexVerdicts,
  type StatusCounts,
  statusCounts,
  type VerdictIndex,
  type VerdictShift,
  verdictShifts
} from "./verdicts.ts"

/**
 * What a package outside the domain needs to add a kind of claim or a rule (see docs/extending.md): the
 * built-in kinds to start from, the maker of a kind, and the parts of the reasoning a rule reads (the
 * case as of a day, indexed) and writes (findings about arguments). `builtInRules` and `Rule` come with
 * the reasoning.
 */
export {
  type ClaimKind,
  type ClaimReading,
  type ClaimSchema,
  claimKind,
  type Refers
} from "./claims/claim-kind.ts"
export { builtInKinds } from "./claims/index.ts"
export { isWithin, speaksAsPartOf, speaksWithin, voicesOf } from "./reasoning/actor-tree.ts"
export {
  type Additions,
  type CaseView,
  claimDate,
  dateInSentence,
  indexPerView,
  itemName,
  nameSaysDate,
  nameWithDate,
  type PerViewOptions,
  perView,
  readsNoTree,
  sourceName,
  statementsByActor,
  upperFirst,
  viewCase
} from "./reasoning/case-view.ts"
export { standingOn } from "./reasoning/conditional.ts"
export { instantOf, notSurelyBefore, surelyBefore, unordered } from "./reasoning/dates.ts"
export {
  type ArgumentKey,
  authOf,
  claimArg,
  continuesOf,
  obsArg,
  repOf,
  type WordedLater,
  worded
} from "./reasoning/finding.ts"
export type { ListIndex } from "./reasoning/list-index.ts"
export { groupedRule, idsOf, selfAndAncestors } from "./reasoning/rule.ts"

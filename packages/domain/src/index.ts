export * from "./model/index.ts"
export { checkIntegrity } from "./case/integrity.ts"
export { type CaseProblem, formatPath } from "./case/case-problem.ts"
export * from "./calendar/printed-date.ts"

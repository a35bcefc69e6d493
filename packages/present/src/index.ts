/** Presentations of cases and evaluations, shared by the command line, the terminal UI, the brief and the API. */
export { caseSummary } from "./case-summary.ts"
export { evaluationSummary } from "./evaluation-summary.ts"
export * from "./views/index.ts"

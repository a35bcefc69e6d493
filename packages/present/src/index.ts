/** Plain-text presentations of cases and evaluations, shared by the command line, the terminal UI and the brief. */
export { caseSummary } from "./case-summary.ts"
export { evaluationSummary } from "./evaluation-summary.ts"

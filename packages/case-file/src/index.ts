export { type LocatedProblem, formatProblem } from "./located-problem.ts"
export { readCaseText } from "./read-case.ts"
export { writeCaseYaml } from "./write-case.ts"
export { bundledCaseId, bundledCasePath, bundledCaseText } from "./bundled-case.ts"

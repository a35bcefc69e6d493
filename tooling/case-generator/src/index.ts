export { addStatement } from "./add-statement.ts"
export {
  type CaseFileInput,
  GENERATED_SPAN,
  type GenerateOptions,
  generateCase,
  generateCaseInput
} from "./generate-case.ts"
export { Random } from "./random.ts"

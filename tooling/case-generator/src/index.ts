export { addStatement } from "./add-statement.ts"
export { dayOfIso, isoOf, onDay } from "./days.ts"
export {
  type CaseFileInput,
  GENERATED_SPAN,
  type GenerateOptions,
  generateCase,
  generateCaseInput,
  generatedKinds
} from "./generate-case.ts"
export type { GeneratedClaim, GeneratedKind } from "./generated-kind.ts"
export { Random } from "./random.ts"
export { STATEMENT_CLAIM_WEIGHTS, type StatementContext } from "./statement-claims.ts"
export type { ActorNode, ChannelNode, World } from "./world.ts"

import { generateCaseInput } from "@allegiance/case-generator"
import { Schema } from "effect"
import { CaseFile } from "../src/model/case-file.ts"
import { evaluateCase } from "../src/reasoning/evaluate.ts"
const caseFile = Schema.decodeUnknownSync(CaseFile)(generateCaseInput({ statements: 100000, seed: 1 }))
const t = performance.now()
evaluateCase(caseFile, { asOf: "2016-12-31" as any })
console.log("evaluate", (performance.now() - t).toFixed(0))

import { generateCaseInput } from "@allegiance/case-generator"
import { Schema } from "effect"
import { CaseFile } from "../src/model/case-file.ts"
const caseFile = Schema.decodeUnknownSync(CaseFile)(generateCaseInput({ statements: 100000, seed: 1 }))
const reasoning = await import("../src/reasoning/index.ts")
for (let i = 0; i < 2; i++) {
const t = performance.now()
reasoning.evaluateCase(caseFile, { asOf: "2016-12-31" as any })
console.log("evaluate", (performance.now() - t).toFixed(0))
}

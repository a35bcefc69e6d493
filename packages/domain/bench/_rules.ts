import { generateCaseInput } from "@allegiance/case-generator"
import { Schema } from "effect"
import { CaseFile } from "../src/model/case-file.ts"
import { viewCase } from "../src/reasoning/case-view.ts"
import { rules } from "../src/reasoning/rules/index.ts"
const caseFile = Schema.decodeUnknownSync(CaseFile)(generateCaseInput({ statements: 100000, seed: 1 }))
for (let round = 0; round < 2; round++) {
let t = performance.now()
const view = viewCase(caseFile, "2016-12-31" as any)
const out = [`view ${(performance.now() - t).toFixed(0)}`]
for (const rule of rules) { t = performance.now(); rule.apply(view); out.push(`${rule.name.slice(0, 8)} ${(performance.now() - t).toFixed(0)}`) }
console.log(out.join("  "))
}

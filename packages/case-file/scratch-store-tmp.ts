import { CaseFile } from "@allegiance/domain/model/case-file"
import { Schema } from "effect"
import { generateCase } from "../store/test/support/generated-case.ts"
const obj = generateCase({ statements: 100000 })
const time = (label: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(label, (performance.now() - t).toFixed(0)); return r }
const d = time("decode default", () => Schema.decodeUnknownSync(CaseFile)(obj)) as CaseFile
time("decode default again", () => Schema.decodeUnknownSync(CaseFile)(obj))
time("decode first+excess error", () => Schema.decodeUnknownSync(CaseFile, { onExcessProperty: "error" })(obj))
time("decode all", () => Schema.decodeUnknownSync(CaseFile, { errors: "all" })(obj))
time("encode", () => Schema.encodeSync(CaseFile)(d))
console.log(process.memoryUsage().rss / 1e6)

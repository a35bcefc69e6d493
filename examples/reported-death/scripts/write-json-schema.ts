// Regenerates reported-death.schema.json, the JSON Schema of a case file that may hold reported deaths.
import { writeFileSync } from "node:fs"
import { caseFileJsonSchema } from "@allegiance/case-file"
import { kinds } from "../src/index.ts"

const target = new URL("../reported-death.schema.json", import.meta.url)
writeFileSync(target, caseFileJsonSchema({ kinds }))
console.log(`wrote ${target.pathname}`)

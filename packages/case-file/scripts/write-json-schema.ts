// Regenerates case-file.schema.json from the model's Schemas: run after changing the model.
import { writeFileSync } from "node:fs"
import { caseFileJsonSchema } from "../src/json-schema.ts"

const target = new URL("../case-file.schema.json", import.meta.url)
writeFileSync(target, caseFileJsonSchema())
console.log(`wrote ${target.pathname}`)

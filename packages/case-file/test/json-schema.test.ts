import { readFileSync } from "node:fs"
import { itemSections } from "@allegiance/domain"
import { expect, it } from "vitest"
import { caseFileJsonSchema } from "../src/json-schema.ts"

it("the checked-in JSON Schema is the one the model generates (run `pnpm --filter @allegiance/case-file json-schema` after changing the model)", () => {
  const checkedIn = readFileSync(new URL("../case-file.schema.json", import.meta.url), "utf8")
  expect(checkedIn).toBe(caseFileJsonSchema())
  const schema = JSON.parse(checkedIn)
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["case", ...itemSections]))
})

import { Result } from "effect"
import { expect, it } from "vitest"
import { readCaseText } from "../src/index.ts"

it("reports an alias that points nowhere instead of failing", () => {
  const read = readCaseText("case: *nowhere\n", "alias.yaml")
  expect(Result.isFailure(read) && read.failure[0]!.message).toMatch(/alias|YAML/)
})

import { basename } from "node:path"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"
import { bundledCaseId, bundledCasePath, bundledCaseText } from "../src/index.ts"

describe("the bundled case", () => {
  it("is named, without being read, by the id its file gives", () => {
    const { case: info } = parse(bundledCaseText()) as { case: { id: string } }
    expect(bundledCaseId()).toBe(info.id)
    expect(basename(bundledCasePath())).toBe(`${info.id}.yaml`)
  })
})

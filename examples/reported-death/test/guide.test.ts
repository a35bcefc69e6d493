/**
 * docs/extending.md walks through this package: its code blocks are copied from the package's files,
 * and its verdicts are the ones the package's case gives. This test fails when either drifts.
 */
import { readFileSync } from "node:fs"
import { readCaseText } from "@allegiance/case-file"
import { evaluateCase, explanationText, type IsoDay } from "@allegiance/domain"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { kinds, rules } from "../src/index.ts"

const root = new URL("../../../", import.meta.url)
const guide = readFileSync(new URL("docs/extending.md", root), "utf8")

/** The guide's fenced blocks of a language, each with its text. */
const blocks = (language: string): ReadonlyArray<string> =>
  [...guide.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1]!)

describe("the guide to extending the domain", () => {
  const code = blocks("ts")

  it("shows code from the example package", () => {
    expect(code.length).toBeGreaterThanOrEqual(5)
  })

  it.each(code.map((block) => [block.split("\n")[0]!, block]))(
    "copies the block headed %s from that file, word for word",
    (heading, block) => {
      const path = /^\/\/ (examples\/reported-death\/\S+)$/.exec(heading)?.[1]
      expect(path, "each block starts with a comment naming the file it comes from").toBeDefined()
      const file = readFileSync(new URL(path!, root), "utf8")
      expect(file).toContain(block.slice(heading.length + 1))
    }
  )

  it("quotes the verdicts the example's case gives", () => {
    const text = readFileSync(new URL("../cases/posthumous-message.yaml", import.meta.url), "utf8")
    const read = readCaseText(text, "posthumous-message.yaml", { kinds })
    if (Result.isFailure(read)) throw new Error("the example case does not read")
    const evaluation = evaluateCase(read.success, { asOf: "2016-03-21" as IsoDay, kinds, rules })
    const lines = [
      ...[...evaluation.statements, ...evaluation.claims].map(
        (verdict) => `${verdict.id}: ${verdict.status}, ${verdict.confidence.words}`
      ),
      ...evaluation.lifecycles
        .filter((life) => life.state !== "unknown")
        .map((life) => `${life.actor}: ${life.because}`),
      ...evaluation.questions.flatMap((question) =>
        question.hypotheses.map((h) => `${h.hypothesis}: rank ${h.rank}, ${h.verdict.status}`)
      ),
      "",
      explanationText(evaluation.statements.find((verdict) => verdict.id === "st-message")!)
    ]
    const marker =
      "<!-- the example's verdicts as of 2016-03-21, kept current by test/guide.test.ts -->\n```text\n"
    expect(guide).toContain(`${marker}${lines.join("\n")}\n\`\`\``)
  })
})

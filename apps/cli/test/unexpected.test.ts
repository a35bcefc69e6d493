import { describe, expect, it } from "@effect/vitest"
import { Console, Data, Effect, Exit } from "effect"
import { reportUnexpected } from "../src/unexpected.ts"

/** Runs `program` under reportUnexpected with standard error captured. */
const reported = async (program: Effect.Effect<unknown, unknown>) => {
  const lines: Array<string> = []
  const capture = { ...console, error: (...args: ReadonlyArray<unknown>) => lines.push(args.join(" ")) }
  const exitCode = process.exitCode
  const exit = await Effect.runPromiseExit(
    reportUnexpected(program).pipe(
      Effect.provideService(Console.Console, capture as unknown as Console.Console)
    )
  )
  const code = process.exitCode
  process.exitCode = exitCode
  return { exit, text: lines.join("\n"), code }
}

class KnownProblem extends Data.TaggedError("KnownProblem")<{ readonly message: string }> {}

describe("a fault Allegiance did not foresee", () => {
  it("is told in one sentence with no stack trace, and marks the process failed", async () => {
    const fault = new TypeError("Cannot read properties of undefined (reading 'id')")
    const { exit, text, code } = await reported(Effect.die(fault))
    expect(Exit.isSuccess(exit)).toBe(true)
    expect(text).toContain("Allegiance stopped on a fault of its own: Cannot read properties of undefined")
    expect(text).toContain("--debug")
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/)
    expect(code).toBe(70)
  })

  it("leaves failures the command already reported alone", async () => {
    const { exit, text } = await reported(Effect.fail(new KnownProblem({ message: "no such case" })))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(text).toBe("")
  })
})
